package org.lightbox.evaluation.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.lightbox.agreement.Distributions;
import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.internal.Plots.Line;
import org.lightbox.evaluation.internal.Plots.Marker;
import org.lightbox.evaluation.internal.Plots.Note;
import org.lightbox.evaluation.internal.Plots.Panel;

/**
 * One finding's figures at a chosen size, for a view: the report's ROC panel (curve, pointwise band, operating point)
 * and a reliability diagram over ten equal-width score bins with each bin's image count written beside it.
 */
public final class FindingFigures {

    private FindingFigures() {
    }

    /** The ROC panel of {@code finding} (the report's), titled with the first model's AUROC and its DeLong interval. */
    static Panel roc(Evaluation e, String finding) {
        int f = index(e, finding);
        Panel p = Figures.roc(e, f);
        Estimate auroc = e.findings().get(f).auroc().get(0);
        String title = auroc.interval().map(ci -> String.format(Locale.ROOT, "%s: AUROC %.3f (%.3f–%.3f)", finding, auroc.value(), ci.lower(),
                ci.upper())).orElse(p.title());
        return new Panel(title, p.xLabel(), p.yLabel(), p.bands(), p.lines(), p.markers(), p.scale(), p.notes());
    }

    /**
     * A reliability diagram of {@code finding}: per bin [0, 0.1), ..., [0.9, 1] that holds images, the observed frequency
     * (Wilson interval) against the bin's mean score, and the bin's n.
     */
    static Panel calibration(Evaluation e, String finding) {
        int f = index(e, finding);
        List<Line> lines = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (int m = 0; m < e.models().size(); m++) {
            String colour = Plots.COLOURS[m % Plots.COLOURS.length];
            double[][] bins = equalWidthBins(e.data().finding(m, f), 10, e.options().confidence());
            List<double[]> used = new ArrayList<>();
            for (int b = 0; b < bins[0].length; b++) {
                if (bins[4][b] > 0) {
                    used.add(new double[] {bins[0][b], bins[1][b]});
                    markers.add(new Marker(bins[0][b], bins[1][b], bins[0][b], bins[0][b], bins[2][b], bins[3][b], colour));
                    if (m == 0) {
                        double centre = (b + 0.5) / 10;
                        notes.add(new Note(centre, centre < 0.5 ? 0.74 : 0.02, String.format(Locale.ROOT, "n=%,d", (long) bins[4][b]), true));
                    }
                }
            }
            lines.add(new Line(used.stream().mapToDouble(p -> p[0]).toArray(), used.stream().mapToDouble(p -> p[1]).toArray(), colour, false));
        }
        return new Panel(finding + ": calibration (10 score bins)", "mean score in bin", "observed frequency (95% CI)", List.of(), lines,
                markers, 1, notes);
    }

    /** {mean score[], observed[], lower[], upper[], n[]} per bin [b/k, (b+1)/k), the last bin closed. */
    public static double[][] equalWidthBins(BinaryScores s, int k, double confidence) {
        double[] sum = new double[k];
        long[] hits = new long[k];
        long[] n = new long[k];
        for (int i = 0; i < s.size(); i++) {
            double x = s.scores()[i];
            int b = Math.max(0, Math.min(k - 1, (int) Math.floor(x * k)));
            sum[b] += x;
            n[b]++;
            hits[b] += s.truth()[i] ? 1 : 0;
        }
        double[][] out = new double[5][k];
        for (int b = 0; b < k; b++) {
            double[] ci = n[b] == 0 ? new double[] {Double.NaN, Double.NaN} : Distributions.wilson(hits[b], n[b], confidence);
            out[0][b] = n[b] == 0 ? Double.NaN : sum[b] / n[b];
            out[1][b] = n[b] == 0 ? Double.NaN : hits[b] / (double) n[b];
            out[2][b] = ci[0];
            out[3][b] = ci[1];
            out[4][b] = n[b];
        }
        return out;
    }

    /** The ROC of {@code finding} as PNG bytes, magnified to fit {@code width} × {@code height}. */
    public static byte[] rocPng(Evaluation e, String finding, int width, int height) {
        return png(roc(e, finding), e.models(), width, height);
    }

    /** The ROC of {@code finding} as an SVG document. */
    public static String rocSvg(Evaluation e, String finding) {
        return Plots.svg(List.of(roc(e, finding)), 1, e.models());
    }

    /** The reliability diagram of {@code finding} as PNG bytes. */
    public static byte[] calibrationPng(Evaluation e, String finding, int width, int height) {
        return png(calibration(e, finding), e.models(), width, height);
    }

    /** The reliability diagram of {@code finding} as an SVG document. */
    public static String calibrationSvg(Evaluation e, String finding) {
        return Plots.svg(List.of(calibration(e, finding)), 1, e.models());
    }

    /** Image count per equal-width bin of the first model's scores of {@code finding}. */
    public static long[] calibrationCounts(Evaluation e, String finding, int bins) {
        double[] n = equalWidthBins(e.data().finding(0, index(e, finding)), bins, e.options().confidence())[4];
        long[] out = new long[bins];
        for (int b = 0; b < bins; b++) {
            out[b] = (long) n[b];
        }
        return out;
    }

    private static byte[] png(Panel panel, List<String> legend, int width, int height) {
        double zoom = Math.max(0.25, Math.min(width / (double) Plots.SIZE, height / (double) (Plots.SIZE + 24)));
        BufferedImage image = Plots.png(List.of(panel), 1, legend, zoom);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static int index(Evaluation e, String finding) {
        for (int f = 0; f < e.findings().size(); f++) {
            if (e.findings().get(f).finding().equals(finding)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no finding '" + finding + "' in this evaluation " + e.data().findings());
    }
}
