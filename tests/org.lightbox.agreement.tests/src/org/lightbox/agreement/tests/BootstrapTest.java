package org.lightbox.agreement.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.Weights;
import org.lightbox.agreement.internal.FleissKappa;

/** The seeded bootstrap: repeatable, and resampling patients when patients have several images. */
class BootstrapTest {

    /** 60 subjects, 3 raters, binary, agreement that varies by subject (no randomness: the pattern repeats). */
    private static RatingTable table(int copies) {
        int[][] rows = {{1, 1, 1}, {0, 0, 0}, {1, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 0, 0}};
        List<String> subjects = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        int n = 60 * copies;
        int[] codes = new int[n * 3];
        for (int s = 0; s < n; s++) {
            subjects.add("image" + s);
            patients.add("patient" + (s / copies));
            System.arraycopy(rows[(s / copies) % rows.length], 0, codes, 3 * s, 3);
        }
        return new RatingTable(subjects, List.of("a", "b", "c"), List.of("NO", "YES"), Level.NOMINAL, codes, patients, true);
    }

    @Test
    @DisplayName("The same seed gives the same interval, another seed another")
    void seeded() {
        RatingTable table = table(1);
        AgreementOptions one = new AgreementOptions(Weights.NONE, 0.95, 500, 7);
        Interval first = new FleissKappa().estimate(table, one).interval().orElseThrow();
        assertEquals(first, new FleissKappa().estimate(table, one).interval().orElseThrow());
        assertNotEquals(first, new FleissKappa().estimate(table, new AgreementOptions(Weights.NONE, 0.95, 500, 8)).interval().orElseThrow());
        assertEquals("percentile bootstrap, 500 resamples of 60 subjects, seed 7", first.method());
    }

    @Test
    @DisplayName("When each patient has two identical images, the bootstrap resamples the 60 patients and its interval is as wide as"
            + " for 60 images, not narrower as if there were 120")
    void patients() {
        AgreementOptions options = new AgreementOptions(Weights.NONE, 0.95, 2000, 3);
        Interval single = new FleissKappa().estimate(table(1), options).interval().orElseThrow();
        Interval twice = new FleissKappa().estimate(table(2), options).interval().orElseThrow();
        assertTrue(twice.method().startsWith("percentile bootstrap, 2,000 resamples of 60 patients"), twice.method());
        double ratio = (twice.upper() - twice.lower()) / (single.upper() - single.lower());
        assertTrue(ratio > 0.9 && ratio < 1.1, "width ratio " + ratio);
        RatingTable naive = table(2).withClusters(List.of());
        Interval independent = new FleissKappa().estimate(naive, options).interval().orElseThrow();
        assertTrue(independent.upper() - independent.lower() < 0.85 * (twice.upper() - twice.lower()),
                "treating images as independent understates the width: " + independent + " vs " + twice);
    }
}
