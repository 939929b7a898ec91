package org.lightbox.phantom.internal;

/**
 * The fields one chest is drawn into, shared by the anatomy, finding and device painters.
 * Attenuation ({@link Canvas#px}) is a line integral: 0 is air in front of the detector, about 2
 * the mediastinum; the lungs subtract {@link #air} from it at the end so that findings can fill
 * lung air with fluid or tissue before that happens.
 */
final class Scene {

    static final double CENTRE = 0.5;

    final Canvas canvas;
    final Frame frame;
    final Anatomy anatomy;
    /** Lung coverage 0..1 (both lungs, including the part behind the heart). */
    final float[] lungs;
    /** Heart and mediastinal vessel coverage 0..1. */
    final float[] heart;
    /** Air in the lungs, subtracted from the attenuation at the end. */
    final float[] air;
    /** Where vessel markings show (1 in aerated lung, 0 beyond a pneumothorax's pleural line). */
    final float[] markings;
    /** Lung outlines (patient units), image-left (patient right) and image-right, as drawn. */
    Curve rightLung;
    Curve leftLung;
    /** Heart's extent to image left and image right of the midline, patient units. */
    double heartRight;
    double heartLeft;

    Scene(Canvas canvas, Frame frame, Anatomy anatomy) {
        this.canvas = canvas;
        this.frame = frame;
        this.anatomy = anatomy;
        this.lungs = canvas.newField();
        this.heart = canvas.newField();
        this.air = canvas.newField();
        this.markings = canvas.newField();
    }

    float[] attenuation() {
        return canvas.px;
    }

    /** How much each hemidiaphragm is raised (volume loss), image left then image right. */
    final double[] raised = new double[2];

    /** The dome height (v of the top of the hemidiaphragm) on one side; side −1 is image left. */
    double dome(int side) {
        return (side < 0 ? anatomy.dome() : anatomy.dome() + 0.018) - raised[side < 0 ? 0 : 1];
    }

    /** The lung outline of one side (−1 image left). */
    Curve lung(int side) {
        return side < 0 ? rightLung : leftLung;
    }

    /** Coverage of one lung alone. */
    float[] lungMask(int side) {
        float[] mask = canvas.newField();
        fill(mask, lung(side), 1);
        return mask;
    }

    /** Fills a curve given in patient units into a field. */
    void fill(float[] field, Curve curve, double value) {
        double[][] p = frame.map(curve.us, curve.vs);
        canvas.fillPolygon(field, p[0], p[1], (float) value);
    }

    /** Strokes a curve given in patient units (widths in patient units) into the canvas scratch. */
    void stroke(Curve curve, double r0, double r1, double v0, double v1, Canvas.Profile profile) {
        double[][] p = frame.map(curve.us, curve.vs);
        canvas.stroke(p[0], p[1], frame.px(r0), frame.px(r1), v0, v1, profile);
    }

    /** Adds an ellipse given in patient units. */
    void ellipse(float[] field, double u, double v, double ru, double rv, double angle, double value, double power) {
        canvas.ellipse(field, frame.x(u, v), frame.y(u, v), frame.px(ru), frame.px(rv), angle + frame.angle(), value,
                power);
    }

    /** Patient u of a side's point at distance {@code d} from the midline (side −1: image left). */
    static double u(int side, double d) {
        return CENTRE + side * d;
    }
}
