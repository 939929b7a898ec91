package org.lightbox.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.lightbox.model.ConfounderTag;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/**
 * Images and what they contain (source labels, quality flags, confounder tags). Loading takes a
 * condition on {@code images} and runs four queries whatever the number of images, so pages and
 * the images of a reader's reads load without one query per image.
 */
final class ImageRows {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;

    /** The surrogate key of an image, from its image id. */
    static final String IMAGE_REF = "(SELECT id FROM images WHERE image_id = ?)";

    private static final String COLUMNS = "id, image_id, location, content_hash, format, width, height, frame_count,"
            + " patient_key, patient_age, patient_sex, view_position, modality, study_date, follow_up, source";

    /** Image ids per IN (...) list when loading by id. */
    private static final int ID_CHUNK = 500;

    private final Jdbc jdbc;
    private final Refs refs;

    ImageRows(Jdbc jdbc, Refs refs) {
        this.jdbc = jdbc;
        this.refs = refs;
    }

    long count() throws SQLException {
        return jdbc.count("SELECT COUNT(*) FROM images");
    }

    /** The surrogate key of an image that must exist. */
    long ref(ImageRecord image) throws SQLException {
        if (image == null || image.getImageId() == null) {
            throw new StoreException(Reason.NOT_FOUND, "No image given");
        }
        return jdbc.first("SELECT id FROM images WHERE image_id = ?", rs -> rs.getLong(1), image.getImageId())
                .orElseThrow(() -> new StoreException(Reason.NOT_FOUND,
                        "There is no image '" + image.getImageId() + "' in this project"));
    }

    void insert(Collection<? extends ImageRecord> images) throws SQLException {
        try (Jdbc.Batch batch = jdbc.batch("INSERT INTO images (" + COLUMNS.substring("id, ".length())
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ImageRecord i : images) {
                batch.add(i.getImageId(), i.getLocation(), i.getContentHash(), i.getFormat(), i.getWidth(),
                        i.getHeight(), i.getFrameCount(), i.getPatientKey(), i.getPatientAge(), i.getPatientSex(),
                        i.getViewPosition(), i.getModality(), i.getStudyDate(), i.getFollowUp(), i.getSource());
            }
            batch.flush();
        }
        // children after all images: their image_ref is looked up by image id
        insertSourceLabels(images);
        try (Jdbc.Batch batch = jdbc.batch("INSERT INTO quality_flags (image_ref, ordinal, issue, raised_by, score, note,"
                + " raised_at) VALUES (" + IMAGE_REF + ", ?, ?, ?, ?, ?, ?)")) {
            for (ImageRecord image : images) {
                int ordinal = 0;
                for (QualityFlag flag : image.getQualityFlags()) {
                    batch.add(image.getImageId(), ordinal++, flag.getIssue(), flag.getRaisedBy(), flag.getScore(),
                            flag.getNote(), flag.getRaisedAt());
                }
            }
            batch.flush();
        }
        try (Jdbc.Batch batch = jdbc.batch("INSERT INTO confounder_tags (image_ref, ordinal, code, present, tagged_by,"
                + " confidence, tagged_at) VALUES (" + IMAGE_REF + ", ?, ?, ?, ?, ?, ?)")) {
            for (ImageRecord image : images) {
                int ordinal = 0;
                for (ConfounderTag tag : image.getConfounderTags()) {
                    batch.add(image.getImageId(), ordinal++, tag.getCode(), tag.getPresent(), tag.getTaggedBy(),
                            tag.getConfidence(), tag.getTaggedAt());
                }
            }
            batch.flush();
        }
    }

    private void insertSourceLabels(Collection<? extends ImageRecord> images) throws SQLException {
        try (Jdbc.Batch batch = jdbc.batch("INSERT INTO source_labels (image_ref, ordinal, finding_ref, value, source,"
                + " confidence) VALUES (" + IMAGE_REF + ", ?, ?, ?, ?, ?)")) {
            for (ImageRecord image : images) {
                int ordinal = 0;
                for (SourceLabel label : image.getSourceLabels()) {
                    batch.add(image.getImageId(), ordinal++, refs.findingRef(label.getFinding()), label.getValue(),
                            label.getSource(), label.getConfidence());
                }
            }
            batch.flush();
        }
        countSourceFindings(images);
    }

    /** Keeps images.source_findings (migration V3, sorting by number of findings) in step with the labels. */
    private void countSourceFindings(Collection<? extends ImageRecord> images) throws SQLException {
        try (Jdbc.Batch batch = jdbc.batch("UPDATE images SET source_findings = ? WHERE image_id = ?")) {
            for (ImageRecord image : images) {
                long present = image.getSourceLabels().stream().filter(l -> l.getValue() == ReadValue.PRESENT).count();
                batch.add((int) present, image.getImageId());
            }
            batch.flush();
        }
    }

    /**
     * Rewrites the attributes and source labels of images that exist (by image id); their quality
     * flags and confounder tags stay, and so does everything that refers to them.
     */
    void update(Collection<? extends ImageRecord> images) throws SQLException {
        try (Jdbc.Batch batch = jdbc.batch("UPDATE images SET location = ?, content_hash = ?, format = ?, width = ?,"
                + " height = ?, frame_count = ?, patient_key = ?, patient_age = ?, patient_sex = ?, view_position = ?,"
                + " modality = ?, study_date = ?, follow_up = ?, source = ? WHERE image_id = ?");
                Jdbc.Batch labels = jdbc.batch("DELETE FROM source_labels WHERE image_ref = " + IMAGE_REF)) {
            for (ImageRecord i : images) {
                ref(i); // NOT_FOUND names the image, where a batch would only count rows
                batch.add(i.getLocation(), i.getContentHash(), i.getFormat(), i.getWidth(), i.getHeight(),
                        i.getFrameCount(), i.getPatientKey(), i.getPatientAge(), i.getPatientSex(), i.getViewPosition(),
                        i.getModality(), i.getStudyDate(), i.getFollowUp(), i.getSource(), i.getImageId());
                labels.add(i.getImageId());
            }
            batch.flush();
            labels.flush();
        }
        insertSourceLabels(images);
    }

