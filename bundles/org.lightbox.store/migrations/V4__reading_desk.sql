-- Lightbox store, schema version 4: what a blinded reader records besides reads (quality flags and
-- confounder tags of their own), reads a reader withdrew (undo), and reading lists assigned to readers.

-- A reader's quality flags: one per reader x image x issue; raising it again replaces the note.
-- Per reader, like reads, so that agreement on them can be measured; the image-level quality_flags
-- table stays for detectors and imports.
CREATE TABLE reader_flags (
  id ${identity},
  reader_ref BIGINT NOT NULL REFERENCES readers (id),
  image_ref BIGINT NOT NULL REFERENCES images (id),
  issue SMALLINT NOT NULL,
  note TEXT,
  raised_at BIGINT NOT NULL,
  UNIQUE (reader_ref, image_ref, issue)        -- also serves a reader's flags
);
CREATE INDEX reader_flags_image ON reader_flags (image_ref);

-- A reader's confounder tags (chest drain, pacemaker, ECG leads, ...): one per reader x image x code.
CREATE TABLE reader_tags (
  id ${identity},
  reader_ref BIGINT NOT NULL REFERENCES readers (id),
  image_ref BIGINT NOT NULL REFERENCES images (id),
  code TEXT NOT NULL,
  present SMALLINT NOT NULL,
  confidence DOUBLE PRECISION,
  tagged_at BIGINT NOT NULL,
  UNIQUE (reader_ref, image_ref, code)
);
CREATE INDEX reader_tags_image ON reader_tags (image_ref);

-- Reads a reader took back (undo of a first call): the read and the history it had, kept for audit.
CREATE TABLE withdrawn_reads (
  id ${identity},
  reader_ref BIGINT NOT NULL REFERENCES readers (id),
  image_ref BIGINT NOT NULL REFERENCES images (id),
  finding_ref BIGINT NOT NULL REFERENCES findings (id),
  value SMALLINT NOT NULL,
  read_at BIGINT,
  duration_millis BIGINT NOT NULL,
  comment TEXT,
  withdrawn_at BIGINT NOT NULL
);

-- Reading lists: images (in order) assigned to one reader; a name is unique per reader, so a lead can
-- give the same list to every reader of a panel.
CREATE TABLE reading_lists (
  id ${identity},
  name TEXT NOT NULL,
  reader_ref BIGINT NOT NULL REFERENCES readers (id),
  origin TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (reader_ref, name)
);

CREATE TABLE reading_list_items (
  list_ref BIGINT NOT NULL REFERENCES reading_lists (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  image_ref BIGINT NOT NULL REFERENCES images (id),
  stratum TEXT,
  PRIMARY KEY (list_ref, position)
);
