package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightbox.store.tests.Fixtures.finding;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Prediction;
import org.lightbox.model.Project;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;
import org.lightbox.store.StoreLocation;

/**
 * What importers need from every {@link ProjectStore} (schema version 2): predictions, the project's
 * pseudonyms, finding images by id and by content hash, and completing images already stored.
 */
abstract class ImportSupportContract extends StoreContract {

    protected ImportSupportContract(StoreBackend backend) {
        super(backend);
    }

    private static Prediction prediction(ImageRecord image, Project project, String finding, String model, double p,
            Integer fold) {
        Prediction prediction = Fixtures.F.createPrediction();
        prediction.setImage(image);
        prediction.setFinding(finding(project, finding));
        prediction.setModel(model);
        prediction.setProbability(p);
        prediction.setFold(fold);
        prediction.setCreatedAt(new Date(Fixtures.T0));
        return prediction;
    }

    @Test
    @DisplayName("predictions come back by model, by model and finding and by image, and putting one again replaces it")
    void predictionsRoundTrip() {
        try (ProjectSession session = store.create(newLocation(), Fixtures.project())) {
            Project project = session.project();
            ImageRecord a = Fixtures.bareImage("a.png");
            ImageRecord b = Fixtures.bareImage("b.png");
            session.addImages(List.of(a, b));
            session.putPredictions(List.of(prediction(b, project, "Pneumothorax", "densenet", 0.25, null),
                    prediction(a, project, "Pneumothorax", "densenet", 0.75, 3),
                    prediction(a, project, "Effusion", "densenet", 0.5, 3),
                    prediction(a, project, "Pneumothorax", "resnet", 1.0, null)));
            assertEquals(List.of("densenet", "resnet"), session.predictionModels());
            List<Prediction> densenet = session.predictions("densenet");
            assertEquals(List.of("a.png Pneumothorax 0.75 3", "a.png Effusion 0.5 3", "b.png Pneumothorax 0.25 null"),
                    densenet.stream().map(ImportSupportContract::describe).toList(), "by image (order added), then finding");
            assertEquals(new Date(Fixtures.T0), densenet.getFirst().getCreatedAt());
            assertEquals(List.of("a.png Pneumothorax 0.75 3", "b.png Pneumothorax 0.25 null"),
                    session.predictions("densenet", "Pneumothorax").stream().map(ImportSupportContract::describe).toList());
            assertEquals(List.of("a.png Pneumothorax 0.75 3", "a.png Pneumothorax 1.0 null", "a.png Effusion 0.5 3"),
                    session.predictionsOfImage("a.png").stream().map(ImportSupportContract::describe).toList());
            session.putPredictions(List.of(prediction(a, project, "Pneumothorax", "densenet", 0.125, 4)));
            assertEquals("a.png Pneumothorax 0.125 4", describe(session.predictions("densenet").getFirst()));
            assertEquals(3, session.predictions("densenet").size());
        }
    }

    @Test
    @DisplayName("a batch with a probability above 1 or an unknown image is refused whole, naming the problem")
    void badPredictionsAreRefused() {
        try (ProjectSession session = store.create(newLocation(), Fixtures.project())) {
            Project project = session.project();
            ImageRecord a = Fixtures.bareImage("a.png");
            session.addImages(List.of(a));
            StoreException above = assertThrows(StoreException.class, () -> session.putPredictions(List.of(
                    prediction(a, project, "Effusion", "m", 0.5, null), prediction(a, project, "Pneumothorax", "m", 1.5, null))));
            assertTrue(above.getMessage().contains("1.5, not a probability between 0 and 1"), above.getMessage());
            StoreException unknown = assertThrows(StoreException.class, () -> session.putPredictions(List.of(
                    prediction(a, project, "Effusion", "m", 0.5, null),
                    prediction(Fixtures.bareImage("nowhere.png"), project, "Pneumothorax", "m", 0.5, null))));
            assertEquals(Reason.CONSTRAINT_VIOLATION, unknown.reason(), unknown.getMessage());
            assertEquals(List.of(), session.predictionModels(), "nothing of either batch was written");
        }
    }

    @Test
    @DisplayName("a pseudonym is 32 hex digits, the same for the same identity in a project and after reopening, and differs across projects")
    void pseudonyms() {
        StoreLocation where = newLocation();
        String one;
        try (ProjectSession session = store.create(where, Fixtures.project())) {
            one = session.pseudonym("PATIENT_ID:1");
            assertTrue(one.matches("[0-9a-f]{32}"), one);
            assertEquals(one, session.pseudonym("PATIENT_ID:1"));
            assertNotEquals(one, session.pseudonym("PATIENT_ID:2"));
            assertThrows(IllegalArgumentException.class, () -> session.pseudonym(" "));
        }
        try (ProjectSession again = store.open(where)) {
            assertEquals(one, again.pseudonym("PATIENT_ID:1"), "the secret is kept in the store");
        }
        try (ProjectSession other = store.create(newLocation(), Fixtures.project())) {
            assertNotEquals(one, other.pseudonym("PATIENT_ID:1"), "another project, another secret");
        }
    }

