package org.lightbox.store.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Prediction;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/** Model predictions: one probability per model × finding × image, replaced when put again. */
final class PredictionRows {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;

    private static final String UPSERT = "INSERT INTO predictions (model, finding_ref, image_ref, probability, fold,"
            + " created_at) VALUES (?, ?, " + ImageRows.IMAGE_REF + ", ?, ?, ?)"
            + " ON CONFLICT (model, finding_ref, image_ref) DO UPDATE SET probability = excluded.probability,"
            + " fold = excluded.fold, created_at = excluded.created_at";

    private final Jdbc jdbc;
    private final Refs refs;
    private final ImageRows images;

    PredictionRows(Jdbc jdbc, Refs refs, ImageRows images) {
        this.jdbc = jdbc;
        this.refs = refs;
        this.images = images;
    }

    void put(Collection<? extends Prediction> predictions) throws SQLException {
        try (Jdbc.Batch batch = jdbc.batch(UPSERT)) {
            for (Prediction p : predictions) {
                if (p.getImage() == null || p.getImage().getImageId() == null) {
                    throw new StoreException(Reason.NOT_FOUND, "A prediction of model '" + p.getModel() + "' has no image");
                }
                if (p.getModel() == null || p.getModel().isBlank()) {
                    throw new StoreException(Reason.CONSTRAINT_VIOLATION, "A prediction for image '"
                            + p.getImage().getImageId() + "' names no model");
                }
                if (!(p.getProbability() >= 0 && p.getProbability() <= 1)) {
                    throw new StoreException(Reason.CONSTRAINT_VIOLATION, "The prediction of model '" + p.getModel()
                            + "' for image '" + p.getImage().getImageId() + "' is " + p.getProbability()
                            + ", not a probability between 0 and 1");
                }
                batch.add(p.getModel(), refs.findingRef(p.getFinding()), p.getImage().getImageId(), p.getProbability(),
                        p.getFold(), p.getCreatedAt());
            }
            batch.flush();
        }
    }

    /** Predictions matching a condition on {@code predictions}, by image (insertion order) then finding. */
    List<Prediction> find(String condition, Object... params) throws SQLException {
        Map<Long, ImageRecord> loaded = images.load(
                "id IN (SELECT image_ref FROM predictions WHERE " + condition + ")", params);
        return jdbc.list("SELECT model, finding_ref, image_ref, probability, fold, created_at FROM predictions WHERE "
                + condition + " ORDER BY image_ref, finding_ref, model", rs -> {
                    Prediction prediction = FACTORY.createPrediction();
                    prediction.setModel(rs.getString("model"));
                    prediction.setFinding(refs.finding(rs.getLong("finding_ref")));
                    prediction.setImage(loaded.get(rs.getLong("image_ref")));
                    prediction.setProbability(rs.getDouble("probability"));
                    prediction.setFold(Jdbc.integer(rs, "fold"));
                    prediction.setCreatedAt(Jdbc.date(rs, "created_at"));
                    return prediction;
                }, params);
    }

    /** The models that have predictions, alphabetically. */
    List<String> models() throws SQLException {
        return jdbc.list("SELECT DISTINCT model FROM predictions ORDER BY model", rs -> rs.getString(1));
    }
}
