package org.lightbox.evaluation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lightbox.agreement.Distributions;
import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.internal.Plots.Band;
import org.lightbox.evaluation.internal.Plots.Line;
import org.lightbox.evaluation.internal.Plots.Marker;
import org.lightbox.evaluation.internal.Plots.Panel;

/** The report's figures as chart descriptions: ROC curves with operating points and CI bands, and calibration. */
final class Figures {

    private Figures() {
    }

    /**
     * One panel per finding: each model's empirical ROC curve on all images with a pointwise Wilson band for the
     * sensitivity, and the operating point on the evaluation images with its sensitivity and specificity intervals.
     */
    static List<Panel> roc(Evaluation e) {
        List<Panel> panels = new ArrayList<>();
        for (int f = 0; f < e.findings().size(); f++) {
            panels.add(roc(e, f));
        }
        return panels;
    }

    /** The panel of finding {@code f}. */
    static Panel roc(Evaluation e, int f) {
        double conf = e.options().confidence();
        List<Band> bands = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        for (int m = 0; m < e.models().size(); m++) {
            String colour = Plots.COLOURS[m % Plots.COLOURS.length];
            BinaryScores s = e.data().finding(m, f);
            double[][] curve = curve(s);
            List<double[]> thin = Plots.thin(curve[0], curve[1], 300);
            double[] x = new double[thin.size()];
            double[] y = new double[thin.size()];
            double[] lo = new double[thin.size()];
            double[] hi = new double[thin.size()];
            int pos = s.positives();
            for (int i = 0; i < x.length; i++) {
                x[i] = thin.get(i)[0];
                y[i] = thin.get(i)[1];
                double[] ci = Distributions.wilson(Math.round(y[i] * pos), pos, conf);
                lo[i] = ci[0];
                hi[i] = ci[1];
            }
            bands.add(new Band(x, lo, hi, colour));
            lines.add(new Line(x, y, colour, false));
            PointMetrics p = e.findings().get(f).metrics().get(m);
            if (p.sensitivity().defined() && p.specificity().defined()) {
                var se = p.sensitivity().interval().orElseThrow();
                var sp = p.specificity().interval().orElseThrow();
                markers.add(new Marker(1 - p.specificity().value(), p.sensitivity().value(), 1 - sp.upper(), 1 - sp.lower(), se.lower(), se.upper(),
                        colour));
            }
        }
        String title = e.findings().get(f).finding() + String.format(java.util.Locale.ROOT, " (AUROC %.3f)", e.findings().get(f).auroc().get(0).value());
        return new Panel(title, "1 - specificity", "sensitivity", bands, lines, markers, 1);
    }

    /** The empirical ROC curve: {fpr[], tpr[]} from (0, 0) to (1, 1), one point per distinct score. */
    static double[][] curve(BinaryScores s) {
        double[] pos = s.sortedScores(true);
        double[] neg = s.sortedScores(false);
        int i = pos.length;
        int j = neg.length;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        while (i > 0 || j > 0) {
            double u = Math.max(i > 0 ? pos[i - 1] : Double.NEGATIVE_INFINITY, j > 0 ? neg[j - 1] : Double.NEGATIVE_INFINITY);
            while (i > 0 && pos[i - 1] == u) {
                i--;
            }
            while (j > 0 && neg[j - 1] == u) {
                j--;
            }
            points.add(new double[] {(neg.length - j) / (double) Math.max(1, neg.length), (pos.length - i) / (double) Math.max(1, pos.length)});
        }
        double[][] out = new double[2][points.size()];
        for (int k = 0; k < points.size(); k++) {
            out[0][k] = points.get(k)[0];
            out[1][k] = points.get(k)[1];
        }
        return out;
    }

    /** One panel per finding: observed frequency (Wilson interval) against mean score in ten equal-count bins of the score. */
    static List<Panel> calibration(Evaluation e) {
        List<Panel> panels = new ArrayList<>();
        double conf = e.options().confidence();
        for (int f = 0; f < e.findings().size(); f++) {
            List<Line> lines = new ArrayList<>();
            List<Marker> markers = new ArrayList<>();
            double max = 0;
            for (int m = 0; m < e.models().size(); m++) {
                String colour = Plots.COLOURS[m % Plots.COLOURS.length];
                double[][] bins = bins(e.data().finding(m, f), 10, conf);
                for (int b = 0; b < bins[0].length; b++) {
                    max = Math.max(max, Math.max(bins[0][b], bins[3][b]));
                }
                lines.add(new Line(bins[0], bins[1], colour, false));
                for (int b = 0; b < bins[0].length; b++) {
                    markers.add(new Marker(bins[0][b], bins[1][b], bins[0][b], bins[0][b], bins[2][b], bins[3][b], colour));
                }
            }
            // axes zoomed to the data (in steps of 0.1) so that rare findings' low scores are not squeezed into a corner
            double scale = Math.min(1, Math.max(0.1, Math.ceil(max * 10 - 1e-9) / 10));
            panels.add(new Panel(e.findings().get(f).finding(), "mean score", "observed frequency", List.of(), lines, markers, scale));
        }
        return panels;
    }

    /** {mean score[], observed[], lower[], upper[]} over {@code k} bins of (nearly) equal counts, by score. */
    static double[][] bins(BinaryScores s, int k, double confidence) {
        int n = s.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] scores = s.scores();
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double[][] out = new double[4][k];
        for (int b = 0; b < k; b++) {
            int from = (int) ((long) b * n / k);
            int to = (int) ((long) (b + 1) * n / k);
            double sum = 0;
            int hits = 0;
            for (int r = from; r < to; r++) {
                sum += scores[order[r]];
                hits += s.truth()[order[r]] ? 1 : 0;
            }
            int size = Math.max(1, to - from);
            double[] ci = Distributions.wilson(hits, size, confidence);
            out[0][b] = sum / size;
            out[1][b] = hits / (double) size;
            out[2][b] = ci[0];
            out[3][b] = ci[1];
        }
        return out;
    }
}
