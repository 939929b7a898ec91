package org.lightbox.agreement.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.ContingencyTable;
import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.RatingTableBuilder;
import org.lightbox.agreement.internal.Csv;

/**
 * The original report-mined (NLP) CXR14 labels against the adjudicated panel labels of the four-findings test and
 * validation sets (4,376 images). CXR14 has no fracture label; the other three map as below (our mapping: nodule or
 * mass = Nodule or Mass; airspace opacity = Atelectasis, Consolidation, Infiltration or Pneumonia).
 * <p>
 * Reference, counted and bounded outside the project with Debian's python3-statsmodels 0.13.5:
 *
 * <pre>
 * /usr/bin/python3 nlp_panel.py
 * nlp = {'Pneumothorax': {'Pneumothorax'}, 'Nodule or mass': {'Nodule', 'Mass'},
 *        'Airspace opacity': {'Atelectasis', 'Consolidation', 'Infiltration', 'Pneumonia'}}
 * rows = []
 * for f in ['test_labels.csv', 'validation_labels.csv']:
 *     rows += list(csv.DictReader(open('shared/data/expert-labels/four-findings/' + f)))
 * for finding, labels in nlp.items():
 *     c = {'tp': 0, 'fp': 0, 'fn': 0, 'tn': 0}
 *     for r in rows:
 *         t = bool(labels &amp; set(r['Finding Labels'].split('|')))
 *         ref = r[finding] == 'YES'
 *         c[('t' if t == ref else 'f') + ('p' if t else 'n')] += 1
 *     for name, k, n in [('sens', c['tp'], c['tp'] + c['fn']), ('spec', c['tn'], c['tn'] + c['fp']),
 *                        ('ppv', c['tp'], c['tp'] + c['fp']), ('npv', c['tn'], c['tn'] + c['fn'])]:
 *         lo, hi = proportion_confint(k, n, alpha=0.05, method='wilson')
 *         print('%s %.6f (%.6f-%.6f) n=%d' % (name, k / n, lo, hi, n))
 * </pre>
 *
 * printed (abridged to the numbers asserted below):
 *
 * <pre>
 * Pneumothorax {'tp': 109, 'fp': 129, 'fn': 129, 'tn': 4009}
 *   sens 0.457983 (0.395854-0.521448) n=238     spec 0.968826 (0.963080-0.973701) n=4138
 *   ppv 0.457983 (0.395854-0.521448) n=238      npv 0.968826 (0.963080-0.973701) n=4138
 * Nodule or mass {'tp': 256, 'fp': 199, 'fn': 349, 'tn': 3572}
 *   sens 0.423140 (0.384378-0.462872) n=605     spec 0.947229 (0.939627-0.953920) n=3771
 *   ppv 0.562637 (0.516721-0.607505) n=455      npv 0.910992 (0.901672-0.919507) n=3921
 * Airspace opacity {'tp': 1055, 'fp': 409, 'fn': 1111, 'tn': 1801}
 *   sens 0.487073 (0.466065-0.508127) n=2166    spec 0.814932 (0.798199-0.830572) n=2210
 *   ppv 0.720628 (0.697090-0.743012) n=1464     npv 0.618475 (0.600687-0.635951) n=2912
 * </pre>
 */
class NlpVersusPanelTest {

    private static final Map<String, Set<String>> NLP = new LinkedHashMap<>();
    static {
        NLP.put("Pneumothorax", Set.of("Pneumothorax"));
        NLP.put("Nodule or mass", Set.of("Nodule", "Mass"));
        NLP.put("Airspace opacity", Set.of("Atelectasis", "Consolidation", "Infiltration", "Pneumonia"));
    }

