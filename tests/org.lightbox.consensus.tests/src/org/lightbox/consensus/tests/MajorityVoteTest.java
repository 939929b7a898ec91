package org.lightbox.consensus.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.RatingTableBuilder;
import org.lightbox.consensus.ConsensusDecision;
import org.lightbox.consensus.ConsensusResult;
import org.lightbox.consensus.ReadTables;
import org.lightbox.consensus.internal.DawidSkeneConsensus;
import org.lightbox.consensus.internal.MajorityVote;
import org.lightbox.model.ReadValue;

class MajorityVoteTest {

    /** Five images: unanimous, 2 of 3, a three-way tie, a 1-1 tie with one reader missing, one reader only. */
    private static RatingTable table() {
        RatingTableBuilder b = RatingTable.builder(Level.NOMINAL).categories(ReadTables.CATEGORIES);
        String[][] rows = {{"a", "PRESENT", "PRESENT", "PRESENT"}, {"b", "ABSENT", "PRESENT", "ABSENT"},
                {"c", "PRESENT", "ABSENT", "UNCERTAIN"}, {"d", "PRESENT", null, "ABSENT"}, {"e", null, "PRESENT", null}};
        for (String[] row : rows) {
            b.subject(row[0]);
            for (int r = 1; r <= 3; r++) {
                if (row[r] != null) {
                    b.rate(row[0], "r" + r, row[r]);
                }
            }
        }
        return b.build();
    }

    @Test
    @DisplayName("Majority takes the value most readers chose, with the share of votes as support and every vote kept")
    void majorityKeepsVotes() {
        List<ConsensusDecision> d = new MajorityVote().decide("Effusion", table()).decisions();
        assertEquals(5, d.size());
        assertEquals(ReadValue.PRESENT, d.get(0).value());
        assertEquals(1.0, d.get(0).support());
        assertEquals(ReadValue.ABSENT, d.get(1).value());
        assertEquals(2 / 3.0, d.get(1).support(), 1e-12);
        assertEquals("r1 ABSENT, r2 PRESENT, r3 ABSENT", d.get(1).votesText());
        assertEquals(ReadValue.PRESENT, d.get(4).value());
        assertEquals(1, d.get(4).readCount());
        assertFalse(d.get(1).needsAdjudication());
        assertEquals("majority", d.get(0).method());
    }

    @Test
    @DisplayName("Majority ties become UNCERTAIN and await adjudication")
    void tiesAwaitAdjudication() {
        ConsensusResult result = new MajorityVote().decide("Effusion", table());
        assertEquals(List.of("c", "d"), result.ties().stream().map(ConsensusDecision::image).toList());
        ConsensusDecision threeWay = result.decisions().get(2);
        assertEquals(ReadValue.UNCERTAIN, threeWay.value());
        assertEquals(1 / 3.0, threeWay.support(), 1e-12, "one of three read UNCERTAIN");
        assertTrue(threeWay.note().startsWith("tie"));
        assertEquals(0.0, result.decisions().get(3).support(), "nobody read UNCERTAIN on d");
    }

    @Test
    @DisplayName("Dawid-Skene on a read table gives each image a posterior that sums to 1 and each reader a confusion matrix")
    void dawidSkeneOnReads() {
        ConsensusResult result = new DawidSkeneConsensus().decide("Effusion", table());
        assertEquals(5, result.decisions().size());
        assertEquals(3, result.readers().size());
        for (ConsensusDecision d : result.decisions()) {
            assertEquals(1.0, d.posterior().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9, d.image());
            assertEquals(d.posterior().get(d.value()), d.support(), 1e-12);
        }
        assertEquals(ReadValue.PRESENT, result.decisions().get(0).value());
        assertTrue(result.notes().get(0).startsWith("EM converged"), result.notes().toString());
    }

    @Test
    @DisplayName("Consensus methods refuse tables whose values are not read values")
    void refusesOtherCategories() {
        RatingTableBuilder b = RatingTable.builder(Level.NOMINAL);
        b.rate("a", "r1", "YES");
        RatingTable yes = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MajorityVote().decide("F", yes));
        assertTrue(e.getMessage().contains("'YES'"), e.getMessage());
    }
}
