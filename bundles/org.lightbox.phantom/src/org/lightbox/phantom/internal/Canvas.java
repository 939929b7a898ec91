package org.lightbox.phantom.internal;

import java.util.Arrays;

/**
 * A square field of floats (attenuation, masks) and the few drawing operations the phantoms need,
 * written by hand so that every value is a deterministic float computation (no anti-aliasing
 * heuristics of a graphics library, no 8-bit masks). Coordinates are pixels, y down.
 */
final class Canvas {

    /** How a stroke's value falls off across its width ({@code q} = distance / half-width, 0..1). */
    enum Profile {
        /** A solid cylinder seen side-on: chord length, {@code sqrt(1 - q²)}. */
        ROUND,
        /** A hollow bone: the cortex, seen tangentially at the edges, is denser than the middle. */
        CORTICAL,
        /** A tube with a lucent lumen and opaque walls (drains). */
        TUBE,
        /** Even value with a one-pixel soft edge (wires, lines). */
        FLAT
    }

    final int size;
    final float[] px;
    private final float[] scratch;
    private int sx0;
    private int sy0;
    private int sx1 = -1;
    private int sy1 = -1;

    Canvas(int size) {
        this.size = size;
        this.px = new float[size * size];
        this.scratch = new float[size * size];
    }

    /** A fresh zeroed field of the same size (for masks). */
    float[] newField() {
        return new float[size * size];
    }

    // ---------------------------------------------------------------- polygons

    /**
     * Adds {@code value × coverage} of a closed polygon to {@code field}; coverage is exact
     * horizontally and sampled at 4 sub-rows vertically.
     */
    void fillPolygon(float[] field, double[] xs, double[] ys, float value) {
        int n = xs.length;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double y : ys) {
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        int y0 = Math.max(0, (int) Math.floor(minY));
        int y1 = Math.min(size - 1, (int) Math.ceil(maxY));
        double[] cross = new double[n + 2];
        float[] row = new float[size + 2];
        for (int y = y0; y <= y1; y++) {
            Arrays.fill(row, 0f);
            int rowMin = size;
            int rowMax = -1;
            for (int sub = 0; sub < 4; sub++) {
                double sy = y + 0.125 + 0.25 * sub;
                int k = 0;
                for (int i = 0, j = n - 1; i < n; j = i++) {
                    double ya = ys[j];
                    double yb = ys[i];
                    if ((ya <= sy && yb > sy) || (yb <= sy && ya > sy)) {
                        cross[k++] = xs[j] + (sy - ya) / (yb - ya) * (xs[i] - xs[j]);
                    }
                }
                Arrays.sort(cross, 0, k);
                for (int c = 0; c + 1 < k; c += 2) {
                    double a = Math.max(0, cross[c]);
                    double b = Math.min(size, cross[c + 1]);
                    if (b <= a) {
                        continue;
                    }
                    int ia = (int) a;
                    int ib = (int) b;
                    rowMin = Math.min(rowMin, ia);
                    rowMax = Math.max(rowMax, Math.min(size - 1, ib));
                    if (ia == ib) {
                        row[ia] += (float) (0.25 * (b - a));
                        continue;
                    }
                    row[ia] += (float) (0.25 * (ia + 1 - a));
                    for (int x = ia + 1; x < ib; x++) {
                        row[x] += 0.25f;
                    }
                    if (ib < size) {
                        row[ib] += (float) (0.25 * (b - ib));
                    }
                }
            }
            int base = y * size;
            for (int x = rowMin; x <= rowMax; x++) {
                field[base + x] += value * Math.min(1f, row[x]);
            }
        }
    }

    // ---------------------------------------------------------------- strokes

    /**
     * Draws a polyline stroke into the scratch field: half-width and value are interpolated from
     * the first to the last point, overlapping segments take the maximum (no bright joints).
     * Call {@link #commitStroke} to add it to a field.
     */
    void stroke(double[] xs, double[] ys, double r0, double r1, double v0, double v1, Profile profile) {
        int n = xs.length;
        double total = 0;
        double[] at = new double[n];
        for (int i = 1; i < n; i++) {
            total += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            at[i] = total;
        }
        for (int i = 1; i < n; i++) {
            double ta = total == 0 ? 0 : at[i - 1] / total;
            double tb = total == 0 ? 0 : at[i] / total;
            segment(xs[i - 1], ys[i - 1], xs[i], ys[i], r0 + (r1 - r0) * ta, r0 + (r1 - r0) * tb,
                    v0 + (v1 - v0) * ta, v0 + (v1 - v0) * tb, profile);
        }
    }

