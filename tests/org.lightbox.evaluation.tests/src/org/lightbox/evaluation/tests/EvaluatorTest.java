package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.evaluation.Averages;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.Evaluation.FindingResult;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationOptions;
import org.lightbox.evaluation.Stratification;
import org.lightbox.evaluation.internal.DefaultEvaluator;

/** The whole evaluation of the real predictions with the age-only model as the second model. */
class EvaluatorTest {

    static EvaluationData twoModels() {
        EvaluationData real = Fixtures.real();
        double[] age = Fixtures.ageModel(real);
        double[][][] scores = new double[2][real.findings().size()][];
        for (int f = 0; f < real.findings().size(); f++) {
            scores[0][f] = real.scores()[0][f];
            scores[1][f] = age;
        }
        return new EvaluationData(real.labels(), List.of("densenet121", "age"), real.findings(), scores, real.unmatched(), List.of());
    }

    @Test
    @DisplayName("Tables 1 and 2: both models' AUROCs equal pROC's, the paired test pROC's z, and held-out Youden tables R's counts")
    void tables1and2() {
        EvaluationOptions options = new EvaluationOptions(0.95, "youden", "patients", 0.05, List.of("sex", "age", "view"), null);
        Evaluation e = new DefaultEvaluator().evaluate(twoModels(), options);
        assertEquals(14, e.findings().size());
        Map<String, FindingResult> byName = new java.util.HashMap<>();
        e.findings().forEach(r -> byName.put(r.finding(), r));
        for (Map<String, String> row : Fixtures.csv("auroc-pROC.csv")) {
            int m = row.get("model").equals("age") ? 1 : 0;
            assertEquals(Fixtures.number(row, "auc"), byName.get(row.get("finding")).auroc().get(m).value(), 1e-9);
        }
        for (Map<String, String> row : Fixtures.csv("paired-delong-pROC.csv")) {
            assertEquals(Fixtures.number(row, "z"), byName.get(row.get("finding")).comparison().test().statistic(), 1e-6);
        }
        for (Map<String, String> row : Fixtures.csv("youden-pROC.csv")) {
            var pm = byName.get(row.get("finding")).metrics().get(0);
            assertEquals((long) Fixtures.number(row, "tp"), pm.truePositives());
            assertEquals((long) Fixtures.number(row, "tn"), pm.trueNegatives());
            assertNotNull(byName.get(row.get("finding")).deployment().get(0).ppv());
        }
        Averages auc = e.averages().get(0).get(0);
        double mean = byName.values().stream().mapToDouble(r -> r.auroc().get(0).value()).average().orElseThrow();
        assertEquals(mean, auc.macro().value(), 1e-12);
        assertTrue(auc.macro().interval().isPresent() && auc.weighted().interval().isPresent());
        assertEquals(3 * 14, e.strata().size());
        Stratification bySex = e.strata().get(0);
        assertEquals(List.of("F", "M"), bySex.strata().stream().map(Stratification.Stratum::level).toList());
        Stratification byAge = e.strata().get(14);
        assertEquals(List.of("0-19", "20-39", "40-59", "60-79", "80+"), byAge.strata().stream().map(Stratification.Stratum::level).toList());
        assertEquals(List.of("evaluation", "tuning"), e.cohort().groups());
    }

    @Test
    @DisplayName("An unknown strata column is refused with the columns there are")
    void unknownColumn() {
        EvaluationData real = Fixtures.real();
        var ex = assertThrows(IllegalArgumentException.class, () -> new DefaultEvaluator().evaluate(real,
                EvaluationOptions.defaults().withStrata(List.of("scanner"))));
        assertTrue(ex.getMessage().contains("no column 'scanner'") && ex.getMessage().contains("View Position"), ex.getMessage());
    }
}
