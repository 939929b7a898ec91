package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.evaluation.CohortTable;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationFileException;
import org.lightbox.evaluation.EvaluationFiles;
import org.lightbox.evaluation.LabelTable;
import org.lightbox.evaluation.LossByLabelCount;
import org.lightbox.evaluation.MeanActivation;

/** The seed paper's Tables 3 and 4 and the cohort table on the real data, against the same computed in R. */
class SeedTablesTest {

    @Test
    @DisplayName("Table 3: mean cross-entropy by number of labels per image, with counts, equals R's and is printed")
    void table3() {
        EvaluationData data = Fixtures.real();
        LossByLabelCount t = LossByLabelCount.of(data, 0, 0.95);
        List<Map<String, String>> r = Fixtures.csv("table3-bce-by-label-count.csv");
        assertEquals(r.size(), t.rows().size());
        System.out.println("Table 3 (DenseNet-121, CXR14 test images): mean binary cross-entropy by number of labels per image");
        System.out.println(" labels   images   mean BCE   95% CI");
        for (int i = 0; i < r.size(); i++) {
            LossByLabelCount.Row row = t.rows().get(i);
            assertEquals((int) Fixtures.number(r.get(i), "labels"), row.labels());
            assertEquals((int) Fixtures.number(r.get(i), "images"), row.images());
            assertEquals(Fixtures.number(r.get(i), "mean_bce"), row.meanLoss().value(), 1e-12);
            assertEquals(Fixtures.number(r.get(i), "sd_bce"), row.sd(), 1e-9);
            var ci = row.meanLoss().interval().orElseThrow();
            System.out.printf(Locale.ROOT, " %6d %8d %10.4f   %.4f to %.4f%n", row.labels(), row.images(), row.meanLoss().value(), ci.lower(), ci.upper());
        }
        assertTrue(t.rows().get(0).meanLoss().value() < t.rows().get(3).meanLoss().value(), "images with more labels cost more");
    }

    @Test
    @DisplayName("Table 4: mean score of each class and top-three counts over single-label images equal R's and are printed")
    void table4() {
        EvaluationData data = Fixtures.real();
        MeanActivation t = MeanActivation.of(data, 0);
        List<Map<String, String>> r = Fixtures.csv("table4-mean-score-single-label.csv");
        assertEquals(196, r.size());
        for (Map<String, String> row : r) {
            int c = t.classes().indexOf(row.get("true_class"));
            int k = t.classes().indexOf(row.get("predicted_class"));
            String what = row.get("true_class") + " -> " + row.get("predicted_class");
            assertEquals((int) Fixtures.number(row, "images"), t.images()[c], what);
            assertEquals(Fixtures.number(row, "mean_score"), t.meanScore()[c][k], 1e-12, what);
            assertEquals((int) Fixtures.number(row, "top3"), t.topThree()[c][k], what);
        }
        StringBuilder out = new StringBuilder("Table 4 (DenseNet-121): mean score x100 of each class (columns) over single-label images of"
                + " each true class (rows); [share of those images with the true class in the top three]\n");
        out.append(String.format(Locale.ROOT, "%-20s %6s", "true class", "n"));
        for (String k : t.classes()) {
            out.append(String.format(Locale.ROOT, " %5.5s", k));
        }
        out.append("   top-3\n");
        for (int c = 0; c < t.classes().size(); c++) {
            out.append(String.format(Locale.ROOT, "%-20s %6d", t.classes().get(c), t.images()[c]));
            for (int k = 0; k < t.classes().size(); k++) {
                out.append(String.format(Locale.ROOT, " %5.1f", 100 * t.meanScore()[c][k]));
            }
            out.append(String.format(Locale.ROOT, "   %.2f%n", t.topThreeShare(c, c, 0.95).value()));
        }
        System.out.println(out);
    }

    @Test
    @DisplayName("Cohort table of the official split: images, patients, age, sex, view and prevalence equal R's; view PA differs (SMD 0.44) and is flagged")
    void cohort() throws IOException, EvaluationFileException {
        LabelTable all = EvaluationFiles.readLabels(Fixtures.labelsFile(), null, Fixtures.real().findings());
        Set<String> trainVal = new HashSet<>(Files.readAllLines(Fixtures.shared("cxr14/train_val_list.txt")));
        String[] group = new String[all.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = trainVal.contains(all.ids()[i]) ? "train_val" : "test";
        }
        CohortTable t = CohortTable.of(all, group);
        assertEquals(List.of("test", "train_val"), t.groups());
        for (Map<String, String> row : Fixtures.csv("cohort-split-smd.csv")) {
            String v = row.get("variable");
            String ours = switch (v) {
                case "age_mean", "age_sd" -> "age, mean (SD)";
                case "male" -> "sex = M";
                case "view_PA" -> "view = PA";
                default -> v.startsWith("prevalence_") ? "prevalence " + v.substring(11) : v;
            };
            CohortTable.Row r = t.row(ours);
            double[] values = v.equals("age_sd") ? r.spread() : r.values();
            assertEquals(Fixtures.number(row, "train_val"), values[1], 1e-9, v);
            assertEquals(Fixtures.number(row, "test"), values[0], 1e-9, v);
            if (!Double.isNaN(Fixtures.number(row, "smd"))) {
                assertEquals(-Fixtures.number(row, "smd"), r.standardisedDifference(), 1e-9, v);
                assertEquals(Math.abs(Fixtures.number(row, "smd")) > 0.1, r.flagged(), v);
            }
        }
        assertTrue(t.row("view = PA").flagged());
        assertTrue(!t.row("age, mean (SD)").flagged());
    }
}
