package org.lightbox.consensus.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightbox.model.ReadValue.ABSENT;
import static org.lightbox.model.ReadValue.PRESENT;
import static org.lightbox.model.ReadValue.UNCERTAIN;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.agreement.RatingTable;
import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.consensus.ConsensusRunner;
import org.lightbox.consensus.ConsensusSummary;
import org.lightbox.consensus.ReadTables;
import org.lightbox.model.Candidate;
import org.lightbox.model.CandidateReason;
import org.lightbox.model.CandidateStatus;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;

/** Consensus on a real SQLite project through the DS services, as the command line and the workbench run it. */
class ConsensusRunnerTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant DECIDED = Instant.parse("2026-01-06T12:00:00Z");

    @TempDir
    Path dir;

    /** Three readers and an adjudicator; four images of three patients; Effusion read by all, Edema by r1 only. */
    static void panel(ProjectSession s) {
        Projects.readers(s, "r1", "r2", "r3", "adj");
        Projects.images(s, List.of("i1", "i2", "i3", "i4"), List.of("p1", "p1", "p2", "p3"));
        ReadValue[][] effusion = {{PRESENT, PRESENT, PRESENT}, {ABSENT, PRESENT, ABSENT}, {PRESENT, ABSENT, UNCERTAIN},
                {PRESENT, null, ABSENT}};
        for (int i = 0; i < effusion.length; i++) {
            for (int r = 0; r < 3; r++) {
                if (effusion[i][r] != null) {
                    Projects.read(s, "r" + (r + 1), "i" + (i + 1), "Effusion", effusion[i][r], T0.plusSeconds(60L * (3 * i + r)));
                }
            }
        }
        Projects.read(s, "r1", "i1", "Edema", ABSENT, T0.plusSeconds(3600));
    }

    @Test
    @DisplayName("A project's reads become one rating table per finding, images clustered by patient pseudonym")
    void readsBecomeTables() throws Exception {
        try (ProjectSession s = Projects.create(dir.resolve("t.lightbox"))) {
            panel(s);
            Map<String, RatingTable> tables = ReadTables.byFinding(s.project(), s.allReads(), r -> !r.equals("adj"));
            assertEquals(List.of("Effusion", "Edema"), List.copyOf(tables.keySet()));
            RatingTable effusion = tables.get("Effusion");
            assertEquals(List.of("i1", "i2", "i3", "i4"), effusion.subjects());
            assertEquals(List.of("r1", "r2", "r3"), effusion.raters());
            assertEquals(ReadTables.CATEGORIES, effusion.categories());
            assertEquals(s.pseudonym("p1"), effusion.clusters().get(1));
            assertTrue(effusion.clustered(), "i1 and i2 share a patient");
            assertEquals(RatingTable.MISSING, effusion.code(3, 1));
        }
    }

    @Test
    @DisplayName("Majority labels are stored with support, read count and time; ties are queued once for adjudication")
    void majorityIsStoredAndTiesQueued() throws Exception {
        ConsensusRunner runner = Projects.service(ConsensusRunner.class, null);
        assertTrue(runner.methods().containsAll(List.of("dawid-skene", "majority")), runner.methods().toString());
        try (ProjectSession s = Projects.create(dir.resolve("t.lightbox"))) {
            panel(s);
            ConsensusOptions options = ConsensusOptions.DEFAULT.withAdjudicators(Set.of("adj")).withDecidedAt(DECIDED);
            ConsensusSummary summary = runner.run(s, "majority", options);
            assertEquals(5, summary.labelsStored(), "four Effusion images and one Edema image");
            assertEquals(2, summary.queued());
            Map<String, ConsensusLabel> effusion = s.consensusLabels("majority").stream()
                    .filter(l -> l.getFinding().getCode().equals("Effusion"))
                    .collect(Collectors.toMap(l -> l.getImage().getImageId(), l -> l));
            assertEquals(List.of(PRESENT, ABSENT, UNCERTAIN, UNCERTAIN),
                    List.of("i1", "i2", "i3", "i4").stream().map(i -> effusion.get(i).getValue()).toList());
            assertEquals(2 / 3.0, effusion.get("i2").getSupport(), 1e-12);
            assertEquals(3, effusion.get("i2").getReadCount());
            assertEquals(DECIDED, effusion.get("i2").getDecidedAt().toInstant());
            List<Candidate> queue = s.candidates(ConsensusOptions.ADJUDICATION);
            assertEquals(Set.of("i3", "i4"), queue.stream().map(c -> c.getImage().getImageId()).collect(Collectors.toSet()));
            Candidate i3 = queue.stream().filter(c -> c.getImage().getImageId().equals("i3")).findFirst().orElseThrow();
            assertEquals(CandidateReason.DISAGREEMENT, i3.getReason());
            assertEquals(CandidateStatus.OPEN, i3.getStatus());
            assertEquals("Effusion", i3.getFinding().getCode());
            assertTrue(i3.getNote().contains("r1 PRESENT, r2 ABSENT, r3 UNCERTAIN"), i3.getNote());
            runner.run(s, "majority", options);
            assertEquals(2, s.candidates(ConsensusOptions.ADJUDICATION).size(), "a second run queues nothing twice");
        }
    }

    @Test
    @DisplayName("An adjudicator's read settles a queued tie as an 'adjudication' label, resolves the candidate, and never votes")
    void adjudicatorSettlesTies() throws Exception {
        ConsensusRunner runner = Projects.service(ConsensusRunner.class, null);
        try (ProjectSession s = Projects.create(dir.resolve("t.lightbox"))) {
            panel(s);
            ConsensusOptions options = ConsensusOptions.DEFAULT.withAdjudicators(Set.of("adj")).withDecidedAt(DECIDED);
            runner.run(s, "majority", options);
            Projects.read(s, "adj", "i3", "Effusion", PRESENT, T0.plusSeconds(86_400));
            Projects.read(s, "adj", "i2", "Effusion", PRESENT, T0.plusSeconds(86_500)); // i2 was not queued: no effect
            assertThrows(IllegalArgumentException.class, () -> runner.adjudicate(s, ConsensusOptions.DEFAULT));
            ConsensusSummary adjudicated = runner.adjudicate(s, options);
            assertEquals(1, adjudicated.labelsStored());
            List<ConsensusLabel> labels = s.consensusLabels(ConsensusOptions.ADJUDICATION);
            assertEquals(1, labels.size());
            assertEquals("i3", labels.get(0).getImage().getImageId());
            assertEquals(PRESENT, labels.get(0).getValue());
            assertEquals(4, labels.get(0).getReadCount(), "three panel reads and the adjudicator's");
            assertEquals(T0.plusSeconds(86_400), labels.get(0).getDecidedAt().toInstant());
            Candidate i3 = s.candidates(ConsensusOptions.ADJUDICATION).stream().filter(c -> c.getImage().getImageId().equals("i3"))
                    .findFirst().orElseThrow();
            assertEquals(CandidateStatus.RESOLVED, i3.getStatus());
            assertTrue(i3.getNote().contains("adjudicated by adj: PRESENT"), i3.getNote());
            ConsensusSummary again = runner.run(s, "majority", options);
            assertEquals(UNCERTAIN, s.consensusLabels("majority").stream().filter(l -> l.getImage().getImageId().equals("i3")
                    && l.getFinding().getCode().equals("Effusion")).findFirst().orElseThrow().getValue(), "the adjudicator does not vote");
            assertEquals(1, again.queued(), "only i4 is still open");
        }
    }

    @Test
    @DisplayName("Every stored label keeps who voted what: majority, Dawid-Skene and adjudication alike, missing reads left out")
    void labelsKeepTheVotes() throws Exception {
        ConsensusRunner runner = Projects.service(ConsensusRunner.class, null);
        try (ProjectSession s = Projects.create(dir.resolve("t.lightbox"))) {
            panel(s);
            ConsensusOptions options = ConsensusOptions.DEFAULT.withAdjudicators(Set.of("adj")).withDecidedAt(DECIDED);
            runner.run(s, "majority", options);
            runner.run(s, "dawid-skene", options);
            for (String method : List.of("majority", "dawid-skene")) {
                Map<String, String> votes = s.consensusLabels(method).stream().filter(l -> l.getFinding().getCode().equals("Effusion"))
                        .collect(Collectors.toMap(l -> l.getImage().getImageId(), ConsensusLabel::getVotes));
                assertEquals(Map.of("i1", "r1:PRESENT;r2:PRESENT;r3:PRESENT", "i2", "r1:ABSENT;r2:PRESENT;r3:ABSENT",
                        "i3", "r1:PRESENT;r2:ABSENT;r3:UNCERTAIN", "i4", "r1:PRESENT;r3:ABSENT"), votes, method);
            }
            Projects.read(s, "adj", "i3", "Effusion", PRESENT, T0.plusSeconds(86_400));
            runner.adjudicate(s, options);
            assertEquals("r1:PRESENT;r2:ABSENT;r3:UNCERTAIN;adj:PRESENT",
                    s.consensusLabels(ConsensusOptions.ADJUDICATION).get(0).getVotes());
        }
    }

    @Test
    @DisplayName("Unknown methods and findings are refused with the ones that exist")
    void unknownNamesAreRefused() throws Exception {
        ConsensusRunner runner = Projects.service(ConsensusRunner.class, null);
        try (ProjectSession s = Projects.create(dir.resolve("t.lightbox"))) {
            panel(s);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.run(s, "vote", ConsensusOptions.DEFAULT));
            assertTrue(e.getMessage().contains("majority"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> runner.run(s, "majority", ConsensusOptions.DEFAULT.withFindings(Set.of("Hernia"))));
            assertTrue(e.getMessage().contains("Effusion"), e.getMessage());
        }
    }
}
