package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lightbox.store.tests.EmfAssertions.assertSameContent;
import static org.lightbox.store.tests.Fixtures.finding;
import static org.lightbox.store.tests.Fixtures.reader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.model.Candidate;
import org.lightbox.model.CandidateReason;
import org.lightbox.model.CandidateStatus;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Project;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.ReaderRole;
import org.lightbox.model.SourceLabel;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;
import org.lightbox.store.StoreLocation;
import org.lightbox.store.internal.JdbcProjectSession;
import org.lightbox.store.internal.JdbcProjectStore;
import org.lightbox.store.internal.Migrations;

/**
 * What every {@link ProjectStore} must do. Each backend's test class extends this, says which
 * {@code store.kind} it is and where a fresh project may live; the store itself comes from DS.
 */
abstract class ProjectStoreContract extends StoreContract {

    protected ProjectStoreContract(StoreBackend backend) {
        super(backend);
    }

    private ProjectSession createProject(StoreLocation where) {
        return store.create(where, Fixtures.project());
    }

    @Test
    @DisplayName("a new project round-trips its metadata, label schema and readers")
    void projectRoundTrips() {
        Project original = Fixtures.project();
        StoreLocation where = newLocation();
        try (ProjectSession session = store.create(where, EcoreUtil.copy(original))) {
            assertSameContent(original, session.project());
        }
        try (ProjectSession session = store.open(where)) {
            assertSameContent(original, session.project());
            assertEquals(where, session.location());
        }
    }

    @Test
    @DisplayName("saving a project updates its metadata and adds findings and readers; added readers come last")
    void projectUpdates() {
        StoreLocation where = newLocation();
        Project expected;
        try (ProjectSession session = createProject(where)) {
            Project changed = EcoreUtil.copy(session.project());
            changed.setDescription("Now with consolidation");
            changed.getLabelSchema().setVersion("2017-r2");
            changed.getLabelSchema().getFindings().add(Fixtures.finding("Consolidation", "Consolidation", null));
            reader(changed, "r2").setExperienceYears(3);
            session.saveProject(changed);
            session.addReaders(List.of(Fixtures.reader("r3", "Dr. Chen Li", ReaderRole.RADIOLOGIST, 20)));
            expected = EcoreUtil.copy(changed);
            expected.getReaders().add(Fixtures.reader("r3", "Dr. Chen Li", ReaderRole.RADIOLOGIST, 20));
            assertSameContent(expected, session.project());
            StoreException duplicate = assertThrows(StoreException.class,
                    () -> session.addReaders(List.of(Fixtures.reader("r1", "again", ReaderRole.RESIDENT, null))));
            assertEquals(Reason.CONSTRAINT_VIOLATION, duplicate.reason());
        }
        try (ProjectSession session = store.open(where)) {
            assertSameContent(expected, session.project());
        }
    }

    @Test
    @DisplayName("images round-trip with every metadata field and their source labels, quality flags and confounder tags")
    void imagesRoundTrip() {
        StoreLocation where = newLocation();
        Project project = Fixtures.project();
        List<ImageRecord> images = List.of(Fixtures.fullImage(project, "00013118_008.png"),
                Fixtures.bareImage("00000001_000.png"), Fixtures.fullImage(project, "00030805_000.png"));
        try (ProjectSession session = createProject(where)) {
            session.addImages(images);
        }
        try (ProjectSession session = store.open(where)) {
            assertEquals(3, session.imageCount());
            assertSameContent(images.get(0), session.image("00013118_008.png").orElseThrow());
            assertSameContent(images.get(1), session.image("00000001_000.png").orElseThrow());
            assertSameContent(images, session.images(0, 10));
            assertTrue(session.image("99999999_999.png").isEmpty());
        }
    }

    @Test
    @DisplayName("paging walks 1,050 images added in three batches exactly once, in the order they were added")
    void pagingIsStable() {
        List<String> added = IntStream.range(0, 1050).mapToObj(i -> String.format("%08d_%03d.png", 1050 - i, i % 7))
                .toList();
        try (ProjectSession session = createProject(newLocation())) {
            for (int from = 0; from < added.size(); from += 350) {
                session.addImages(added.subList(from, from + 350).stream().map(Fixtures::bareImage).toList());
            }
            assertEquals(1050, session.imageCount());
            List<String> walked = new ArrayList<>();
            for (long offset = 0; offset < 1100; offset += 100) {
                session.images(offset, 100).forEach(image -> walked.add(image.getImageId()));
            }
            assertEquals(added, walked);
            assertEquals(added.subList(1000, 1050),
                    session.images(1000, 100).stream().map(ImageRecord::getImageId).toList());
            assertTrue(session.images(1050, 100).isEmpty());
        }
    }

