package org.lightbox.phantom.internal;

import java.util.Random;

/**
 * The normal frontal chest: soft tissue, lungs, heart and mediastinum, trachea, spine, ribs,
 * clavicles, scapulae, humeral heads and the pulmonary vessels. Geometry follows the textbook
 * PA film (apices above the clavicles, right dome higher than the left, heart two thirds left of
 * the midline); AP films differ in magnification, clavicles and scapulae.
 */
final class ChestPainter {

    /** (1 − q²)^0.7 for q² in 1/1024 steps: the trunk's thickness across its width, flatter than an ellipse. */
    private static final float[] THICKNESS = new float[1025];

    static {
        for (int i = 0; i <= 1024; i++) {
            THICKNESS[i] = (float) StrictMath.pow(1 - i / 1024.0, 0.45);
        }
    }

    private final Scene scene;
    private final Anatomy a;
    private final boolean ap;
    private final double ctr;

    ChestPainter(Scene scene, boolean ap, double ctr) {
        this.scene = scene;
        this.a = scene.anatomy;
        this.ap = ap;
        this.ctr = ctr;
    }

    /** Body, lungs, heart and air; bones and vessels come later so findings can change the lungs first. */
    void paintSoftTissue() {
        body();
        overlays();
        scene.rightLung = lung(-1);
        scene.leftLung = lung(+1);
        scene.fill(scene.lungs, scene.rightLung, 1);
        scene.fill(scene.lungs, scene.leftLung, 1);
        clampUnit(scene.lungs);
        heart();
        air();
        System.arraycopy(scene.lungs, 0, scene.markings, 0, scene.lungs.length);
    }

    /** Pectoral muscles over the upper zones and breasts over the lower zones: soft tissue the lungs are seen through. */
    private void overlays() {
        for (int side = -1; side <= 1; side += 2) {
            scene.ellipse(scene.attenuation(), Scene.u(side, a.ribcage() + 0.02), a.apex() + 0.12, 0.2, 0.16, side * 0.5,
                    0.25 * a.soft(), 1);
            if (a.breast() > 0) {
                double cu = Scene.u(side, 0.62 * a.ribcage());
                double cv = a.costophrenic() - 0.04;
                scene.ellipse(scene.attenuation(), cu, cv, 0.2, 0.15, -side * 0.2, 0.22 * a.breast() * a.soft(), 0.5);
            }
        }
    }

    private void body() {
        Frame f = scene.frame;
        float[] att = scene.attenuation();
        int n = f.size;
        double pixel = 1.0 / f.px(1);
        double hw = a.bodyHalfWidth();
        double neck = a.neck();
        double shoulder = a.apex() + a.shoulder();
        for (int y = 0; y < n; y++) {
            double u = f.u(0.5, y + 0.5);
            double v = f.v(0.5, y + 0.5);
            // what depends on height is taken at the row's middle: a tilt of a few degrees changes it by far
            // less than a pixel's worth
            double vm = f.v(n / 2.0, y + 0.5);
            // deltoids widen the top, the waist narrows the bottom; the neck and shoulders are thinner front to back
            double width = hw + 0.05 * Math.max(0, (0.3 - vm) / 0.3) - 0.08 * Math.max(0, (vm - 0.75) / 0.3);
            double upper = vm < a.apex() ? 0.6 : vm < a.apex() + 0.2 ? 0.6 + 2 * (vm - a.apex()) : 1;
            double scale = a.soft() * upper;
            double edge = width - pixel;
            boolean shoulders = vm < shoulder + 0.1;
            int row = y * n;
            for (int x = 0; x < n; x++, u += f.duDx(), v += f.dvDx()) {
                double d = Math.abs(u - Scene.CENTRE);
                if (d >= width) {
                    continue;
                }
                double q = d / width;
                double t = THICKNESS[(int) (q * q * 1024)];
                if (d > edge) {
                    t *= (width - d) / pixel;
                }
                if (shoulders && d >= neck && v < shoulder + 0.09) {
                    // above the shoulders only the neck; each shoulder is a dome falling to the arm, and round:
                    // its thickness falls off over a few centimetres above its top
                    double s = Math.min(1, (d - neck) / (0.52 - neck));
                    double top = shoulder - 0.32 * (1 - s) * (1 - s);
                    t *= v <= top ? 0 : Math.sqrt(Math.min(1, (v - top) / 0.09));
                }
                att[row + x] += (float) (scale * t);
            }
        }
    }

