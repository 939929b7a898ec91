package org.lightbox.evaluation.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small-multiple charts on the unit square (ROC curves, calibration), drawn from one description both as SVG text and
 * as a Java2D image (headless), so that the HTML report and its PNG files show the same thing.
 */
public final class Plots {

    /** Series colours, colour-blind safe (Okabe-Ito blue and vermillion). */
    static final String[] COLOURS = {"#0072B2", "#D55E00"};
    /** A panel's side in pixels at zoom 1 (the legend line adds 24 above). */
    static final int SIZE = 240;
    private static final int LEFT = 44;
    private static final int TOP = 26;
    private static final int BOTTOM = 38;
    private static final int RIGHT = 12;

    /** A polyline in data coordinates. */
    record Line(double[] x, double[] y, String colour, boolean dashed) {
    }

    /** A shaded area between two curves over the same x. */
    record Band(double[] x, double[] lower, double[] upper, String colour) {
    }

    /** A point with error bars in x and y. */
    record Marker(double x, double y, double xLow, double xHigh, double yLow, double yHigh, String colour) {
    }

    /** A small text in data coordinates (a count above a bin), drawn vertically when {@code vertical}. */
    record Note(double x, double y, String text, boolean vertical) {
    }

    /** One panel; both axes run from 0 to {@code scale}. */
    record Panel(String title, String xLabel, String yLabel, List<Band> bands, List<Line> lines, List<Marker> markers, double scale,
            List<Note> notes) {

        Panel(String title, String xLabel, String yLabel, List<Band> bands, List<Line> lines, List<Marker> markers, double scale) {
            this(title, xLabel, yLabel, bands, lines, markers, scale, List.of());
        }
    }

    /** What a drawing needs: SVG text and Java2D implement it. */
    private interface Canvas {
        void polygon(double[] x, double[] y, String colour, double opacity);

        void polyline(double[] x, double[] y, String colour, double width, boolean dashed);

        void circle(double x, double y, double r, String colour);

        void text(double x, double y, String text, int size, boolean centred, boolean vertical);
    }

    private Plots() {
    }

    /** Panels in a grid of {@code columns}, as an SVG document, with a legend line at the top. */
    static String svg(List<Panel> panels, int columns, List<String> legend) {
        return svg(panels, columns, legend, 1);
    }