    @Test
    @DisplayName("reads round-trip and are found by image, by reader and all together, in the order recorded")
    void readsRoundTrip() {
        Project project = Fixtures.project();
        ImageRecord a = Fixtures.fullImage(project, "a.png");
        ImageRecord b = Fixtures.bareImage("b.png");
        List<Read> reads = List.of(
                Fixtures.read(reader(project, "r1"), a, finding(project, "Pneumothorax"), ReadValue.PRESENT, Fixtures.T0 + 10),
                Fixtures.read(reader(project, "r2"), a, finding(project, "Pneumothorax"), ReadValue.UNCERTAIN, Fixtures.T0 + 20),
                Fixtures.read(reader(project, "r1"), b, finding(project, "Effusion"), ReadValue.ABSENT, Fixtures.T0 + 30),
                Fixtures.read(reader(project, "r1"), a, finding(project, "Effusion"), ReadValue.PRESENT, Fixtures.T0 + 40));
        StoreLocation where = newLocation();
        try (ProjectSession session = createProject(where)) {
            session.addImages(List.of(a, b));
            reads.forEach(read -> assertNotEquals(0L, session.recordRead(read).getId()));
        }
        try (ProjectSession session = store.open(where)) {
            assertSameContent(reads, session.allReads());
            assertSameContent(List.of(reads.get(0), reads.get(1), reads.get(3)), session.readsOfImage("a.png"));
            assertSameContent(List.of(reads.get(0), reads.get(2), reads.get(3)), session.readsOfReader("r1"));
            assertTrue(session.readsOfReader("nlp").isEmpty());
            Read loaded = session.readsOfImage("b.png").getFirst();
            assertTrue(session.project().getReaders().contains(loaded.getReader()), "reads point at the project's readers");
        }
    }

    @Test
    @DisplayName("a later read by the same reader replaces the earlier one, which stays in the history")
    void laterReadReplacesEarlier() {
        Project project = Fixtures.project();
        ImageRecord image = Fixtures.bareImage("a.png");
        try (ProjectSession session = createProject(newLocation())) {
            session.addImages(List.of(image));
            Read first = session.recordRead(Fixtures.read(reader(project, "r1"), image, finding(project, "Pneumothorax"),
                    ReadValue.UNCERTAIN, Fixtures.T0 + 1000));
            Read second = session.recordRead(Fixtures.read(reader(project, "r1"), image,
                    finding(project, "Pneumothorax"), ReadValue.PRESENT, Fixtures.T0 + 2000));
            assertEquals(first.getId(), second.getId(), "the replacing read keeps the id");
            assertSameContent(List.of(second), session.readsOfImage("a.png"));
            assertSameContent(List.of(first), session.readHistory("a.png"));
        }
    }

    @Test
    @DisplayName("consensus labels round-trip per image and per method with who voted what, and putting one again replaces it")
    void consensusRoundTrips() {
        Project project = Fixtures.project();
        ImageRecord a = Fixtures.fullImage(project, "a.png");
        ImageRecord b = Fixtures.bareImage("b.png");
        StoreLocation where = newLocation();
        var majorityA = Fixtures.consensus(a, finding(project, "Pneumothorax"), "majority", ReadValue.PRESENT, 2.0 / 3, 3);
        var dawidSkeneA = Fixtures.consensus(a, finding(project, "Pneumothorax"), "dawid-skene", ReadValue.PRESENT, 0.97, 3);
        var majorityB = Fixtures.consensus(b, finding(project, "Effusion"), "majority", ReadValue.ABSENT, 1.0, 2);
        majorityA.setVotes("r1:PRESENT;r2:PRESENT;r3:ABSENT");
        dawidSkeneA.setVotes("r1:PRESENT;r2:PRESENT;r3:ABSENT");
        try (ProjectSession session = createProject(where)) {
            session.addImages(List.of(a, b));
            session.putConsensusLabels(List.of(majorityA, dawidSkeneA, majorityB));
            assertNull(session.consensusLabels("majority").get(1).getVotes(), "a label without votes keeps none");
            majorityB.setValue(ReadValue.UNCERTAIN);
            majorityB.setSupport(0.5);
            majorityB.setVotes("r1:ABSENT;r2:UNCERTAIN");
            session.putConsensusLabels(List.of(majorityB));
        }
        try (ProjectSession session = store.open(where)) {
            assertSameContent(List.of(dawidSkeneA, majorityA), session.consensusLabelsOfImage("a.png"));
            assertSameContent(List.of(majorityA, majorityB), session.consensusLabels("majority"));
        }
    }

