package org.lightbox.store.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.ReadValue;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/** Consensus labels: one per image × finding × method (with who voted what), replaced when put again. */
final class ConsensusRows {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;

    private static final String UPSERT = "INSERT INTO consensus_labels (image_ref, finding_ref, method, value, support,"
            + " read_count, decided_at, votes) VALUES (" + ImageRows.IMAGE_REF + ", ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (image_ref, finding_ref, method) DO UPDATE SET value = excluded.value,"
            + " support = excluded.support, read_count = excluded.read_count, decided_at = excluded.decided_at,"
            + " votes = excluded.votes";

    private final Jdbc jdbc;
    private final Refs refs;
    private final ImageRows images;

    ConsensusRows(Jdbc jdbc, Refs refs, ImageRows images) {
        this.jdbc = jdbc;
        this.refs = refs;
        this.images = images;
    }

    void put(Collection<? extends ConsensusLabel> labels) throws SQLException {
        try (Jdbc.Batch batch = jdbc.batch(UPSERT)) {
            for (ConsensusLabel label : labels) {
                if (label.getImage() == null) {
                    throw new StoreException(Reason.NOT_FOUND, "A consensus label has no image");
                }
                batch.add(label.getImage().getImageId(), refs.findingRef(label.getFinding()), label.getMethod(),
                        label.getValue(), label.getSupport(), label.getReadCount(), label.getDecidedAt(), label.getVotes());
            }
            batch.flush();
        }
    }

    /** Labels matching a condition on {@code consensus_labels}, by image, finding and method. */
    List<ConsensusLabel> find(String condition, Object... params) throws SQLException {
        Map<Long, ImageRecord> loaded = images.load(
                "id IN (SELECT image_ref FROM consensus_labels WHERE " + condition + ")", params);
        return jdbc.list("SELECT image_ref, finding_ref, method, value, support, read_count, decided_at, votes"
                + " FROM consensus_labels WHERE " + condition + " ORDER BY image_ref, finding_ref, method", rs -> {
                    ConsensusLabel label = FACTORY.createConsensusLabel();
                    label.setImage(loaded.get(rs.getLong("image_ref")));
                    label.setFinding(refs.finding(rs.getLong("finding_ref")));
                    label.setMethod(rs.getString("method"));
                    label.setValue(ReadValue.get(rs.getInt("value")));
                    label.setSupport(rs.getDouble("support"));
                    label.setReadCount(rs.getInt("read_count"));
                    label.setDecidedAt(Jdbc.date(rs, "decided_at"));
                    label.setVotes(rs.getString("votes"));
                    return label;
                }, params);
    }
}
