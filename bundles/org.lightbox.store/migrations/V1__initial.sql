-- Lightbox store, schema version 1.
-- Shared by SQLite and PostgreSQL; ${identity} is each dialect's auto-numbered primary key.
-- Times are epoch milliseconds (BIGINT), enums their EMF integer value (SMALLINT).
-- Surrogate keys (id, *_ref) keep the big tables narrow; natural keys are UNIQUE.

CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),        -- one project per file or schema
  name TEXT NOT NULL,
  description TEXT,
  created_at BIGINT,
  schema_name TEXT,
  schema_version TEXT
);

CREATE TABLE findings (
  id ${identity},
  code TEXT NOT NULL UNIQUE,
  display_name TEXT,
  description TEXT,
  ordinal INTEGER NOT NULL
);

CREATE TABLE readers (
  id ${identity},
  reader_key TEXT NOT NULL UNIQUE,
  name TEXT,
  role SMALLINT NOT NULL,
  experience_years INTEGER,
  ordinal INTEGER NOT NULL
);

CREATE TABLE images (
  id ${identity},                               -- insertion order: the stable paging order
  image_id TEXT NOT NULL UNIQUE,
  location TEXT,
  content_hash TEXT,
  format SMALLINT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  frame_count INTEGER NOT NULL,
  patient_key TEXT,
  patient_age INTEGER,
  patient_sex SMALLINT NOT NULL,
  view_position SMALLINT NOT NULL,
  modality TEXT,
  study_date BIGINT,
  follow_up INTEGER,
  source TEXT
);
CREATE INDEX images_patient ON images (patient_key);  -- patient-wise folds and splits

CREATE TABLE source_labels (
  image_ref BIGINT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  finding_ref BIGINT NOT NULL REFERENCES findings (id),
  value SMALLINT NOT NULL,
  source TEXT,
  confidence DOUBLE PRECISION,
  PRIMARY KEY (image_ref, ordinal)
);
CREATE INDEX source_labels_finding ON source_labels (finding_ref, value);

CREATE TABLE quality_flags (
  image_ref BIGINT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  issue SMALLINT NOT NULL,
  raised_by TEXT,
  score DOUBLE PRECISION,
  note TEXT,
  raised_at BIGINT,
  PRIMARY KEY (image_ref, ordinal)
);

CREATE TABLE confounder_tags (
  image_ref BIGINT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  code TEXT NOT NULL,
  present SMALLINT NOT NULL,
  tagged_by TEXT,
  confidence DOUBLE PRECISION,
  tagged_at BIGINT,
  PRIMARY KEY (image_ref, ordinal)
);
CREATE INDEX confounder_tags_code ON confounder_tags (code, present);

-- The current read of each reader x image x finding; replaced reads move to read_history.
CREATE TABLE reads (
  id ${identity},
  reader_ref BIGINT NOT NULL REFERENCES readers (id),
  image_ref BIGINT NOT NULL REFERENCES images (id),
  finding_ref BIGINT NOT NULL REFERENCES findings (id),
  value SMALLINT NOT NULL,
  read_at BIGINT,
  duration_millis BIGINT NOT NULL,
  comment TEXT,
  UNIQUE (reader_ref, image_ref, finding_ref)    -- also serves reads by reader
);
CREATE INDEX reads_image ON reads (image_ref);

CREATE TABLE read_history (
  id ${identity},
  read_id BIGINT NOT NULL REFERENCES reads (id),
  value SMALLINT NOT NULL,
  read_at BIGINT,
  duration_millis BIGINT NOT NULL,
  comment TEXT,
  replaced_at BIGINT NOT NULL
);
CREATE INDEX read_history_read ON read_history (read_id);

CREATE TABLE consensus_labels (
  image_ref BIGINT NOT NULL REFERENCES images (id),
  finding_ref BIGINT NOT NULL REFERENCES findings (id),
  method TEXT NOT NULL,
  value SMALLINT NOT NULL,
  support DOUBLE PRECISION NOT NULL,
  read_count INTEGER NOT NULL,
  decided_at BIGINT,
  PRIMARY KEY (image_ref, finding_ref, method)
);
CREATE INDEX consensus_labels_method ON consensus_labels (method, image_ref);

CREATE TABLE candidates (
  id ${identity},
  queue TEXT NOT NULL,
  image_ref BIGINT NOT NULL REFERENCES images (id),
  finding_ref BIGINT REFERENCES findings (id),
  score DOUBLE PRECISION NOT NULL,
  reason SMALLINT NOT NULL,
  status SMALLINT NOT NULL,
  note TEXT,
  created_at BIGINT
);
CREATE INDEX candidates_queue ON candidates (queue, score);