    @Test
    @DisplayName("candidates get ids, come back by queue with the highest score first, and can be updated")
    void candidatesRoundTrip() {
        Project project = Fixtures.project();
        ImageRecord a = Fixtures.fullImage(project, "a.png");
        ImageRecord b = Fixtures.bareImage("b.png");
        Candidate low = Fixtures.candidate("label-issues", a, finding(project, "Pneumothorax"), 0.4,
                CandidateReason.LIKELY_MISLABELLED);
        Candidate high = Fixtures.candidate("label-issues", b, finding(project, "Effusion"), 0.9,
                CandidateReason.LIKELY_MISLABELLED);
        Candidate broken = Fixtures.candidate("broken", b, null, 0.7, CandidateReason.BROKEN_IMAGE);
        StoreLocation where = newLocation();
        try (ProjectSession session = createProject(where)) {
            session.addImages(List.of(a, b));
            session.putCandidates(List.of(low, high, broken));
            assertTrue(low.getId() > 0 && high.getId() > 0 && broken.getId() > 0, "ids assigned");
            low.setStatus(CandidateStatus.RESOLVED);
            low.setNote("drain, not pneumothorax");
            session.putCandidates(List.of(low));
        }
        try (ProjectSession session = store.open(where)) {
            assertSameContent(List.of(high, low), session.candidates("label-issues"));
            assertSameContent(List.of(broken), session.candidates("broken"));
            assertTrue(session.candidates("no-such-queue").isEmpty());
            assertEquals(List.of("broken", "label-issues"), session.queues());
        }
    }

    @Test
    @DisplayName("a recorded read is visible at once to a second session, and to a new one after closing without a flush")
    void readsAreDurable() {
        Project project = Fixtures.project();
        ImageRecord image = Fixtures.bareImage("a.png");
        StoreLocation where = newLocation();
        Read read = Fixtures.read(reader(project, "r2"), image, finding(project, "Atelectasis"), ReadValue.PRESENT,
                Fixtures.T0);
        try (ProjectSession writer = createProject(where)) {
            writer.addImages(List.of(image));
            writer.recordRead(read);
            try (ProjectSession other = store.open(where)) {
                assertSameContent(List.of(read), other.allReads());
            }
        }
        try (ProjectSession later = store.open(where)) {
            assertSameContent(List.of(read), later.readsOfReader("r2"));
        }
    }

    @Test
    @DisplayName("work in a transaction is committed together when it returns, also when transactions nest")
    void transactionCommits() {
        StoreLocation where = newLocation();
        try (ProjectSession session = createProject(where)) {
            int result = session.inTransaction(tx -> {
                tx.addImages(List.of(Fixtures.bareImage("a.png")));
                return tx.inTransaction(inner -> {
                    inner.addImages(List.of(Fixtures.bareImage("b.png")));
                    return 42;
                });
            });
            assertEquals(42, result);
        }
        try (ProjectSession session = store.open(where)) {
            assertEquals(2, session.imageCount());
        }
    }