    /** The images with these ids, in insertion order; ids not in the store are left out. */
    Map<Long, ImageRecord> byIds(Collection<String> imageIds) throws SQLException {
        Map<Long, ImageRecord> found = new TreeMap<>(); // by surrogate key, which is insertion order
        List<String> ids = List.copyOf(imageIds);
        // a bounded number of parameters per statement: SQLite and PostgreSQL both cap it
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            found.putAll(load("image_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    chunk.toArray()));
        }
        return found;
    }

    /** A page in insertion order. */
    List<ImageRecord> page(long offset, int limit) throws SQLException {
        List<Long> ids = jdbc.list("SELECT id FROM images ORDER BY id LIMIT ? OFFSET ?", rs -> rs.getLong(1),
                limit, offset);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ImageRecord> range = load("id BETWEEN ? AND ?", ids.getFirst(), ids.getLast());
        // a client of a shared server may have committed an id inside the range meanwhile
        Set<Long> wanted = new HashSet<>(ids);
        List<ImageRecord> page = new ArrayList<>(ids.size());
        range.forEach((id, image) -> {
            if (wanted.contains(id)) {
                page.add(image);
            }
        });
        return page;
    }

    /**
     * The images matching a condition on {@code images} (with its parameters), by surrogate key in
     * insertion order, with their contents.
     */
    Map<Long, ImageRecord> load(String condition, Object... params) throws SQLException {
        Map<Long, ImageRecord> images = new LinkedHashMap<>();
        jdbc.forEach("SELECT " + COLUMNS + " FROM images WHERE " + condition + " ORDER BY id",
                rs -> images.put(rs.getLong("id"), image(rs)), params);
        if (images.isEmpty()) {
            return images;
        }
        String ofTheseImages = " WHERE image_ref IN (SELECT id FROM images WHERE " + condition + ")"
                + " ORDER BY image_ref, ordinal";
        jdbc.forEach("SELECT image_ref, finding_ref, value, source, confidence FROM source_labels" + ofTheseImages, rs -> {
            SourceLabel label = FACTORY.createSourceLabel();
            label.setFinding(refs.finding(rs.getLong("finding_ref")));
            label.setValue(ReadValue.get(rs.getInt("value")));
            label.setSource(rs.getString("source"));
            label.setConfidence(Jdbc.decimal(rs, "confidence"));
            addTo(images, rs).getSourceLabels().add(label);
        }, params);
        jdbc.forEach("SELECT image_ref, issue, raised_by, score, note, raised_at FROM quality_flags" + ofTheseImages, rs -> {
            QualityFlag flag = FACTORY.createQualityFlag();
            flag.setIssue(QualityIssue.get(rs.getInt("issue")));
            flag.setRaisedBy(rs.getString("raised_by"));
            flag.setScore(Jdbc.decimal(rs, "score"));
            flag.setNote(rs.getString("note"));
            flag.setRaisedAt(Jdbc.date(rs, "raised_at"));
            addTo(images, rs).getQualityFlags().add(flag);
        }, params);
        jdbc.forEach("SELECT image_ref, code, present, tagged_by, confidence, tagged_at FROM confounder_tags"
                + ofTheseImages, rs -> {
            ConfounderTag tag = FACTORY.createConfounderTag();
            tag.setCode(rs.getString("code"));
            tag.setPresent(ReadValue.get(rs.getInt("present")));
            tag.setTaggedBy(rs.getString("tagged_by"));
            tag.setConfidence(Jdbc.decimal(rs, "confidence"));
            tag.setTaggedAt(Jdbc.date(rs, "tagged_at"));
            addTo(images, rs).getConfounderTags().add(tag);
        }, params);
        return images;
    }

    /** The image a child row belongs to (present: the child query selects the same images). */
    private static ImageRecord addTo(Map<Long, ImageRecord> images, ResultSet rs) throws SQLException {
        ImageRecord image = images.get(rs.getLong("image_ref"));
        if (image == null) { // committed by another client between the two queries
            return FACTORY.createImageRecord();
        }
        return image;
    }

    private static ImageRecord image(ResultSet rs) throws SQLException {
        ImageRecord image = FACTORY.createImageRecord();
        image.setImageId(rs.getString("image_id"));
        image.setLocation(rs.getString("location"));
        image.setContentHash(rs.getString("content_hash"));
        image.setFormat(ImageFormat.get(rs.getInt("format")));
        image.setWidth(rs.getInt("width"));
        image.setHeight(rs.getInt("height"));
        image.setFrameCount(rs.getInt("frame_count"));
        image.setPatientKey(rs.getString("patient_key"));
        image.setPatientAge(Jdbc.integer(rs, "patient_age"));
        image.setPatientSex(Sex.get(rs.getInt("patient_sex")));
        image.setViewPosition(ViewPosition.get(rs.getInt("view_position")));
        image.setModality(rs.getString("modality"));
        image.setStudyDate(Jdbc.date(rs, "study_date"));
        image.setFollowUp(Jdbc.integer(rs, "follow_up"));
        image.setSource(rs.getString("source"));
        return image;
    }
}
