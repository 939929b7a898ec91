package org.lightbox.phantom.internal;

/** A smooth curve through control points (centripetal-free, uniform Catmull-Rom), as a polyline. */
final class Curve {

    final double[] us;
    final double[] vs;

    private Curve(double[] us, double[] vs) {
        this.us = us;
        this.vs = vs;
    }

    /** Open curve through points given as u0, v0, u1, v1, …, {@code steps} segments between two points. */
    static Curve open(int steps, double... uv) {
        return build(uv, steps, false);
    }

    /** Closed curve through the points, back to the first. */
    static Curve closed(int steps, double... uv) {
        return build(uv, steps, true);
    }

    private static Curve build(double[] uv, int steps, boolean closed) {
        int n = uv.length / 2;
        int segments = closed ? n : n - 1;
        double[] us = new double[segments * steps + 1];
        double[] vs = new double[segments * steps + 1];
        int k = 0;
        for (int i = 0; i < segments; i++) {
            int i0 = index(i - 1, n, closed);
            int i1 = index(i, n, closed);
            int i2 = index(i + 1, n, closed);
            int i3 = index(i + 2, n, closed);
            for (int s = 0; s < steps; s++) {
                double t = (double) s / steps;
                us[k] = catmullRom(uv[2 * i0], uv[2 * i1], uv[2 * i2], uv[2 * i3], t);
                vs[k] = catmullRom(uv[2 * i0 + 1], uv[2 * i1 + 1], uv[2 * i2 + 1], uv[2 * i3 + 1], t);
                k++;
            }
        }
        int last = index(segments, n, closed);
        us[k] = uv[2 * last];
        vs[k] = uv[2 * last + 1];
        return new Curve(us, vs);
    }

    private static int index(int i, int n, boolean closed) {
        if (closed) {
            return ((i % n) + n) % n;
        }
        return Math.max(0, Math.min(n - 1, i));
    }

    private static double catmullRom(double p0, double p1, double p2, double p3, double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        return 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
    }

    /** Whether a point lies inside the closed polyline (even-odd rule). */
    boolean contains(double u, double v) {
        boolean inside = false;
        for (int i = 0, j = us.length - 1; i < us.length; j = i++) {
            if ((vs[i] > v) != (vs[j] > v) && u < us[j] + (v - vs[j]) / (vs[i] - vs[j]) * (us[i] - us[j])) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** A curve from explicit polyline points (already smooth). */
    static Curve of(double[] us, double[] vs) {
        return new Curve(us.clone(), vs.clone());
    }

    int size() {
        return us.length;
    }
}