    /** The outline of one lung; side −1 is the patient's right (image left). */
    private Curve lung(int side) {
        double w = a.ribcage();
        double apex = a.apex();
        double cp = a.costophrenic() + (side > 0 ? 0.01 : 0) - scene.raised[side < 0 ? 0 : 1];
        double dome = scene.dome(side);
        double medial = side > 0 ? 0.055 : 0.05;
        double[] pts = {
            0.065, apex + 0.11,
            0.10, apex + 0.03,
            0.16, apex,
            0.225, apex + 0.02,
            0.27, apex + 0.07,
            0.72 * w + 0.03, apex + 0.16,
            0.84 * w + 0.025, apex + 0.27,
            0.985 * w, apex + 0.42,
            0.975 * w, cp - 0.05,
            0.95 * w, cp,
            0.95 * w, cp,                       // doubled: the sharp costophrenic angle
            0.80 * w, cp - 0.05,
            0.62 * w, dome + 0.012,
            0.42 * w, dome,
            0.24 * w, dome + 0.02,
            0.08, dome + 0.06,
            medial, dome + 0.05,
            medial, 0.45,
            medial + 0.01, 0.33,
            0.07, 0.22,
        };
        for (int i = 0; i < pts.length; i += 2) {
            pts[i] = Scene.u(side, pts[i]);
        }
        return Curve.closed(8, pts);
    }

    private void heart() {
        double width = ctr * a.thoracicWidth();
        double left = width * a.heartShare();
        double right = width - left;
        scene.heartLeft = left;
        scene.heartRight = right;
        double top = 0.38;
        double bottom = Math.max(scene.dome(1), scene.dome(-1)) + 0.06;
        double mid = (top + bottom) / 2;
        double[] pts = {
            -0.055, top,
            -0.75 * right, mid - 0.05,
            -right, bottom - 0.09,
            -0.95 * right, bottom - 0.02,
            -0.4 * right, bottom + 0.01,
            0.3 * left, bottom + 0.015,
            0.93 * left, bottom - 0.01,
            left, bottom - 0.05,
            0.98 * left, mid + 0.06,
            0.86 * left, mid - 0.02,
            0.62 * left, top + 0.075,
            0.38 * left, top + 0.04,
            0.085, top + 0.02,
            0.04, top - 0.01,
        };
        for (int i = 0; i < pts.length; i += 2) {
            pts[i] = Scene.CENTRE + pts[i];
        }
        scene.fill(scene.heart, Curve.closed(8, pts), 1);
        // aortic knob and the superior vena cava border above the heart
        scene.ellipse(scene.heart, Scene.CENTRE + 0.075, 0.29, 0.035, 0.03, 0, 1, 0.2);
        scene.ellipse(scene.heart, Scene.CENTRE - 0.05, 0.30, 0.025, 0.08, 0, 0.8, 0.3);
        clampUnit(scene.heart);
        float[] att = scene.attenuation();
        for (int i = 0; i < att.length; i++) {
            att[i] += 0.12f * scene.heart[i];
        }
    }

