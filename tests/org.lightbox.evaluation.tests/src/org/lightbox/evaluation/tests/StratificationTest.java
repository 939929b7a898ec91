package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.OperatingPoint;
import org.lightbox.evaluation.StatisticalTest;
import org.lightbox.evaluation.Stratification;

/** Held-out metrics by sex and by age band, with the chi-square tests R's {@code prop.test(correct = FALSE)} gives. */
class StratificationTest {

    @Test
    @DisplayName("By sex and by 20-year age band, the chi-square of sensitivities and specificities equals R's prop.test for all 14 findings")
    void proportions() {
        EvaluationData data = Fixtures.real();
        boolean[] tuning = Fixtures.tuning(data);
        boolean[] held = new boolean[tuning.length];
        for (int i = 0; i < held.length; i++) {
            held[i] = !tuning[i];
        }
        String[] sex = data.labels().subset(held).column("Patient Gender");
        String[] band = Stratification.levels(data.labels().subset(held).column("Patient Age"));
        int checked = 0;
        for (Map<String, String> row : Fixtures.csv("prop-test-strata.csv")) {
            int f = data.findings().indexOf(row.get("finding"));
            BinaryScores all = data.finding(0, f);
            OperatingPoint point = OperatingPoint.youden(all.subset(tuning), "even patient ids");
            boolean bySex = row.get("strata").equals("sex");
            Stratification s = Stratification.of(all.subset(held), bySex ? "sex" : "age band", bySex ? sex : band, point, 0.95);
            StatisticalTest t = row.get("metric").equals("sensitivity") ? s.sensitivity() : s.specificity();
            String what = row.get("finding") + " " + row.get("strata") + " " + row.get("metric");
            assertNotNull(t, what);
            assertEquals(Fixtures.number(row, "df"), t.degreesOfFreedom(), what);
            assertEquals(Fixtures.number(row, "chisq"), t.statistic(), 1e-9 * Math.max(1, t.statistic()), what);
            assertEquals(Fixtures.number(row, "p"), t.p(), 1e-10 + 1e-7 * t.p(), what);
            checked++;
        }
        assertEquals(56, checked);
    }
}
