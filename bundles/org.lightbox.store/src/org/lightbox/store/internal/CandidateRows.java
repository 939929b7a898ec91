package org.lightbox.store.internal;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lightbox.model.Candidate;
import org.lightbox.model.CandidateReason;
import org.lightbox.model.CandidateStatus;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/** Review-queue candidates, with ids assigned by the store. */
final class CandidateRows {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;

    private static final String INSERT = "INSERT INTO candidates (queue, image_ref, finding_ref, score, reason, status,"
            + " note, created_at) VALUES (?, " + ImageRows.IMAGE_REF + ", ?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String UPDATE = "UPDATE candidates SET queue = ?, image_ref = " + ImageRows.IMAGE_REF
            + ", finding_ref = ?, score = ?, reason = ?, status = ?, note = ?, created_at = ? WHERE id = ?";

    private final Jdbc jdbc;
    private final Refs refs;
    private final ImageRows images;

    CandidateRows(Jdbc jdbc, Refs refs, ImageRows images) {
        this.jdbc = jdbc;
        this.refs = refs;
        this.images = images;
    }

    void put(Collection<? extends Candidate> candidates) throws SQLException {
        for (Candidate candidate : candidates) {
            if (candidate.getImage() == null) {
                throw new StoreException(Reason.NOT_FOUND, "A candidate of queue '" + candidate.getQueue() + "' has no image");
            }
            Long finding = candidate.getFinding() == null ? null : refs.findingRef(candidate.getFinding());
            Object[] values = {candidate.getQueue(), candidate.getImage().getImageId(), finding, candidate.getScore(),
                    candidate.getReason(), candidate.getStatus(), candidate.getNote(), candidate.getCreatedAt()};
            if (candidate.getId() == 0) {
                candidate.setId(jdbc.first(INSERT, rs -> rs.getLong(1), values).orElseThrow());
            } else {
                Object[] withId = Arrays.copyOf(values, values.length + 1);
                withId[values.length] = candidate.getId();
                if (jdbc.update(UPDATE, withId) == 0) {
                    throw new StoreException(Reason.NOT_FOUND, "There is no candidate " + candidate.getId() + " to update");
                }
            }
        }
    }

    /** The names of the queues with candidates, in text order. */
    List<String> queues() throws SQLException {
        return jdbc.list("SELECT DISTINCT queue FROM candidates ORDER BY queue", rs -> rs.getString(1));
    }

    /** The candidates of a queue, highest score first. */
    List<Candidate> ofQueue(String queue) throws SQLException {
        Map<Long, ImageRecord> loaded = images.load("id IN (SELECT image_ref FROM candidates WHERE queue = ?)", queue);
        return jdbc.list("SELECT id, queue, image_ref, finding_ref, score, reason, status, note, created_at"
                + " FROM candidates WHERE queue = ? ORDER BY score DESC, id", rs -> {
                    Candidate candidate = FACTORY.createCandidate();
                    candidate.setId(rs.getLong("id"));
                    candidate.setQueue(rs.getString("queue"));
                    candidate.setImage(loaded.get(rs.getLong("image_ref")));
                    long finding = rs.getLong("finding_ref");
                    candidate.setFinding(rs.wasNull() ? null : refs.finding(finding));
                    candidate.setScore(rs.getDouble("score"));
                    candidate.setReason(CandidateReason.get(rs.getInt("reason")));
                    candidate.setStatus(CandidateStatus.get(rs.getInt("status")));
                    candidate.setNote(rs.getString("note"));
                    candidate.setCreatedAt(Jdbc.date(rs, "created_at"));
                    return candidate;
                }, queue);
    }
}
