package org.lightbox.ui.internal.evaluation;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.PointMetrics;

/**
 * One finding's ROC curve (all images), the chance diagonal, and the operating point as measured on the
 * evaluation images, with its sensitivity and specificity intervals as error bars.
 */
final class RocCanvas {

    private static final int MARGIN = 44;

    private final Canvas canvas;
    private double[] fpr = new double[0];
    private double[] tpr = new double[0];
    private String title = "Choose a finding in the table";
    private PointMetrics point;

    RocCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(e -> paint(e.gc));
    }

    Canvas control() {
        return canvas;
    }

    void show(BinaryScores scores, Estimate auroc, PointMetrics at) {
        double[][] curve = curve(scores);
        fpr = curve[0];
        tpr = curve[1];
        point = at;
        title = String.format(Locale.ROOT, "%s: AUROC %s%n%,d positives, %,d negatives (all images)", scores.finding(),
                EvaluationPart.format(auroc, 3), scores.positives(), scores.negatives());
        canvas.redraw();
    }

    /** The empirical ROC: thresholds at every distinct score, highest first; ties move diagonally. */
    static double[][] curve(BinaryScores s) {
        int n = s.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(s.scores()[b], s.scores()[a]));
        int pos = s.positives();
        int neg = s.negatives();
        double[] x = new double[n + 1];
        double[] y = new double[n + 1];
        int points = 1;
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (s.truth()[i]) {
                tp++;
            } else {
                fp++;
            }
            if (k + 1 == n || s.scores()[order[k + 1]] != s.scores()[i]) {
                x[points] = neg == 0 ? 0 : fp / (double) neg;
                y[points] = pos == 0 ? 0 : tp / (double) pos;
                points++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(x, points), java.util.Arrays.copyOf(y, points)};
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        int size = Math.max(50, Math.min(area.width, area.height - 40) - 2 * MARGIN);
        int left = MARGIN;
        int top = MARGIN / 2 + 34;
        gc.setAntialias(SWT.ON);
        gc.drawText(title, 4, 2, SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
        gc.drawRectangle(left, top, size, size);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(left, top + size, left + size, top);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawText("1 − specificity", left + size / 2 - 40, top + size + 4, true);
        gc.drawText("0", left - 12, top + size - 8, true);
        gc.drawText("1", left - 12, top - 6, true);
        gc.drawText("sensitivity", 2, top + size / 2, true);
        if (fpr.length > 1) {
            int[] polyline = new int[2 * fpr.length];
            for (int i = 0; i < fpr.length; i++) {
                polyline[2 * i] = left + (int) Math.round(fpr[i] * size);
                polyline[2 * i + 1] = top + size - (int) Math.round(tpr[i] * size);
            }
            Color blue = new Color(31, 119, 180);
            gc.setForeground(blue);
            gc.setLineWidth(2);
            gc.drawPolyline(polyline);
            gc.setLineWidth(1);
        }
        if (point != null && point.sensitivity().defined() && point.specificity().defined()) {
            Color red = new Color(214, 39, 40);
            gc.setForeground(red);
            gc.setBackground(red);
            int x = left + (int) Math.round((1 - point.specificity().value()) * size);
            int y = top + size - (int) Math.round(point.sensitivity().value() * size);
            point.sensitivity().interval().ifPresent(ci -> gc.drawLine(x, top + size - (int) Math.round(ci.lower() * size),
                    x, top + size - (int) Math.round(ci.upper() * size)));
            point.specificity().interval().ifPresent(ci -> gc.drawLine(left + (int) Math.round((1 - ci.upper()) * size), y,
                    left + (int) Math.round((1 - ci.lower()) * size), y));
            gc.fillOval(x - 4, y - 4, 9, 9);
            gc.drawText(point.point().rule() + String.format(Locale.ROOT, " (threshold %.3g)", point.point().threshold()),
                    Math.min(x + 8, left + size - 150), Math.max(top, y - 22), true);
        }
    }
}
