package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.evaluation.OperatingPoint;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.PointMetrics.PredictiveValues;

/** Metrics at an operating point against R's epiR 2.0.57 {@code epi.tests(method = "wilson")} and published values. */
class DiagnosticTablesTest {

    private static final OperatingPoint POINT = OperatingPoint.fixed(0.5);

    private static Estimate pick(PointMetrics m, String statistic) {
        return switch (statistic) {
            case "se" -> m.sensitivity();
            case "sp" -> m.specificity();
            case "pv.pos" -> m.ppv();
            case "pv.neg" -> m.npv();
            case "diag.ac" -> m.accuracy();
            case "diag.or", "diag.or.haldane" -> m.diagnosticOddsRatio();
            case "lr.pos" -> m.positiveLikelihoodRatio();
            case "lr.neg" -> m.negativeLikelihoodRatio();
            default -> throw new IllegalArgumentException(statistic);
        };
    }

    @Test
    @DisplayName("Sensitivity, specificity, PPV, NPV, accuracy (Wilson), DOR (Woolf) and LR+/LR- of 15 tables equal epiR's to 1e-9")
    void epiR() {
        List<Map<String, String>> rows = Fixtures.csv("epitests-2x2.csv");
        assertEquals(122, rows.size());
        for (Map<String, String> row : rows) {
            PointMetrics m = PointMetrics.of("table", POINT, (long) Fixtures.number(row, "tp"), (long) Fixtures.number(row, "fp"),
                    (long) Fixtures.number(row, "fn"), (long) Fixtures.number(row, "tn"), 0.95);
            Estimate e = pick(m, row.get("statistic"));
            String what = row.get("table") + " " + row.get("statistic");
            double tolerance = 1e-9 * Math.max(1, Fixtures.number(row, "est"));
            assertEquals(Fixtures.number(row, "est"), e.value(), tolerance, what);
            Interval ci = e.interval().orElseThrow();
            assertEquals(Fixtures.number(row, "lower"), ci.lower(), tolerance, what);
            assertEquals(Fixtures.number(row, "upper"), ci.upper(), 1e-9 * Math.max(1, Fixtures.number(row, "upper")), what);
        }
    }

    @Test
    @DisplayName("Altman & Bland's liver scans (1994): sensitivity 0.8953, specificity 0.6279, DOR 14.4375 (95% CI 7.99 to 26.09)")
    void altmanBland() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.shared("agreement/altman_bland_1994_liver_scan_2x2.csv"));
        String[] abnormal = lines.get(1).split(",");
        String[] normal = lines.get(2).split(",");
        PointMetrics m = PointMetrics.of("liver", POINT, Long.parseLong(abnormal[1]), Long.parseLong(abnormal[2]),
                Long.parseLong(normal[1]), Long.parseLong(normal[2]), 0.95);
        assertEquals(0.8953, m.sensitivity().value(), 5e-5);
        assertEquals(0.6279, m.specificity().value(), 5e-5);
        assertEquals(14.4375, m.diagnosticOddsRatio().value(), 1e-12);
        assertEquals(7.99, m.diagnosticOddsRatio().interval().orElseThrow().lower(), 5e-3);
        assertEquals(26.09, m.diagnosticOddsRatio().interval().orElseThrow().upper(), 5e-3);
        assertEquals(258, m.sensitivity().n().subjects(), "the sensitivity's n is its denominator");
    }

    @Test
    @DisplayName("A zero cell gets 0.5 added to every cell for the DOR and says so (R's Haldane-Anscombe values)")
    void zeroCell() {
        for (Map<String, String> row : Fixtures.csv("epitests-2x2.csv")) {
            if (row.get("statistic").equals("diag.or.haldane")) {
                PointMetrics m = PointMetrics.of("t", POINT, (long) Fixtures.number(row, "tp"), (long) Fixtures.number(row, "fp"),
                        (long) Fixtures.number(row, "fn"), (long) Fixtures.number(row, "tn"), 0.95);
                assertTrue(m.diagnosticOddsRatio().notes().get(0).contains("0.5 added"), m.diagnosticOddsRatio().notes().toString());
                assertFalse(m.positiveLikelihoodRatio().defined() && m.negativeLikelihoodRatio().defined(), "an LR with a zero cell is undefined");
            }
        }
    }

    @Test
    @DisplayName("PPV and NPV at the sample's own prevalence equal the observed PPV and NPV; at 1% prevalence the PPV of Altman & Bland's scan falls to 0.024")
    void deploymentPrevalence() {
        PointMetrics m = PointMetrics.of("liver", POINT, 231, 32, 27, 54, 0.95);
        PredictiveValues own = m.atPrevalence(m.prevalence());
        assertEquals(231.0 / 263, own.ppv().value(), 1e-12);
        assertEquals(54.0 / 81, own.npv().value(), 1e-12);
        PredictiveValues rare = m.atPrevalence(0.01);
        // Bayes by hand: 0.01 x 0.8953 / (0.01 x 0.8953 + 0.99 x (1 - 0.6279))
        double sens = 231.0 / 258;
        double spec = 54.0 / 86;
        assertEquals(0.01 * sens / (0.01 * sens + 0.99 * (1 - spec)), rare.ppv().value(), 1e-12);
        assertEquals(0.024, rare.ppv().value(), 5e-4);
        Interval ci = rare.ppv().interval().orElseThrow();
        assertTrue(ci.lower() < rare.ppv().value() && rare.ppv().value() < ci.upper(), ci.toString());
    }
}