    @Test
    @DisplayName("a transaction that throws is rolled back and leaves nothing behind")
    void transactionRollsBack() {
        Project project = Fixtures.project();
        StoreLocation where = newLocation();
        try (ProjectSession session = createProject(where)) {
            session.addImages(List.of(Fixtures.bareImage("kept.png")));
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> session.inTransaction(tx -> {
                ImageRecord image = Fixtures.fullImage(project, "lost.png");
                tx.addImages(List.of(image));
                tx.addReaders(List.of(Fixtures.reader("r9", "Temp", ReaderRole.RESIDENT, null)));
                tx.recordRead(Fixtures.read(reader(project, "r1"), image, finding(project, "Effusion"),
                        ReadValue.PRESENT, Fixtures.T0));
                throw new IllegalStateException("reader closed the dialog");
            }));
            assertEquals("reader closed the dialog", thrown.getMessage());
            assertEquals(1, session.imageCount());
            assertTrue(session.allReads().isEmpty());
            assertEquals(3, session.project().getReaders().size());
        }
        try (ProjectSession session = store.open(where)) {
            assertEquals(List.of("kept.png"), session.images(0, 10).stream().map(ImageRecord::getImageId).toList());
            assertTrue(session.allReads().isEmpty());
            assertSameContent(Fixtures.project(), session.project());
        }
    }

    @Test
    @DisplayName("a read of an unknown image fails with a StoreException and the store stays usable")
    void unknownImageIsRefused() {
        Project project = Fixtures.project();
        try (ProjectSession session = createProject(newLocation())) {
            session.addImages(List.of(Fixtures.bareImage("a.png")));
            StoreException e = assertThrows(StoreException.class, () -> session.recordRead(Fixtures.read(
                    reader(project, "r1"), Fixtures.bareImage("missing.png"), finding(project, "Effusion"),
                    ReadValue.PRESENT, Fixtures.T0)));
            assertEquals(Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage().contains("missing.png"), e.getMessage());
            session.recordRead(Fixtures.read(reader(project, "r1"), Fixtures.bareImage("a.png"),
                    finding(project, "Effusion"), ReadValue.PRESENT, Fixtures.T0));
            assertEquals(1, session.allReads().size());
        }
    }

    @Test
    @DisplayName("a duplicate image id breaks a unique constraint, rolls back its whole batch and leaves the store usable")
    void duplicateImageIsRefused() {
        try (ProjectSession session = createProject(newLocation())) {
            session.addImages(List.of(Fixtures.bareImage("a.png")));
            StoreException e = assertThrows(StoreException.class, () -> session.addImages(
                    List.of(Fixtures.bareImage("b.png"), Fixtures.bareImage("a.png"))));
            assertEquals(Reason.CONSTRAINT_VIOLATION, e.reason());
            assertTrue(e.getMessage().startsWith("Could not add 2 images"), e.getMessage());
            assertEquals(1, session.imageCount());
            session.addImages(List.of(Fixtures.bareImage("b.png")));
            assertEquals(2, session.imageCount());
        }
    }

    @Test
    @DisplayName("a fresh store reports the latest schema version, and reopening it applies no migration again")
    void freshStoreIsAtLatestVersion() {
        StoreLocation where = newLocation();
        int latest = Migrations.standard().latestVersion();
        List<Migrations.Applied> applied;
        try (ProjectSession session = createProject(where)) {
            assertEquals(latest, session.schemaVersion());
            applied = ((JdbcProjectSession) session).appliedMigrations();
            assertEquals(IntStream.rangeClosed(1, latest).boxed().toList(),
                    applied.stream().map(Migrations.Applied::version).toList());
            assertEquals("initial", applied.getFirst().description());
            assertEquals("predictions and patient secret", applied.get(1).description());
        }
        for (int reopen = 0; reopen < 2; reopen++) {
            try (ProjectSession session = store.open(where)) {
                assertEquals(latest, session.schemaVersion());
                assertEquals(applied, ((JdbcProjectSession) session).appliedMigrations());
            }
        }
    }

    @Test
    @DisplayName("opening a version-1 store applies the newer migrations once and keeps its data")
    void olderStoreIsMigrated() {
        StoreLocation where = newLocation();
        JdbcProjectStore jdbcStore = (JdbcProjectStore) store;
        try (ProjectSession session = jdbcStore.create(where, Fixtures.project(), versionOne())) {
            // only the project, its findings and readers: writing images takes the columns of later versions
            assertEquals(1, session.schemaVersion());
        }
        int latest = Migrations.standard().latestVersion();
        List<Migrations.Applied> afterUpgrade;
        try (JdbcProjectSession session = (JdbcProjectSession) store.open(where)) {
            assertEquals(latest, session.schemaVersion());
            afterUpgrade = session.appliedMigrations();
            assertEquals(IntStream.rangeClosed(1, latest).boxed().toList(),
                    afterUpgrade.stream().map(Migrations.Applied::version).toList());
            assertSameContent(Fixtures.project(), session.project());
            assertEquals(List.of(), session.predictionModels(), "the predictions table came with version 2");
            session.addImages(List.of(Fixtures.bareImage("a.png")));
            assertEquals(1, session.imageCount());
        }
        try (JdbcProjectSession session = (JdbcProjectSession) store.open(where)) {
            assertEquals(afterUpgrade, session.appliedMigrations());
        }
    }

    @Test
    @DisplayName("a store written by a newer Lightbox is refused with a message that says so")
    void newerStoreIsRefused() {
        StoreLocation where = newLocation();
        createProject(where).close();
        int latest = Migrations.standard().latestVersion();
        // a Lightbox that knows only version 1 meets this store, as this one would meet a later one
        StoreException e = assertThrows(StoreException.class, () -> ((JdbcProjectStore) store).open(where, versionOne()));
        assertEquals(Reason.INCOMPATIBLE_VERSION, e.reason());
        assertTrue(e.getMessage().contains("schema version " + latest) && e.getMessage().contains("up to 1")
                && e.getMessage().contains("newer Lightbox"), e.getMessage());
    }

    private static Migrations versionOne() {
        return Migrations.of(ProjectStoreContract.class.getClassLoader(), List.of("migrations/V1__initial.sql"));
    }

    @Test
    @DisplayName("opening where there is no project fails with NOT_FOUND, creating over a project with ALREADY_EXISTS")
    void createAndOpenCheckTheLocation() {
        StoreException missing = assertThrows(StoreException.class, () -> store.open(newLocation()));
        assertEquals(Reason.NOT_FOUND, missing.reason());
        StoreLocation where = newLocation();
        createProject(where).close();
        StoreException exists = assertThrows(StoreException.class, () -> createProject(where));
        assertEquals(Reason.ALREADY_EXISTS, exists.reason());
        assertTrue(exists.getMessage().contains("Pneumothorax relabelling"), exists.getMessage());
    }

    @Test
    @DisplayName("a closed session refuses to be used")
    void closedSessionIsRefused() {
        ProjectSession session = createProject(newLocation());
        session.close();
        session.close();
        assertEquals(Reason.CLOSED, assertThrows(StoreException.class, session::imageCount).reason());
    }

    @Test
    @DisplayName("the first 500 rows of CXR14's sample labels import with their metadata and report-mined findings")
    void importsCxr14Sample() throws Exception {
        Path csv = Cxr14Sample.file();
        assumeTrue(csv != null && Files.isRegularFile(csv),
                "CXR14 sample labels not found at " + csv + " (system property lightbox.shared): test skipped");
        List<Cxr14Sample.Row> rows = Cxr14Sample.firstRows(csv, 500);
        Project project = Cxr14Sample.project();
        try (ProjectSession session = store.create(newLocation(), project)) {
            Cxr14Sample.batches(rows, project, 200).forEach(session::addImages);
            assertEquals(500, session.imageCount());

            Cxr14Sample.Row pneumothorax = rows.stream().filter(r -> r.findings().contains("Pneumothorax")).findFirst()
                    .orElseThrow();
            Cxr14Sample.Row noFinding = rows.stream().filter(r -> r.findings().isEmpty()).findFirst().orElseThrow();
            for (Cxr14Sample.Row row : List.of(pneumothorax, noFinding)) {
                ImageRecord image = session.image(row.imageIndex()).orElseThrow();
                assertEquals(row.patientId(), image.getPatientKey());
                assertEquals(row.ageYears(), image.getPatientAge());
                assertEquals(row.sex(), image.getPatientSex().getLiteral().substring(0, 1));
                assertEquals(row.view(), image.getViewPosition().getLiteral());
                assertEquals(row.followUp(), image.getFollowUp());
                assertEquals(row.findings(), image.getSourceLabels().stream().map(l -> l.getFinding().getCode()).toList());
            }

            Map<String, Integer> expected = new TreeMap<>();
            rows.forEach(r -> r.findings().forEach(code -> expected.merge(code, 1, Integer::sum)));
            Map<String, Integer> stored = new TreeMap<>();
            for (int offset = 0; offset < 500; offset += 128) {
                for (ImageRecord each : session.images(offset, 128)) {
                    for (SourceLabel label : each.getSourceLabels()) {
                        stored.merge(label.getFinding().getCode(), 1, Integer::sum);
                    }
                }
            }
            assertEquals(expected, stored);
            // counted outside Java: head -501 | cut -d, -f2 | tr '|' '\n' | sort | uniq -c
            assertEquals(62, stored.get("Atelectasis"));
            assertEquals(14, stored.get("Pneumothorax"));
        }
    }
}
