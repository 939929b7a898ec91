package org.lightbox.ui.internal.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.PairAgreement;

/**
 * Cohen's kappa of every pair of readers for one finding, as a matrix that the agreement view paints and exports as
 * SVG (the PNG is painted by SWT from the same cells). A pair whose kappa is undefined, or who share no image, is
 * blank with the reason in its tooltip.
 *
 * @param finding the finding
 * @param readers reader ids, in the report's order
 * @param kappa {@code [i][j]}: Cohen's kappa of readers i and j (NaN where undefined; 1 on the diagonal)
 * @param n {@code [i][j]}: the images both read
 * @param why {@code [i][j]}: why a kappa is undefined, or null
 * @param interval {@code [i][j]}: the kappa's preferred 95% interval in words, or null
 */
record KappaHeatmap(String finding, List<String> readers, double[][] kappa, int[][] n, String[][] why, String[][] interval) {

    static final int CELL = 56;
    static final int LABEL = 120;
    static final int TITLE = 28;

    static KappaHeatmap of(String finding, AgreementReport report) {
        List<String> readers = new ArrayList<>(report.raters());
        int m = readers.size();
        double[][] kappa = new double[m][m];
        int[][] n = new int[m][m];
        String[][] why = new String[m][m];
        String[][] interval = new String[m][m];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(kappa[i], Double.NaN);
            kappa[i][i] = 1;
        }
        for (PairAgreement pair : report.pairs()) {
            int a = readers.indexOf(pair.raterA());
            int b = readers.indexOf(pair.raterB());
            Estimate e = pair.get("Cohen's kappa");
            for (int[] cell : new int[][] {{a, b}, {b, a}}) {
                kappa[cell[0]][cell[1]] = e.defined() ? e.value() : Double.NaN;
                n[cell[0]][cell[1]] = e.n().subjects();
                why[cell[0]][cell[1]] = e.undefinedReason();
                interval[cell[0]][cell[1]] = e.interval().map(ci -> String.format(Locale.ROOT, "%.0f%% CI %.2f to %.2f",
                        100 * ci.confidence(), ci.lower(), ci.upper())).orElse(null);
            }
        }
        return new KappaHeatmap(finding, readers, kappa, n, why, interval);
    }

    int width() {
        return LABEL + CELL * readers.size() + 8;
    }

    int height() {
        return TITLE + LABEL + CELL * readers.size() + 8;
    }

    /** RGB of a kappa: white at 0 to deep blue at 1, white to orange below 0; light grey when undefined. */
    static int[] colour(double kappa) {
        if (Double.isNaN(kappa)) {
            return new int[] {230, 230, 230};
        }
        double t = Math.min(1, Math.abs(kappa));
        return kappa >= 0 ? new int[] {(int) (255 - 225 * t), (int) (255 - 175 * t), (int) (255 - 95 * t)}
                : new int[] {255, (int) (255 - 120 * t), (int) (255 - 230 * t)};
    }

    /** The text in a cell: kappa to 2 decimals and n, or "n/a". */
    String cellText(int i, int j) {
        return Double.isNaN(kappa[i][j]) ? "n/a" : String.format(Locale.ROOT, "%.2f", kappa[i][j]);
    }

    String svg() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                + " font-size=\"11\">%n", width(), height()));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"18\" font-size=\"13\">%s</text>%n",
                xml("Cohen's kappa per reader pair: " + finding)));
        int top = TITLE + LABEL;
        for (int i = 0; i < readers.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 4,
                    top + i * CELL + CELL / 2 + 4, xml(readers.get(i))));
            svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-60)\">%s</text>%n",
                    LABEL + i * CELL + CELL / 2, top - 4, xml(readers.get(i))));
            for (int j = 0; j < readers.size(); j++) {
                int[] c = colour(kappa[i][j]);
                int x = LABEL + j * CELL;
                int y = top + i * CELL;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,%d)\" stroke=\"white\">"
                        + "<title>%s</title></rect>%n", x, y, CELL, CELL, c[0], c[1], c[2], xml(tooltip(i, j))));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\"%s>%s</text>%n", x + CELL / 2,
                        y + CELL / 2 + 4, !Double.isNaN(kappa[i][j]) && kappa[i][j] > 0.6 ? " fill=\"white\"" : "", cellText(i, j)));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    String tooltip(int i, int j) {
        if (i == j) {
            return readers.get(i);
        }
        String pair = readers.get(i) + " and " + readers.get(j) + ": ";
        return why[i][j] != null ? pair + "undefined (" + why[i][j] + "), n = " + n[i][j]
                : Double.isNaN(kappa[i][j]) ? pair + "no image read by both" : pair + "kappa " + cellText(i, j) + (interval[i][j] == null ? "" : " (" + interval[i][j] + ")") + ", n = " + n[i][j]
                        + " images";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
