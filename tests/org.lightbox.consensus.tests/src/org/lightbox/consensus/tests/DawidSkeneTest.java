package org.lightbox.consensus.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.consensus.DawidSkene;

/**
 * Dawid and Skene's own example (1979, Table 1: 45 patients, 5 anaesthetists, 4 classes, anaesthetist 1 three times)
 * against an independent numpy run recorded in {@code fixtures/dawid-skene-1979-reference.txt} (command in
 * {@code fixtures/dawid_skene_reference.py}); the reference also agrees to 4 decimals with Dallas Card's published
 * implementation (github.com/dallascard/dawid_skene), which gives class marginals 0.3996 0.4220 0.1118 0.0667.
 */
class DawidSkeneTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    @DisplayName("Dawid-Skene on the 1979 anaesthetist data gives the reference class marginals, error rates and posteriors")
    void anaesthetistExampleMatchesTheReference() {
        DawidSkene.Fit fit = new DawidSkene(100_000, 1e-12).fit(table1());
        List<String> reference = Fixtures.lines("dawid-skene-1979-reference.txt");
        assertTrue(fit.converged());
        for (String line : reference) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "loglik" -> assertEquals(Double.parseDouble(f[1]), fit.logLikelihood(), 1e-5, "log likelihood");
                case "marginals" -> assertNumbers(f, 1, fit.classMarginals(), "class marginals");
                case "rates" -> assertNumbers(f, 3, fit.errorRates()[Integer.parseInt(f[1]) - 1][Integer.parseInt(f[2]) - 1],
                        "error rates of anaesthetist " + f[1] + ", true class " + f[2]);
                case "posterior" -> assertNumbers(f, 2, fit.posteriors()[Integer.parseInt(f[1]) - 1], "posterior of patient " + f[1]);
                default -> { }
            }
        }
        assertEquals(68, reference.size(), "fixture lines");
    }

    @Test
    @DisplayName("Dawid-Skene refuses an item nobody observed")
    void refusesItemsWithoutObservations() {
        int[][][] counts = {{{1, 0}, {1, 0}}, {{0, 0}, {0, 0}}};
        assertThrows(IllegalArgumentException.class, () -> new DawidSkene(10, 1e-6).fit(counts));
    }

    private static void assertNumbers(String[] fields, int from, double[] actual, String what) {
        assertEquals(fields.length - from, actual.length, what + ": number of classes");
        for (int j = 0; j < actual.length; j++) {
            assertEquals(Double.parseDouble(fields[from + j]), actual[j], TOLERANCE, what + ", class " + (j + 1));
        }
    }

    /** {@code fixtures/dawid-skene-1979-table1.csv} as counts [patient][anaesthetist][class]. */
    static int[][][] table1() {
        int[][][] counts = new int[45][5][4];
        List<String> rows = new ArrayList<>(Fixtures.lines("dawid-skene-1979-table1.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            counts[Integer.parseInt(f[0]) - 1][Integer.parseInt(f[1]) - 1][Integer.parseInt(f[2]) - 1]++;
        }
        return counts;
    }
}
