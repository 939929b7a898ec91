package org.lightbox.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;

/**
 * Reads. One current read per reader × image × finding (the radiologist's latest call is the one
 * agreement and consensus use); a replaced read is copied to {@code read_history} first, so that
 * changes of mind stay auditable and countable.
 */
final class ReadRows {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;

    private static final String KEY = "reader_ref = ? AND image_ref = ? AND finding_ref = ?";
    private static final String TO_HISTORY = "INSERT INTO read_history (read_id, value, read_at, duration_millis,"
            + " comment, replaced_at) SELECT id, value, read_at, duration_millis, comment, ? FROM reads WHERE " + KEY;
    private static final String UPSERT = "INSERT INTO reads (reader_ref, image_ref, finding_ref, value, read_at,"
            + " duration_millis, comment) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (reader_ref, image_ref, finding_ref) DO UPDATE SET value = excluded.value,"
            + " read_at = excluded.read_at, duration_millis = excluded.duration_millis, comment = excluded.comment"
            + " RETURNING id";
    private static final String CURRENT = "SELECT id, reader_ref, image_ref, finding_ref, value, read_at,"
            + " duration_millis, comment FROM reads";
    private static final String HISTORY = "SELECT h.read_id AS id, r.reader_ref AS reader_ref,"
            + " r.image_ref AS image_ref, r.finding_ref AS finding_ref, h.value AS value, h.read_at AS read_at,"
            + " h.duration_millis AS duration_millis, h.comment AS comment"
            + " FROM read_history h JOIN reads r ON r.id = h.read_id";

    private final Jdbc jdbc;
    private final Refs refs;
    private final ImageRows images;

    ReadRows(Jdbc jdbc, Refs refs, ImageRows images) {
        this.jdbc = jdbc;
        this.refs = refs;
        this.images = images;
    }

    /** Records a read (inside the caller's transaction) and sets its id. */
    Read record(Read read) throws SQLException {
        long reader = refs.readerRef(read.getReader());
        long finding = refs.findingRef(read.getFinding());
        long image = images.ref(read.getImage());
        jdbc.update(TO_HISTORY, System.currentTimeMillis(), reader, image, finding);
        long id = jdbc.first(UPSERT, rs -> rs.getLong(1), reader, image, finding, read.getValue(), read.getReadAt(),
                read.getDurationMillis(), read.getComment()).orElseThrow();
        read.setId(id);
        return read;
    }

    /**
     * Moves the current read of a reader, image and finding, with its history, to {@code withdrawn_reads}
     * (inside the caller's transaction); false when there is none.
     */
    boolean withdraw(long reader, long image, long finding) throws SQLException {
        var id = jdbc.first("SELECT id FROM reads WHERE " + KEY, rs -> rs.getLong(1), reader, image, finding);
        if (id.isEmpty()) {
            return false;
        }
        long now = System.currentTimeMillis();
        String into = "INSERT INTO withdrawn_reads (reader_ref, image_ref, finding_ref, value, read_at,"
                + " duration_millis, comment, withdrawn_at) ";
        jdbc.update(into + "SELECT r.reader_ref, r.image_ref, r.finding_ref, h.value, h.read_at, h.duration_millis,"
                + " h.comment, ? FROM read_history h JOIN reads r ON r.id = h.read_id WHERE r.id = ? ORDER BY h.id",
                now, id.get());
        jdbc.update(into + "SELECT reader_ref, image_ref, finding_ref, value, read_at, duration_millis, comment, ?"
                + " FROM reads WHERE id = ?", now, id.get());
        jdbc.update("DELETE FROM read_history WHERE read_id = ?", id.get());
        jdbc.update("DELETE FROM reads WHERE id = ?", id.get());
        return true;
    }

    /** Current reads matching a condition on {@code reads}, in the order first recorded. */
    List<Read> current(String condition, Object... params) throws SQLException {
        Map<Long, ImageRecord> loaded = images.load("id IN (SELECT image_ref FROM reads WHERE " + condition + ")", params);
        return jdbc.list(CURRENT + " WHERE " + condition + " ORDER BY id", rs -> read(rs, loaded), params);
    }

    List<Read> historyOfImage(String imageId) throws SQLException {
        Map<Long, ImageRecord> loaded = images.load("image_id = ?", imageId);
        return jdbc.list(HISTORY + " WHERE r.image_ref = " + ImageRows.IMAGE_REF + " ORDER BY h.id",
                rs -> read(rs, loaded), imageId);
    }

    private Read read(ResultSet rs, Map<Long, ImageRecord> loaded) throws SQLException {
        Read read = FACTORY.createRead();
        read.setId(rs.getLong("id"));
        read.setReader(refs.reader(rs.getLong("reader_ref")));
        read.setImage(loaded.get(rs.getLong("image_ref")));
        read.setFinding(refs.finding(rs.getLong("finding_ref")));
        read.setValue(ReadValue.get(rs.getInt("value")));
        read.setReadAt(Jdbc.date(rs, "read_at"));
        read.setDurationMillis(rs.getLong("duration_millis"));
        read.setComment(rs.getString("comment"));
        return read;
    }
}