    /** Air depth: largest in the middle and the bases of the lungs, little behind the heart. */
    private void air() {
        float[] depth = scene.canvas.smooth(scene.lungs, 4, (int) Math.max(4, scene.frame.px(0.07)));
        Frame f = scene.frame;
        int n = f.size;
        double span = a.costophrenic() - a.apex();
        float[] out = scene.air;
        Random random = new Random(a.vessels() ^ 0x5DEECE66DL);
        float[] coarse = scene.canvas.texture(random, 14);
        float[] fine = scene.canvas.texture(random, 48);
        float[] finer = scene.canvas.texture(random, 96);
        for (int y = 0; y < n; y++) {
            double v = f.v(0.5, y + 0.5);
            for (int x = 0; x < n; x++, v += f.dvDx()) {
                int i = y * n + x;
                float lung = scene.lungs[i];
                if (lung == 0f) {
                    continue;
                }
                double rise = Math.min(1, Math.max(0, (v - a.apex()) / (0.3 * span)));
                double vertical = (0.45 + 0.55 * Math.sqrt(rise)) * (0.85 + 0.25 * Math.min(1, Math.max(0, (v - a.apex()) / span)));
                double inner = Math.min(1, depth[i] * 1.5);
                double texture = 1 + 0.07 * coarse[i] + 0.06 * fine[i] + 0.05 * finer[i];
                out[i] = (float) (lung * (0.3 + 0.7 * inner) * vertical * texture * (1 - 0.68 * scene.heart[i]));
            }
        }
    }

    /** Subtracts the lung air; call after findings have changed it. */
    void applyAir() {
        float[] att = scene.attenuation();
        double scale = a.air();
        for (int i = 0; i < att.length; i++) {
            att[i] -= (float) (scale * scene.air[i]);
        }
    }

    /** Trachea, main bronchi and gastric bubble (air outside the lungs). */
    void paintAirways() {
        double c = Scene.CENTRE;
        double carina = 0.33;
        scene.stroke(Curve.open(6, c, -0.1, c, 0.1, c + 0.005, carina), 0.018, 0.016, 0.5, 0.45, Canvas.Profile.ROUND);
        scene.stroke(Curve.open(6, c + 0.005, carina, c - 0.035, carina + 0.04, c - 0.07, carina + 0.075), 0.012,
                0.008, 0.4, 0.2, Canvas.Profile.ROUND);
        scene.stroke(Curve.open(6, c + 0.005, carina, c + 0.045, carina + 0.05, c + 0.08, carina + 0.09), 0.011,
                0.007, 0.4, 0.2, Canvas.Profile.ROUND);
        scene.canvas.commitStroke(scene.attenuation(), null, -1);
        double dome = scene.dome(1);
        scene.ellipse(scene.attenuation(), c + 0.17, dome + 0.075, 0.055, 0.03, 0.1, -0.35, 1);
        Random gas = new Random(a.vessels() ^ 0x2545F4914F6CDD1DL);
        for (int k = 0; k < 7; k++) {
            double u = c + 0.08 + 0.22 * gas.nextDouble();
            double v = dome + 0.15 + 0.2 * gas.nextDouble();
            double r = 0.025 + 0.03 * gas.nextDouble();
            scene.ellipse(scene.attenuation(), u, v, r, r * (0.6 + 0.5 * gas.nextDouble()), gas.nextDouble() * 3, -0.12, 2);
        }
    }

    /** Spine, ribs, clavicles, scapulae and humeral heads. */
    void paintBones() {
        spine();
        for (int side = -1; side <= 1; side += 2) {
            ribs(side);
            clavicle(side);
            scapula(side);
        }
    }

