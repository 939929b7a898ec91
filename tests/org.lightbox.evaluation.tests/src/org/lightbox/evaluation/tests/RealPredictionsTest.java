package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.DeLong;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.ModelComparison;
import org.lightbox.evaluation.OperatingPoint;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.StatisticalTest;

/**
 * The real DenseNet-121 test predictions (22,433 images x 14 findings) against the CXR14 labels, compared with what R's
 * pROC 1.18.0 computes on the same inputs ({@code fixtures/make-fixtures.R}).
 */
class RealPredictionsTest {

    private static BinaryScores finding(EvaluationData data, String finding) {
        return data.finding(0, data.findings().indexOf(finding));
    }

    private static BinaryScores ageModel(EvaluationData data, String finding) {
        BinaryScores cnn = finding(data, finding);
        return new BinaryScores(finding, cnn.ids(), Fixtures.ageModel(data), cnn.truth());
    }

    @Test
    @DisplayName("All 22,433 test images join their labels, and the 89,687 label rows without scores are counted, not dropped silently")
    void join() {
        EvaluationData data = Fixtures.real();
        assertEquals(22_433, data.size());
        assertEquals(14, data.findings().size());
        assertEquals(List.of("89,687 images of Data_Entry_2017_v2020.csv.gz have no scores in densenet121_cxr14_test_preds.csv"),
                data.unmatched());
    }

    @Test
    @DisplayName("Per-finding AUROCs and DeLong 95% CIs of the DenseNet-121 and of the tied age-only model equal pROC's to 1e-9")
    void aurocs() {
        EvaluationData data = Fixtures.real();
        List<Map<String, String>> rows = Fixtures.csv("auroc-pROC.csv");
        assertEquals(28, rows.size());
        for (Map<String, String> row : rows) {
            String f = row.get("finding");
            BinaryScores s = row.get("model").equals("age") ? ageModel(data, f) : finding(data, f);
            Estimate auc = DeLong.auroc(s, 0.95);
            String what = row.get("model") + " " + f;
            assertEquals(Fixtures.number(row, "positives"), s.positives(), what);
            assertEquals(Fixtures.number(row, "auc"), auc.value(), 1e-9, what);
            assertEquals(Fixtures.number(row, "lower"), auc.interval().orElseThrow().lower(), 1e-9, what);
            assertEquals(Fixtures.number(row, "upper"), auc.interval().orElseThrow().upper(), 1e-9, what);
            assertEquals(Fixtures.number(row, "variance"), auc.detail("variance").orElseThrow(), 1e-12, what);
        }
    }

    @Test
    @DisplayName("The paired DeLong test of the DenseNet-121 against the age-only model gives pROC's z for every finding")
    void pairedDeLong() {
        EvaluationData data = Fixtures.real();
        for (Map<String, String> row : Fixtures.csv("paired-delong-pROC.csv")) {
            String f = row.get("finding");
            ModelComparison c = DeLong.paired(finding(data, f), ageModel(data, f), 0.95);
            assertEquals(Fixtures.number(row, "auc_a") - Fixtures.number(row, "auc_b"), c.difference().value(), 1e-9, f);
            assertEquals(Fixtures.number(row, "z"), c.test().statistic(), 1e-6, f);
            assertEquals(Fixtures.number(row, "p"), c.test().p(), 1e-9 + 1e-6 * Fixtures.number(row, "p"), f);
        }
    }

    @Test
    @DisplayName("Men against women: per-sex AUROCs and the unpaired DeLong z and p equal pROC's roc.test")
    void unpairedBySex() {
        EvaluationData data = Fixtures.real();
        String[] sex = data.labels().column("Patient Gender");
        boolean[] men = new boolean[sex.length];
        boolean[] women = new boolean[sex.length];
        for (int i = 0; i < sex.length; i++) {
            men[i] = sex[i].equals("M");
            women[i] = !men[i];
        }
        for (Map<String, String> row : Fixtures.csv("unpaired-delong-sex-pROC.csv")) {
            String f = row.get("finding");
            Estimate m = DeLong.auroc(finding(data, f).subset(men), 0.95);
            Estimate w = DeLong.auroc(finding(data, f).subset(women), 0.95);
            assertEquals(Fixtures.number(row, "auc_m"), m.value(), 1e-9, f);
            assertEquals(Fixtures.number(row, "auc_f"), w.value(), 1e-9, f);
            StatisticalTest t = DeLong.difference(List.of(m, w));
            assertEquals(Fixtures.number(row, "z"), t.statistic(), 1e-6, f);
            assertEquals(Fixtures.number(row, "p"), t.p(), 1e-8, f);
        }
    }

    @Test
    @DisplayName("Youden's threshold chosen on even patient ids equals pROC's coords('best'), and applied to odd ids gives R's 2x2 tables")
    void youdenChosenOnOneSplitAppliedToAnother() {
        EvaluationData data = Fixtures.real();
        boolean[] tuning = Fixtures.tuning(data);
        boolean[] held = new boolean[tuning.length];
        for (int i = 0; i < held.length; i++) {
            held[i] = !tuning[i];
        }
        for (Map<String, String> row : Fixtures.csv("youden-pROC.csv")) {
            String f = row.get("finding");
            BinaryScores tune = finding(data, f).subset(tuning);
            OperatingPoint point = OperatingPoint.youden(tune, "even patient ids");
            assertEquals(Fixtures.number(row, "threshold"), point.threshold(), 1e-12, f);
            PointMetrics onTuning = PointMetrics.at(tune, point, 0.95);
            assertEquals(Fixtures.number(row, "tuning_sensitivity"), onTuning.sensitivity().value(), 1e-12, f);
            assertEquals(Fixtures.number(row, "tuning_specificity"), onTuning.specificity().value(), 1e-12, f);
            PointMetrics heldOut = PointMetrics.at(finding(data, f).subset(held), point, 0.95);
            assertEquals(List.of((long) Fixtures.number(row, "tp"), (long) Fixtures.number(row, "fp"), (long) Fixtures.number(row, "fn"),
                    (long) Fixtures.number(row, "tn")), List.of(heldOut.truePositives(), heldOut.falsePositives(), heldOut.falseNegatives(),
                            heldOut.trueNegatives()), f);
        }
    }

    @Test
    @DisplayName("A target sensitivity of 0.9 picks the highest threshold reaching it, and a target specificity the lowest")
    void targetSensitivityAndSpecificity() {
        BinaryScores s = finding(Fixtures.real(), "Effusion");
        OperatingPoint sens = OperatingPoint.atSensitivity(s, 0.9, "all");
        PointMetrics at = PointMetrics.at(s, sens, 0.95);
        assertTrue(at.sensitivity().value() >= 0.9, at.sensitivity().format());
        assertTrue(at.truePositives() - 1 < 0.9 * (at.truePositives() + at.falseNegatives()), "one positive fewer would miss the target");
        OperatingPoint spec = OperatingPoint.atSpecificity(s, 0.9, "all");
        PointMetrics bs = PointMetrics.at(s, spec, 0.95);
        assertTrue(bs.specificity().value() >= 0.9 && bs.trueNegatives() - 1 < 0.9 * (bs.trueNegatives() + bs.falsePositives()),
                bs.specificity().format());
    }
}
