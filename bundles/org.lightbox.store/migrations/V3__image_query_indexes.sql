-- Lightbox store, schema version 3: what ProjectSession.count(ImageQuery) and images(ImageQuery, …)
-- need to answer in milliseconds on 112,120 images (the repository view's filter bar and sortable columns).

-- The number of findings an image's source labels report present (0 for CXR14's "No Finding"), kept
-- with the image so that sorting by it reads an index instead of counting labels for every image.
-- ImageRows writes it whenever it writes source labels; any other writer of source_labels must too.
ALTER TABLE images ADD COLUMN source_findings INTEGER NOT NULL DEFAULT 0;
UPDATE images SET source_findings = (SELECT COUNT(*) FROM source_labels s WHERE s.image_ref = images.id AND s.value = 1);

-- One index per sort order, ending in id (the tie-breaker), so that a page is read off the index.
CREATE INDEX images_patient_follow_up ON images (patient_key, follow_up, id);
CREATE INDEX images_age ON images (patient_age, id);
CREATE INDEX images_follow_up ON images (follow_up, id);
CREATE INDEX images_source_findings ON images (source_findings, id);
-- Counting by sex, view and age without reading the table.
CREATE INDEX images_sex_view_age ON images (patient_sex, view_position, patient_age);

-- Covering indexes for "id IN (SELECT image_ref FROM … WHERE …)": the image keys come off the index.
CREATE INDEX source_labels_finding_image ON source_labels (finding_ref, value, image_ref);
CREATE INDEX consensus_labels_finding_image ON consensus_labels (finding_ref, value, method, image_ref);
CREATE INDEX reads_image_reader ON reads (image_ref, reader_ref);
CREATE INDEX quality_flags_issue_image ON quality_flags (issue, image_ref);
CREATE INDEX confounder_tags_code_image ON confounder_tags (code, present, image_ref);
