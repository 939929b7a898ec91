package org.lightbox.agreement;

import java.util.ArrayList;
import java.util.List;

import org.lightbox.agreement.Distributions;


/**
 * A reader (or the original report-mined labels) against a reference (consensus, adjudicated labels, another reader):
 * sensitivity, specificity, PPV and NPV with Wilson score intervals and their denominators as n, and the diagnostic
 * odds ratio with Woolf's logit interval. Undefined where a denominator or a cell is zero, with the reason.
 *
 * @param reader who was tested (rows of the table)
 * @param reference what they were tested against (columns)
 * @param positive the category that counts as positive; all others count as negative
 * @param truePositives reader positive, reference positive
 * @param falsePositives reader positive, reference negative
 * @param falseNegatives reader negative, reference positive
 * @param trueNegatives reader negative, reference negative
 * @param sensitivity TP/(TP+FN)
 * @param specificity TN/(TN+FP)
 * @param ppv TP/(TP+FP)
 * @param npv TN/(TN+FN)
 * @param diagnosticOddsRatio (TP TN)/(FP FN)
 */
public record DiagnosticAccuracy(String reader, String reference, String positive, long truePositives, long falsePositives,
        long falseNegatives, long trueNegatives, Estimate sensitivity, Estimate specificity, Estimate ppv, Estimate npv,
        Estimate diagnosticOddsRatio) {

    /** From the four counts. */
    public static DiagnosticAccuracy of(long tp, long fp, long fn, long tn, double confidence) {
        return of("reader", "reference", "positive", tp, fp, fn, tn, confidence);
    }

    /**
     * From a two-rater table: rows are the reader, columns the reference. With more than two categories, every category
     * but {@code positive} counts as negative (for example HEDGE), and each estimate says so.
     */
    public static DiagnosticAccuracy of(ContingencyTable table, String positive, double confidence) {
        int pos = table.categories().indexOf(positive);
        if (pos < 0) {
            throw new IllegalArgumentException("'" + positive + "' is not one of the categories " + table.categories());
        }
        long[] cells = new long[4];
        int k = table.categories().size();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                cells[(i == pos ? 0 : 2) + (j == pos ? 0 : 1)] += table.count(i, j);
            }
        }
        DiagnosticAccuracy a = of(table.rowRater(), table.columnRater(), positive, cells[0], cells[1], cells[2], cells[3], confidence);
        if (k <= 2) {
            return a;
        }
        List<String> others = new ArrayList<>(table.categories());
        others.remove(positive);
        String note = "categories other than '" + positive + "' (" + String.join(", ", others) + ") count as negative";
        return new DiagnosticAccuracy(a.reader, a.reference, positive, a.truePositives, a.falsePositives, a.falseNegatives,
                a.trueNegatives, a.sensitivity.withNote(note), a.specificity.withNote(note), a.ppv.withNote(note), a.npv.withNote(note),
                a.diagnosticOddsRatio.withNote(note));
    }

    private static DiagnosticAccuracy of(String reader, String reference, String positive, long tp, long fp, long fn, long tn,
            double confidence) {
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
            throw new IllegalArgumentException("counts cannot be negative: TP " + tp + ", FP " + fp + ", FN " + fn + ", TN " + tn);
        }
        return new DiagnosticAccuracy(reader, reference, positive, tp, fp, fn, tn,
                proportion("Sensitivity", tp, tp + fn, "no reference positives", confidence),
                proportion("Specificity", tn, tn + fp, "no reference negatives", confidence),
                proportion("PPV", tp, tp + fp, "the reader called nothing positive", confidence),
                proportion("NPV", tn, tn + fn, "the reader called nothing negative", confidence),
                oddsRatio(tp, fp, fn, tn, confidence));
    }

    private static Estimate proportion(String name, long hits, long n, String empty, double confidence) {
        Sample sample = Sample.of((int) n);
        if (n == 0) {
            return Estimate.undefined(name, sample, empty);
        }
        double[] ci = Distributions.wilson(hits, n, confidence);
        return Estimate.of(name, hits / (double) n, sample).withInterval(new Interval(ci[0], ci[1], confidence, "Wilson score"), true);
    }

    private static Estimate oddsRatio(long tp, long fp, long fn, long tn, double confidence) {
        String name = "Diagnostic odds ratio";
        Sample sample = new Sample((int) (tp + fp + fn + tn), 1, tp + fp + fn + tn, tp + fp + fn + tn);
        if (tp == 0 || fp == 0 || fn == 0 || tn == 0) {
            return Estimate.undefined(name, sample, "a cell of the 2x2 table is zero (TP " + tp + ", FP " + fp + ", FN " + fn
                    + ", TN " + tn + "): the odds ratio is 0 or infinite and Woolf's interval needs all four cells");
        }
        double dor = (double) tp * tn / ((double) fp * fn);
        double se = Math.sqrt(1.0 / tp + 1.0 / fp + 1.0 / fn + 1.0 / tn);
        double z = Distributions.twoSidedNormal(confidence);
        return Estimate.of(name, dor, sample).withStandardError(se).withDetail("log odds ratio", Math.log(dor))
                .withInterval(new Interval(Math.exp(Math.log(dor) - z * se), Math.exp(Math.log(dor) + z * se), confidence,
                        "Woolf (logit), standard error of the log odds ratio"), true);
    }
}
