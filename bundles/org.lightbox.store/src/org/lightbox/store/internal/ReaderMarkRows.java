package org.lightbox.store.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.model.ConfounderTag;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.ReadValue;

/**
 * A reader's own quality flags and confounder tags ({@code reader_flags}, {@code reader_tags}): one per
 * reader × image × issue (or code), replaced when recorded again, deleted when cleared.
 */
final class ReaderMarkRows {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;

    private static final String FLAGS = "SELECT i.image_id AS image_id, r.reader_key AS reader_key, f.issue AS issue,"
            + " f.note AS note, f.raised_at AS raised_at FROM reader_flags f JOIN images i ON i.id = f.image_ref"
            + " JOIN readers r ON r.id = f.reader_ref";
    private static final String TAGS = "SELECT i.image_id AS image_id, r.reader_key AS reader_key, t.code AS code,"
            + " t.present AS present, t.confidence AS confidence, t.tagged_at AS tagged_at FROM reader_tags t"
            + " JOIN images i ON i.id = t.image_ref JOIN readers r ON r.id = t.reader_ref";

    private final Jdbc jdbc;

    ReaderMarkRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void raise(long reader, long image, QualityIssue issue, String note, long at) throws SQLException {
        jdbc.update("INSERT INTO reader_flags (reader_ref, image_ref, issue, note, raised_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (reader_ref, image_ref, issue) DO UPDATE SET note = excluded.note,"
                + " raised_at = excluded.raised_at", reader, image, issue, note, at);
    }

    boolean clear(long reader, long image, QualityIssue issue) throws SQLException {
        return jdbc.update("DELETE FROM reader_flags WHERE reader_ref = ? AND image_ref = ? AND issue = ?",
                reader, image, issue) > 0;
    }

    void tag(long reader, long image, String code, ReadValue present, long at) throws SQLException {
        jdbc.update("INSERT INTO reader_tags (reader_ref, image_ref, code, present, tagged_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (reader_ref, image_ref, code) DO UPDATE SET present = excluded.present,"
                + " tagged_at = excluded.tagged_at", reader, image, code, present, at);
    }

    boolean untag(long reader, long image, String code) throws SQLException {
        return jdbc.update("DELETE FROM reader_tags WHERE reader_ref = ? AND image_ref = ? AND code = ?",
                reader, image, code) > 0;
    }

    /** Flags matching a condition on {@code reader_flags f}, by image id in the order first flagged. */
    Map<String, List<QualityFlag>> flags(String condition, Object... params) throws SQLException {
        Map<String, List<QualityFlag>> flags = new LinkedHashMap<>();
        jdbc.forEach(FLAGS + " WHERE " + condition + " ORDER BY f.id", rs -> {
            QualityFlag flag = FACTORY.createQualityFlag();
            flag.setIssue(QualityIssue.get(rs.getInt("issue")));
            flag.setRaisedBy(rs.getString("reader_key"));
            flag.setNote(rs.getString("note"));
            flag.setRaisedAt(Jdbc.date(rs, "raised_at"));
            flags.computeIfAbsent(rs.getString("image_id"), k -> new java.util.ArrayList<>()).add(flag);
        }, params);
        return flags;
    }

    /** Tags matching a condition on {@code reader_tags t}, by image id in the order first tagged. */
    Map<String, List<ConfounderTag>> tags(String condition, Object... params) throws SQLException {
        Map<String, List<ConfounderTag>> tags = new LinkedHashMap<>();
        jdbc.forEach(TAGS + " WHERE " + condition + " ORDER BY t.id", rs -> {
            ConfounderTag tag = FACTORY.createConfounderTag();
            tag.setCode(rs.getString("code"));
            tag.setPresent(ReadValue.get(rs.getInt("present")));
            tag.setTaggedBy(rs.getString("reader_key"));
            tag.setConfidence(Jdbc.decimal(rs, "confidence"));
            tag.setTaggedAt(Jdbc.date(rs, "tagged_at"));
            tags.computeIfAbsent(rs.getString("image_id"), k -> new java.util.ArrayList<>()).add(tag);
        }, params);
        return tags;
    }
}