    private void spine() {
        double c = Scene.CENTRE;
        double width = a.spineWidth();
        double bone = a.bone();
        double v = -0.1;
        int level = 0;
        while (v < 1.15) {
            double height = (a.child() ? 0.036 : 0.04) + 0.0009 * level;
            double hw = width / 2 * (v < a.apex() ? 0.75 : 1);
            Curve body = Curve.closed(3, c - hw, v, c - hw * 0.92, v + height / 2, c - hw, v + height,
                    c + hw, v + height, c + hw * 0.92, v + height / 2, c + hw, v);
            scene.fill(scene.attenuation(), body, 0.22 * bone);
            // pedicles: small rings at both sides, and the spinous process in the middle
            for (int side = -1; side <= 1; side += 2) {
                scene.ellipse(scene.attenuation(), c + side * hw * 0.72, v + height * 0.35, hw * 0.2, height * 0.28, 0,
                        0.18 * bone, 0.5);
                scene.ellipse(scene.attenuation(), c + side * hw * 0.72, v + height * 0.35, hw * 0.11, height * 0.15, 0,
                        -0.12 * bone, 0.5);
            }
            scene.ellipse(scene.attenuation(), c, v + height * 0.75, hw * 0.12, height * 0.45, 0, 0.12 * bone, 0.5);
            v += height + 0.008;
            level++;
        }
    }

    private void ribs(int side) {
        double w = a.ribcage();
        double bone = a.bone();
        double slope = a.ribSlope() * (ap ? 0.8 : 1);
        for (int i = 0; i < 12; i++) {
            double v0 = a.apex() - 0.035 + i * a.ribStep() * (1 + 0.012 * i);
            if (v0 > a.costophrenic() - 0.02) {
                break;
            }
            double wall = Math.min(w, w * (0.55 + 0.5 * Math.sqrt(Math.max(0, (v0 + 0.06 - a.apex()) / 0.32))))
                    + 0.01;
            double drop = (0.07 + 0.014 * Math.min(i, 6)) * slope;
            Curve posterior = Curve.open(5,
                    Scene.u(side, 0.035), v0,
                    Scene.u(side, 0.09), v0 - 0.01,
                    Scene.u(side, 0.45 * wall), v0 + 0.22 * drop,
                    Scene.u(side, 0.75 * wall), v0 + 0.58 * drop,
                    Scene.u(side, 0.95 * wall), v0 + 0.95 * drop,
                    Scene.u(side, 1.0 * wall), v0 + 1.35 * drop);
            double r = (a.child() ? 0.010 : 0.012) * (i == 0 ? 0.8 : 1);
            scene.stroke(posterior, r * 0.85, r, 0.3 * bone, 0.3 * bone, Canvas.Profile.CORTICAL);
            scene.canvas.commitStroke(scene.attenuation(), null, 1);
            // the anterior rib: fainter, running down and medially from the lateral wall
            double va = v0 + 1.35 * drop;
            Curve anterior = Curve.open(5,
                    Scene.u(side, 0.995 * wall), va,
                    Scene.u(side, 0.93 * wall), va + 0.035,
                    Scene.u(side, 0.70 * wall), va + 0.09,
                    Scene.u(side, 0.42 * wall), va + 0.15);
            scene.stroke(anterior, r * 0.95, r * 0.85, 0.22 * bone, 0.08 * bone, Canvas.Profile.CORTICAL);
            scene.canvas.commitStroke(scene.attenuation(), null, 1);
        }
    }

    private void clavicle(int side) {
        double v = a.apex() + (ap ? -0.025 : 0.035);
        double rise = ap ? 0.02 : 0.06;
        Curve clavicle = Curve.open(6,
                Scene.u(side, 0.045), v + 0.01,
                Scene.u(side, 0.12), v,
                Scene.u(side, 0.22), v - 0.25 * rise,
                Scene.u(side, 0.31), v - 0.6 * rise,
                Scene.u(side, 0.40), v - rise,
                Scene.u(side, 0.45), v - 0.9 * rise);
        double r = a.child() ? 0.012 : 0.016;
        scene.stroke(clavicle, r * 1.2, r * 0.9, 0.48 * a.bone(), 0.42 * a.bone(), Canvas.Profile.CORTICAL);
        scene.canvas.commitStroke(scene.attenuation(), null, 1);
    }