    /** finding: TP, FP, FN, TN, then value, lower, upper for sensitivity, specificity, PPV, NPV. */
    private static final Map<String, double[]> REFERENCE = Map.of(
            "Pneumothorax", new double[] {109, 129, 129, 4009, 0.457983, 0.395854, 0.521448, 0.968826, 0.963080, 0.973701,
                0.457983, 0.395854, 0.521448, 0.968826, 0.963080, 0.973701},
            "Nodule or mass", new double[] {256, 199, 349, 3572, 0.423140, 0.384378, 0.462872, 0.947229, 0.939627, 0.953920,
                0.562637, 0.516721, 0.607505, 0.910992, 0.901672, 0.919507},
            "Airspace opacity", new double[] {1055, 409, 1111, 1801, 0.487073, 0.466065, 0.508127, 0.814932, 0.798199, 0.830572,
                0.720628, 0.697090, 0.743012, 0.618475, 0.600687, 0.635951});

    @Test
    @DisplayName("The NLP labels against the adjudicated panel on 4,376 images: sensitivity, specificity, PPV and NPV with Wilson"
            + " intervals and n equal statsmodels' for pneumothorax, nodule or mass and airspace opacity")
    void nlpAgainstPanel() throws IOException {
        List<Csv.Row> rows = new ArrayList<>();
        List<String> header = null;
        for (String name : List.of("test_labels.csv", "validation_labels.csv")) {
            Path file = SharedData.file("expert-labels", "four-findings", name);
            List<Csv.Row> read = Csv.read(file);
            header = read.get(0).cells();
            rows.addAll(read.subList(1, read.size()));
        }
        assertEquals(4376, rows.size());
        int labels = header.indexOf("Finding Labels");
        StringBuilder out = new StringBuilder(String.format("%nNLP labels vs adjudicated panel, four-findings test + validation,"
                + " %,d images (95%% Wilson intervals; n = denominator)%n%-17s %5s %5s %5s %5s  %-30s %-30s %-30s %s%n", rows.size(),
                "finding", "TP", "FP", "FN", "TN", "sensitivity", "specificity", "PPV", "NPV"));
        for (Map.Entry<String, Set<String>> finding : NLP.entrySet()) {
            RatingTableBuilder builder = RatingTable.builder(Level.NOMINAL).categories(List.of("NO", "YES"));
            int reference = header.indexOf(finding.getKey());
            for (Csv.Row row : rows) {
                String image = row.cells().get(0);
                boolean nlp = Arrays.stream(row.cells().get(labels).split("\\|")).anyMatch(finding.getValue()::contains);
                builder.rate(image, "NLP", nlp ? "YES" : "NO");
                builder.rate(image, "panel", row.cells().get(reference));
            }
            DiagnosticAccuracy accuracy = DiagnosticAccuracy.of(ContingencyTable.of(builder.build(), 0, 1), "YES", 0.95);
            double[] ref = REFERENCE.get(finding.getKey());
            assertEquals((long) ref[0], accuracy.truePositives(), "TP");
            assertEquals((long) ref[1], accuracy.falsePositives(), "FP");
            assertEquals((long) ref[2], accuracy.falseNegatives(), "FN");
            assertEquals((long) ref[3], accuracy.trueNegatives(), "TN");
            List<Estimate> four = List.of(accuracy.sensitivity(), accuracy.specificity(), accuracy.ppv(), accuracy.npv());
            for (int i = 0; i < 4; i++) {
                Interval ci = four.get(i).interval().orElseThrow();
                assertEquals(ref[4 + 3 * i], four.get(i).value(), 0.5e-6, finding.getKey() + " " + four.get(i).statistic());
                assertEquals(ref[5 + 3 * i], ci.lower(), 0.5e-6, finding.getKey() + " " + four.get(i).statistic() + " lower");
                assertEquals(ref[6 + 3 * i], ci.upper(), 0.5e-6, finding.getKey() + " " + four.get(i).statistic() + " upper");
            }
            out.append(String.format("%-17s %5d %5d %5d %5d  %-30s %-30s %-30s %s%n", finding.getKey(), accuracy.truePositives(),
                    accuracy.falsePositives(), accuracy.falseNegatives(), accuracy.trueNegatives(), Report.proportion(accuracy.sensitivity()),
                    Report.proportion(accuracy.specificity()), Report.proportion(accuracy.ppv()), Report.proportion(accuracy.npv())));
        }
        out.append("Fracture: CXR14 has no fracture label, so there is no NLP label to compare.\n");
        System.out.println(out);
    }
}