    @Test
    @DisplayName("a pseudonym first asked for in a transaction that rolls back is not a different one afterwards")
    void pseudonymSecretSurvivesRollback() {
        StoreLocation where = newLocation();
        String inRolledBack;
        try (ProjectSession session = store.create(where, Fixtures.project())) {
            String[] seen = new String[1];
            assertThrows(IllegalStateException.class, () -> session.inTransaction(tx -> {
                seen[0] = tx.pseudonym("PATIENT_ID:7");
                throw new IllegalStateException("roll back");
            }));
            inRolledBack = seen[0];
            String after = session.pseudonym("PATIENT_ID:7");
            try (ProjectSession reopened = store.open(where)) {
                assertEquals(after, reopened.pseudonym("PATIENT_ID:7"), "the session uses the secret the store keeps");
            }
        }
        assertNotNull(inRolledBack);
    }

    @Test
    @DisplayName("images are found by id (unknown ids left out, more than one statement's worth) and by content hash")
    void findImages() {
        try (ProjectSession session = store.create(newLocation(), Fixtures.project())) {
            List<ImageRecord> images = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                ImageRecord image = Fixtures.bareImage(String.format("%05d.png", i));
                image.setContentHash(i == 7 || i == 9 ? "same" : "hash-" + i);
                images.add(image);
            }
            session.addImages(images);
            List<String> wanted = new ArrayList<>();
            for (int i = 1_199; i >= 0; i -= 2) {
                wanted.add(String.format("%05d.png", i));
            }
            wanted.add("missing.png");
            List<ImageRecord> found = session.imagesById(wanted);
            assertEquals(600, found.size());
            assertEquals("00001.png", found.getFirst().getImageId(), "in the order added, not the order asked");
            assertEquals("01199.png", found.getLast().getImageId());
            assertEquals(List.of(), session.imagesById(List.of()));
            assertEquals(Optional.of("00007.png"), session.imageWithContentHash("same").map(ImageRecord::getImageId));
            assertEquals(Optional.empty(), session.imageWithContentHash("nothing"));
        }
    }

    @Test
    @DisplayName("updating images rewrites their attributes and source labels but keeps flags, tags and reads")
    void updateImages() {
        try (ProjectSession session = store.create(newLocation(), Fixtures.project())) {
            Project project = session.project();
            session.addImages(List.of(Fixtures.fullImage(project, "a.png"), Fixtures.bareImage("b.png")));
            session.recordRead(Fixtures.read(Fixtures.reader(project, "r1"), Fixtures.bareImage("a.png"),
                    finding(project, "Effusion"), ReadValue.ABSENT, Fixtures.T0));
            ImageRecord changed = EcoreUtil.copy(session.image("a.png").orElseThrow());
            changed.setLocation(null);
            changed.setPatientSex(Sex.MALE);
            changed.setPatientAge(null);
            changed.getSourceLabels().clear();
            changed.getSourceLabels().add(Fixtures.sourceLabel(finding(project, "Atelectasis"), ReadValue.PRESENT, "NLP", null));
            session.updateImages(List.of(changed));
            ImageRecord stored = session.image("a.png").orElseThrow();
            assertEquals(null, stored.getLocation());
            assertEquals(Sex.MALE, stored.getPatientSex());
            assertEquals(null, stored.getPatientAge());
            assertEquals(List.of("Atelectasis"), stored.getSourceLabels().stream().map(l -> l.getFinding().getCode()).toList());
            assertEquals(1, stored.getQualityFlags().size());
            assertEquals(2, stored.getConfounderTags().size());
            assertEquals(1, session.readsOfImage("a.png").size());

            ImageRecord ghost = Fixtures.bareImage("ghost.png");
            ImageRecord b = Fixtures.bareImage("b.png");
            b.setPatientKey("changed");
            StoreException e = assertThrows(StoreException.class, () -> session.updateImages(List.of(b, ghost)));
            assertEquals(Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage().contains("ghost.png"), e.getMessage());
            assertEquals(null, session.image("b.png").orElseThrow().getPatientKey(), "all or nothing");
            assertEquals(2, session.imageCount());
        }
    }

    private static String describe(Prediction p) {
        return p.getImage().getImageId() + " " + p.getFinding().getCode() + " " + p.getProbability() + " " + p.getFold();
    }
}