    private void segment(double ax, double ay, double bx, double by, double ra, double rb, double va, double vb,
            Profile profile) {
        double rMax = Math.max(ra, rb) + 1;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - rMax));
        int x1 = Math.min(size - 1, (int) Math.ceil(Math.max(ax, bx) + rMax));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - rMax));
        int y1 = Math.min(size - 1, (int) Math.ceil(Math.max(ay, by) + rMax));
        if (x1 < x0 || y1 < y0) {
            return;
        }
        growScratchBox(x0, y0, x1, y1);
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double inverse = len2 == 0 ? 0 : 1 / len2;
        double reach = Math.max(ra, rb) + 0.5;
        float ceiling = (float) Math.max(va, vb);
        for (int y = y0; y <= y1; y++) {
            double py = y + 0.5 - ay;
            int base = y * size;
            // only the columns this row can touch: the part of the segment within reach of the row
            int xa = x0;
            int xb = x1;
            if (Math.abs(dy) > 1e-9) {
                double ta = (py - reach) / dy;
                double tb = (py + reach) / dy;
                double lo = Math.max(0, Math.min(ta, tb));
                double hi = Math.min(1, Math.max(ta, tb));
                if (lo > hi) {
                    continue;
                }
                xa = Math.max(x0, (int) Math.floor(ax + Math.min(lo * dx, hi * dx) - reach));
                xb = Math.min(x1, (int) Math.ceil(ax + Math.max(lo * dx, hi * dx) + reach));
            }
            for (int x = xa; x <= xb; x++) {
                if (scratch[base + x] >= ceiling) {
                    continue;                                    // an earlier segment already gave the most
                }
                double pxr = x + 0.5 - ax;
                double t = (pxr * dx + py * dy) * inverse;
                t = t < 0 ? 0 : (t > 1 ? 1 : t);
                double ex = pxr - t * dx;
                double ey = py - t * dy;
                double d2 = ex * ex + ey * ey;
                double r = ra + (rb - ra) * t;
                if (d2 >= (r + 0.5) * (r + 0.5)) {
                    continue;
                }
                float v = (float) ((va + (vb - va) * t) * profile(profile, d2, r));
                if (v > scratch[base + x]) {
                    scratch[base + x] = v;
                }
            }
        }
    }

    /** Profiles as functions of q² in 1/1024 steps, so that the inside of a stroke needs no square root. */
    private static final float[] ROUND_LUT = new float[1025];
    private static final float[] CORTICAL_LUT = new float[1025];

    static {
        for (int i = 0; i <= 1024; i++) {
            double q2 = i / 1024.0;
            double outer = Math.sqrt(1 - q2);
            double inner = q2 < 0.64 ? Math.sqrt(0.64 - q2) : 0;
            ROUND_LUT[i] = (float) outer;
            CORTICAL_LUT[i] = (float) (outer - 0.55 * inner);
        }
    }

    /** The stroke's value at squared distance d2 from its axis where the half-width is r. */
    private static double profile(Profile profile, double d2, double r) {
        double inner = r - 0.5;
        double edge = 1;
        if (inner <= 0 || d2 > inner * inner) {
            edge = Math.min(1, Math.max(0, r + 0.5 - Math.sqrt(d2)));   // one-pixel soft edge
        }
        if (r < 0.75) {
            return edge * r / 0.75;                              // sub-pixel lines keep their line integral
        }
        double q2 = Math.min(1, d2 / (r * r));
        return switch (profile) {
            case ROUND -> Math.max(edge * 0.35, ROUND_LUT[(int) (q2 * 1024)]);
            case CORTICAL -> Math.max(edge * 0.35, CORTICAL_LUT[(int) (q2 * 1024)]);
            case TUBE -> edge * (q2 < 0.3025 ? 0.35 : 1.0);
            case FLAT -> edge;
        };
    }

    private void growScratchBox(int x0, int y0, int x1, int y1) {
        if (sx1 < sx0 || sy1 < sy0) {
            sx0 = x0;
            sy0 = y0;
            sx1 = x1;
            sy1 = y1;
        } else {
            sx0 = Math.min(sx0, x0);
            sy0 = Math.min(sy0, y0);
            sx1 = Math.max(sx1, x1);
            sy1 = Math.max(sy1, y1);
        }
    }

    /** Adds the pending stroke(s) to {@code field}, weighted by {@code clip} where given, and clears them. */
    void commitStroke(float[] field, float[] clip, float sign) {
        for (int y = sy0; y <= sy1; y++) {
            int base = y * size;
            for (int x = sx0; x <= sx1; x++) {
                float v = scratch[base + x];
                if (v != 0f) {
                    field[base + x] += sign * (clip == null ? v : v * clip[base + x]);
                    scratch[base + x] = 0f;
                }
            }
        }
        sx0 = 0;
        sy0 = 0;
        sx1 = -1;
        sy1 = -1;
    }

    // ---------------------------------------------------------------- ellipses and blobs

    /**
     * Adds an ellipse (centre, radii, rotation) whose value follows {@code (1 - q²)^power} inside
     * (q = elliptical radius): power 0.5 is a solid ball's thickness, larger powers are softer.
     */
    void ellipse(float[] field, double cx, double cy, double rx, double ry, double angle, double value, double power) {
        double c = StrictMath.cos(angle);
        double s = StrictMath.sin(angle);
        double reach = Math.max(rx, ry) + 1;
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(size - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(size - 1, (int) Math.ceil(cy + reach));
        boolean sqrt = power == 0.5;
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            int base = y * size;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                double u = (dx * c + dy * s) / rx;
                double w = (-dx * s + dy * c) / ry;
                double q2 = u * u + w * w;
                if (q2 >= 1) {
                    continue;
                }
                double base1 = 1 - q2;
                double f = sqrt ? Math.sqrt(base1) : (power == 1 ? base1 : (power == 2 ? base1 * base1 : base1 * base1 * base1));
                field[base + x] += (float) (value * f);
            }
        }
    }

    // ---------------------------------------------------------------- filters (see Filters)

    float[] smooth(float[] field, int factor, int r) {
        return Filters.smooth(field, size, factor, r);
    }

    float[] expand(float[] small, int m) {
        return Filters.expand(small, m, size);
    }

    float[] texture(java.util.Random random, int cells) {
        return Filters.texture(random, cells, size);
    }

    void soften(float[] field) {
        Filters.soften(field, size);
    }
}
