-- Lightbox store, schema version 2: model predictions, the project's pseudonym secret, and finding
-- images by content (re-imports are idempotent by SHA-256 of the file).

-- One probability per model x finding x image; putting it again replaces it.
CREATE TABLE predictions (
  model TEXT NOT NULL,
  finding_ref BIGINT NOT NULL REFERENCES findings (id),
  image_ref BIGINT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  probability DOUBLE PRECISION NOT NULL,
  fold INTEGER,
  created_at BIGINT,
  PRIMARY KEY (model, finding_ref, image_ref)    -- also serves a model's predictions, by finding
);
CREATE INDEX predictions_image ON predictions (image_ref);

-- Secrets of this project, by name. 'patient-key' keys the HMAC-SHA-256 that turns a patient id into
-- the stored patient key; the store fills it from a SecureRandom the first time it is needed. It never
-- leaves the store, so a patient key cannot be traced back by hashing guessed ids without this file.
CREATE TABLE project_secrets (
  name TEXT PRIMARY KEY,
  secret TEXT NOT NULL
);

CREATE INDEX images_content_hash ON images (content_hash);
