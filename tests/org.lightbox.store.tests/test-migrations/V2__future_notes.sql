-- Stands in for a schema change of a later Lightbox: a new table and a new column on an old one.
CREATE TABLE future_notes (
  id ${identity},
  image_ref BIGINT NOT NULL REFERENCES images (id),
  note TEXT NOT NULL
);
ALTER TABLE readers ADD COLUMN email TEXT;
