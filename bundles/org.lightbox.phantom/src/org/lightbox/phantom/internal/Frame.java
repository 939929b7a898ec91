package org.lightbox.phantom.internal;

/**
 * Maps patient coordinates (u across, v down; the unit is the width of a standard 100 %-zoom
 * field, the chest centred at 0.5, 0.5) to pixels: positioning shift, zoom and a small tilt.
 * Shapes are built in patient coordinates and mapped point by point, so tilt and zoom cost nothing
 * per pixel; only the body's thickness profile maps pixels back.
 */
final class Frame {

    final int size;
    private final double scale;
    private final double cos;
    private final double sin;
    private final double shiftU;
    private final double shiftV;

    /**
     * @param zoom  1 = the chest fills the field as in CXR14; below 1 the chest is smaller
     * @param tilt  radians, positive turns the patient clockwise on screen
     * @param shiftU shift of the patient to the right, in field widths
     * @param shiftV shift of the patient downwards, in field widths
     */
    Frame(int size, double zoom, double tilt, double shiftU, double shiftV) {
        this.size = size;
        this.scale = size * zoom;
        this.cos = StrictMath.cos(tilt);
        this.sin = StrictMath.sin(tilt);
        this.shiftU = shiftU;
        this.shiftV = shiftV;
    }

    /** Pixels per patient unit. */
    double px(double length) {
        return length * scale;
    }

    double x(double u, double v) {
        double du = u - 0.5;
        double dv = v - 0.5;
        return size * (0.5 + shiftU) + scale * (du * cos - dv * sin);
    }

    double y(double u, double v) {
        double du = u - 0.5;
        double dv = v - 0.5;
        return size * (0.5 + shiftV) + scale * (du * sin + dv * cos);
    }

    /** Patient u of pixel centre (x, y). */
    double u(double x, double y) {
        double dx = (x - size * (0.5 + shiftU)) / scale;
        double dy = (y - size * (0.5 + shiftV)) / scale;
        return 0.5 + dx * cos + dy * sin;
    }

    /** Patient v of pixel centre (x, y). */
    double v(double x, double y) {
        double dx = (x - size * (0.5 + shiftU)) / scale;
        double dy = (y - size * (0.5 + shiftV)) / scale;
        return 0.5 - dx * sin + dy * cos;
    }

    /** The change of u and v per pixel step in x (for incremental evaluation along a row). */
    double duDx() {
        return cos / scale;
    }

    double dvDx() {
        return -sin / scale;
    }

    /** Maps a polyline given in patient coordinates; returns {xs, ys} in pixels. */
    double[][] map(double[] us, double[] vs) {
        double[] xs = new double[us.length];
        double[] ys = new double[us.length];
        for (int i = 0; i < us.length; i++) {
            xs[i] = x(us[i], vs[i]);
            ys[i] = y(us[i], vs[i]);
        }
        return new double[][] {xs, ys};
    }

    double angle() {
        return StrictMath.atan2(sin, cos);
    }
}