    /** The same, its width and height (not its drawing) multiplied by {@code zoom}. */
    static String svg(List<Panel> panels, int columns, List<String> legend, double zoom) {
        int w = columns * SIZE;
        int rows = (panels.size() + columns - 1) / columns;
        int h = rows * SIZE + 24;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", Math.round(w * zoom), Math.round(h * zoom), w, h));
        Canvas c = new Canvas() {
            @Override
            public void polygon(double[] x, double[] y, String colour, double opacity) {
                s.append("<polygon fill=\"").append(colour).append("\" fill-opacity=\"").append(opacity).append("\" points=\"").append(points(x, y))
                        .append("\"/>\n");
            }

            @Override
            public void polyline(double[] x, double[] y, String colour, double width, boolean dashed) {
                s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(width)
                        .append(dashed ? "\" stroke-dasharray=\"4 3" : "").append("\" points=\"").append(points(x, y)).append("\"/>\n");
            }

            @Override
            public void circle(double x, double y, double r, String colour) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"black\" stroke-width=\"0.6\"/>%n",
                        x, y, r, colour));
            }

            @Override
            public void text(double x, double y, String text, int size, boolean centred, boolean vertical) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s%s>%s</text>%n", x, y, size,
                        centred ? " text-anchor=\"middle\"" : "", vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : "",
                        HtmlReport.escape(text)));
            }
        };
        draw(c, panels, columns, legend);
        return s.append("</svg>\n").toString();
    }

    /** The same drawing as an image. */
    static BufferedImage png(List<Panel> panels, int columns, List<String> legend) {
        return png(panels, columns, legend, 1);
    }

    /** The same drawing magnified by {@code zoom} (vector-drawn at that size, not scaled afterwards). */
    static BufferedImage png(List<Panel> panels, int columns, List<String> legend, double zoom) {
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage((int) Math.round(columns * SIZE * zoom), (int) Math.round((rows * SIZE + 24) * zoom),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(zoom, zoom);
        Canvas c = new Canvas() {
            @Override
            public void polygon(double[] x, double[] y, String colour, double opacity) {
                g.setColor(colour(colour, opacity));
                g.fill(path(x, y, true));
            }

            @Override
            public void polyline(double[] x, double[] y, String colour, double width, boolean dashed) {
                g.setColor(colour(colour, 1));
                g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {4, 3}, 0)
                        : new BasicStroke((float) width));
                g.draw(path(x, y, false));
            }

            @Override
            public void circle(double x, double y, double r, String colour) {
                g.setColor(colour(colour, 1));
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(0.6f));
                g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }

            @Override
            public void text(double x, double y, String text, int size, boolean centred, boolean vertical) {
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
                int width = g.getFontMetrics().stringWidth(text);
                java.awt.geom.AffineTransform saved = g.getTransform();
                g.translate(x, y);
                if (vertical) {
                    g.rotate(-Math.PI / 2);
                }
                g.drawString(text, centred ? -width / 2f : 0, 0);
                g.setTransform(saved);
            }
        };
        draw(c, panels, columns, legend);
        g.dispose();
        return image;
    }

    private static void draw(Canvas c, List<Panel> panels, int columns, List<String> legend) {
        double x0 = 10;
        for (int i = 0; i < legend.size(); i++) {
            c.polyline(new double[] {x0, x0 + 18}, new double[] {14, 14}, COLOURS[i % COLOURS.length], 2.5, false);
            c.text(x0 + 22, 18, legend.get(i), 12, false, false);
            x0 += 32 + 7 * legend.get(i).length();
        }
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            double ox = (p % columns) * SIZE;
            double oy = 24 + (p / columns) * SIZE;
            Frame f = new Frame(ox + LEFT, oy + TOP, SIZE - LEFT - RIGHT, SIZE - TOP - BOTTOM, panel.scale());
            c.polyline(new double[] {f.x, f.x + f.w, f.x + f.w, f.x, f.x}, new double[] {f.y, f.y, f.y + f.h, f.y + f.h, f.y}, "#444444", 0.8, false);
            for (int t = 0; t <= 4; t++) {
                double v = panel.scale() * t / 4.0;
                c.polyline(new double[] {f.px(v), f.px(v)}, new double[] {f.y + f.h, f.y + f.h + 3}, "#444444", 0.8, false);
                c.polyline(new double[] {f.x - 3, f.x}, new double[] {f.py(v), f.py(v)}, "#444444", 0.8, false);
                c.text(f.px(v), f.y + f.h + 13, String.format(Locale.ROOT, "%.2g", v), 9, true, false);
                c.text(f.x - 24, f.py(v) + 3, String.format(Locale.ROOT, "%.2g", v), 9, false, false);
            }
            c.polyline(new double[] {f.px(0), f.px(panel.scale())}, new double[] {f.py(0), f.py(panel.scale())}, "#999999", 0.8, true);
            c.text(ox + SIZE / 2.0, oy + 15, panel.title(), 11, true, false);
            c.text(f.x + f.w / 2, f.y + f.h + 27, panel.xLabel(), 10, true, false);
            c.text(ox + 12, f.y + f.h / 2, panel.yLabel(), 10, true, true);
            for (Band b : panel.bands()) {
                int n = b.x().length;
                double[] xs = new double[2 * n];
                double[] ys = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    xs[i] = f.px(b.x()[i]);
                    ys[i] = f.py(b.upper()[i]);
                    xs[2 * n - 1 - i] = f.px(b.x()[i]);
                    ys[2 * n - 1 - i] = f.py(b.lower()[i]);
                }
                c.polygon(xs, ys, b.colour(), 0.18);
            }
            for (Line l : panel.lines()) {
                c.polyline(map(l.x(), f, true), map(l.y(), f, false), l.colour(), 1.6, l.dashed());
            }
            for (Marker m : panel.markers()) {
                c.polyline(new double[] {f.px(m.xLow()), f.px(m.xHigh())}, new double[] {f.py(m.y()), f.py(m.y())}, "#000000", 1, false);
                c.polyline(new double[] {f.px(m.x()), f.px(m.x())}, new double[] {f.py(m.yLow()), f.py(m.yHigh())}, "#000000", 1, false);
                c.circle(f.px(m.x()), f.py(m.y()), 3.5, m.colour());
            }
            for (Note n : panel.notes()) {
                c.text(f.px(n.x()) + (n.vertical() ? 3 : 0), f.py(n.y()), n.text(), 8, !n.vertical(), n.vertical());
            }
        }
    }

    private record Frame(double x, double y, double w, double h, double scale) {
        double px(double v) {
            return x + Math.max(0, Math.min(1, v / scale)) * w;
        }

        double py(double v) {
            return y + h - Math.max(0, Math.min(1, v / scale)) * h;
        }
    }

    private static double[] map(double[] v, Frame f, boolean x) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = x ? f.px(v[i]) : f.py(v[i]);
        }
        return out;
    }

    private static String points(double[] x, double[] y) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x[i], y[i]));
        }
        return s.toString().strip();
    }

    private static Path2D path(double[] x, double[] y, boolean close) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < x.length; i++) {
            p.lineTo(x[i], y[i]);
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    private static Color colour(String hex, double opacity) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, (int) Math.round(255 * opacity));
    }

    /** Thins a curve to at most {@code max} points, keeping the first and last. */
    static List<double[]> thin(double[] x, double[] y, int max) {
        List<double[]> out = new ArrayList<>();
        int n = x.length;
        int step = Math.max(1, n / max);
        for (int i = 0; i < n; i += step) {
            out.add(new double[] {x[i], y[i]});
        }
        if ((n - 1) % step != 0) {
            out.add(new double[] {x[n - 1], y[n - 1]});
        }
        return out;
    }
}
