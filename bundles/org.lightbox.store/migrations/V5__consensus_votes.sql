-- Lightbox store, schema version 5: who voted what behind each consensus label (issue 6, provenance).
-- ConsensusLabel.votes, e.g. "r1:PRESENT;r2:ABSENT;r3:PRESENT": the reader ids and values the method decided on.
-- Labels stored before this version have none (NULL).
ALTER TABLE consensus_labels ADD COLUMN votes TEXT;