    private void scapula(int side) {
        double w = a.ribcage();
        double top = a.apex() - 0.02;
        double medial = ap ? 0.72 * w : 0.93 * w;
        Curve blade = Curve.closed(4,
                Scene.u(side, medial), top + 0.02,
                Scene.u(side, medial + 0.02), top + 0.17,
                Scene.u(side, medial + 0.07), top + 0.30,
                Scene.u(side, w + 0.06), top + 0.12,
                Scene.u(side, w + 0.08), top + 0.03);
        scene.fill(scene.attenuation(), blade, 0.12 * a.bone());
        scene.stroke(Curve.open(4, Scene.u(side, medial), top + 0.02, Scene.u(side, medial + 0.02), top + 0.17,
                Scene.u(side, medial + 0.07), top + 0.30), 0.006, 0.005, 0.12 * a.bone(), 0.1 * a.bone(),
                Canvas.Profile.ROUND);
        scene.canvas.commitStroke(scene.attenuation(), null, 1);
        // the humeral head at the glenoid, and the upper shaft
        double hu = Scene.u(side, w + 0.13);
        scene.ellipse(scene.attenuation(), hu, top + 0.1, 0.06, 0.065, 0, 0.25 * a.bone(), 0.5);
        scene.stroke(Curve.open(3, hu + side * 0.02, top + 0.1, hu + side * 0.05, top + 0.5), 0.035, 0.03,
                0.25 * a.bone(), 0.2 * a.bone(), Canvas.Profile.CORTICAL);
        scene.canvas.commitStroke(scene.attenuation(), null, 1);
    }

    /** The pulmonary arteries and veins: trees from each hilum, clipped to aerated lung. */
    void paintVessels() {
        Random r = new Random(a.vessels());
        for (int side = -1; side <= 1; side += 2) {
            double hu = Scene.u(side, side < 0 ? 0.085 : 0.095);
            double hv = side < 0 ? 0.43 : 0.41;
            scene.ellipse(scene.attenuation(), hu, hv, 0.03, 0.06, 0, 0.22, 1);
            scene.ellipse(scene.attenuation(), hu + side * 0.015, hv + 0.03, 0.025, 0.035, 0, 0.12, 1);
            double[] angles = {-105, -80, -55, -25, 5, 30, 55, 80, 100};
            for (double deg : angles) {
                double angle = Math.toRadians(side > 0 ? deg : 180 - deg) + 0.3 * (r.nextDouble() - 0.5);
                double length = 0.05 + 0.03 * r.nextDouble();
                double ou = hu + side * 0.01 * r.nextDouble();
                double ov = hv + 0.05 * (r.nextDouble() - 0.5);
                branch(r, ou, ov, angle, length, 0.007, 0.2, 0);
            }
        }
        scene.canvas.commitStroke(scene.attenuation(), scene.markings, 1);
    }

    private void branch(Random r, double u, double v, double angle, double length, double radius, double value, int depth) {
        double bend = 0.35 * (r.nextDouble() - 0.5);
        double mu = u + 0.5 * length * StrictMath.cos(angle);
        double mv = v + 0.5 * length * StrictMath.sin(angle);
        double eu = mu + 0.5 * length * StrictMath.cos(angle + bend);
        double ev = mv + 0.5 * length * StrictMath.sin(angle + bend);
        scene.stroke(Curve.open(depth < 2 ? 3 : 1, u, v, mu, mv, eu, ev), radius, radius * 0.75, value, value * 0.8,
                Canvas.Profile.ROUND);
        if (depth >= 4) {
            return;
        }
        double end = angle + bend;
        int children = depth < 2 ? 2 : 1 + r.nextInt(2);
        for (int k = 0; k < children; k++) {
            double spread = (children == 1 ? 0.3 : 0.35 + 0.2 * r.nextDouble()) * (k == 0 ? -1 : 1);
            branch(r, eu, ev, end + spread, length * (0.62 + 0.15 * r.nextDouble()), radius * 0.74, value * 0.8, depth + 1);
        }
    }

    private static void clampUnit(float[] field) {
        for (int i = 0; i < field.length; i++) {
            if (field[i] > 1f) {
                field[i] = 1f;
            }
        }
    }
}
