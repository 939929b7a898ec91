package org.lightbox.phantom.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.Side;

/**
 * Draws the planted findings as a radiologist expects to see them: effusion as a meniscus filling the
 * costophrenic angle, pneumothorax as a pleural line with no lung markings beyond it, consolidation as
 * patchy airspace opacity with air bronchograms, atelectasis as a plate or a collapsed lower lobe with
 * a raised hemidiaphragm, nodules and masses as round opacities. Cardiomegaly is the heart's size,
 * drawn by {@link ChestPainter}.
 */
final class FindingPainter {

    /** A standard adult field is 430 mm wide (a 43 cm detector). */
    static final double FIELD_MM = 430;

    private final Scene scene;
    private final PhantomTruth truth;
    private final Random random;

    FindingPainter(Scene scene, PhantomTruth truth, Random random) {
        this.scene = scene;
        this.truth = truth;
        this.random = random;
    }

    /** Volume loss raises the hemidiaphragm: before the lungs are drawn. */
    void beforeLungs() {
        if (truth.has(PlantedFinding.ATELECTASIS)) {
            int side = sign(truth.side(PlantedFinding.ATELECTASIS));
            scene.raised[side < 0 ? 0 : 1] = 0.012 + 0.02 * random.nextDouble();
        }
    }

    /** Findings that replace lung air: after the lungs, before the air is subtracted. */
    void beforeAir() {
        if (truth.has(PlantedFinding.PNEUMOTHORAX)) {
            pneumothorax(sign(truth.side(PlantedFinding.PNEUMOTHORAX)));
        }
        if (truth.has(PlantedFinding.CONSOLIDATION)) {
            for (int side : sides(truth.side(PlantedFinding.CONSOLIDATION))) {
                consolidation(side);
            }
        }
        if (truth.has(PlantedFinding.ATELECTASIS)) {
            atelectasis(sign(truth.side(PlantedFinding.ATELECTASIS)));
        }
        if (truth.has(PlantedFinding.EFFUSION)) {
            for (int side : sides(truth.side(PlantedFinding.EFFUSION))) {
                effusion(side);
            }
        }
    }

    /** Solid lesions on top of everything else. */
    void afterAir() {
        if (truth.has(PlantedFinding.NODULE)) {
            lesion(sign(truth.side(PlantedFinding.NODULE)), truth.lesionMillimetres().get(PlantedFinding.NODULE), false);
        }
        if (truth.has(PlantedFinding.MASS)) {
            lesion(sign(truth.side(PlantedFinding.MASS)), truth.lesionMillimetres().get(PlantedFinding.MASS), true);
        }
    }

    private void effusion(int side) {
        Anatomy a = scene.anatomy;
        double w = a.ribcage();
        double cp = a.costophrenic() + (side > 0 ? 0.01 : 0);
        double span = cp - a.apex();
        double amount = 0.15 + 0.35 * random.nextDouble();
        double lateralTop = cp - amount * span;
        double medialTop = lateralTop + 0.1 + 0.1 * amount;
        int steps = 12;
        double[] pts = new double[2 * (steps + 3)];
        int k = 0;
        for (int i = 0; i <= steps; i++) {
            double x = 1 - (double) i / steps;                      // 1 lateral .. 0 medial
            pts[k++] = Scene.u(side, 0.02 + x * (w + 0.03));
            pts[k++] = medialTop - (medialTop - lateralTop) * Math.pow(x, 1.7);
        }
        pts[k++] = Scene.u(side, 0.02);
        pts[k++] = 1.3;
        pts[k++] = Scene.u(side, w + 0.05);
        pts[k++] = 1.3;
        float[] fluid = scene.canvas.newField();
        scene.fill(fluid, Curve.closed(1, pts), 1);
        fluid = scene.canvas.smooth(fluid, 2, Math.max(2, (int) scene.frame.px(0.018)));
        for (int i = 0; i < fluid.length; i++) {
            float f = fluid[i] * scene.lungs[i];
            if (f > 0) {
                scene.air[i] *= 1 - 0.96f * f;
                scene.markings[i] *= 1 - f;
            }
        }
    }

    private void pneumothorax(int side) {
        Curve lung = scene.lung(side);
        double hu = Scene.u(side, 0.1);
        double hv = 0.42;
        double rim = 0.03 + 0.07 * random.nextDouble();
        int n = lung.size();
        double[] cu = new double[n];
        double[] cv = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            double du = lung.us[i] - hu;
            double dv = lung.vs[i] - hv;
            double d = Math.max(1e-6, Math.hypot(du, dv));
            double up = -dv / d;
            double out = side * du / d;
            // the lung falls away from the apex and the lateral wall, hardly from the diaphragm
            weight[i] = Math.min(1, Math.max(0, 0.15 + 0.85 * Math.max(up, out) - 1.5 * Math.max(0, -up - 0.45)));
            double shift = Math.min(rim * weight[i], 0.7 * d);
            cu[i] = lung.us[i] - du / d * shift;
            cv[i] = lung.vs[i] - dv / d * shift;
        }
        float[] whole = scene.lungMask(side);
        float[] collapsed = scene.canvas.newField();
        scene.fill(collapsed, Curve.of(cu, cv), 1);
        for (int i = 0; i < whole.length; i++) {
            float gap = Math.max(0, whole[i] - collapsed[i]);
            if (gap > 0) {
                // the pleural space holds only air: darker than lung, and no vessels cross it
                scene.air[i] = scene.air[i] * (1 - gap) + gap * 1.0f;
                scene.markings[i] *= 1 - gap;
            } else if (collapsed[i] > 0) {
                scene.air[i] *= 0.93f;
            }
        }
        // the visceral pleural line along the part of the collapsed lung that has come away from the wall
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            int j = i % n;
            if (i < n && weight[j] > 0.55) {
                run.add(new double[] {cu[j], cv[j]});
            } else if (!run.isEmpty()) {
                strokeRun(run);
                run.clear();
            }
        }
        scene.canvas.commitStroke(scene.attenuation(), null, 1);
    }

    private void strokeRun(List<double[]> run) {
        if (run.size() < 2) {
            return;
        }
        double[] us = new double[run.size()];
        double[] vs = new double[run.size()];
        for (int i = 0; i < us.length; i++) {
            us[i] = run.get(i)[0];
            vs[i] = run.get(i)[1];
        }
        scene.stroke(Curve.of(us, vs), 0.0022, 0.0022, 0.3, 0.3, Canvas.Profile.FLAT);
    }

    private void consolidation(int side) {
        Anatomy a = scene.anatomy;
        double[] centre = pointInLung(side, a.apex() + 0.08, scene.dome(side) - 0.03);
        double reach = 0.07 + 0.06 * random.nextDouble();
        float[] opacity = scene.canvas.newField();
        int blobs = 10 + random.nextInt(9);
        for (int b = 0; b < blobs; b++) {
            double angle = 2 * Math.PI * random.nextDouble();
            double dist = reach * Math.sqrt(random.nextDouble());
            double r = 0.025 + 0.04 * random.nextDouble();
            scene.ellipse(opacity, centre[0] + dist * StrictMath.cos(angle), centre[1] + dist * StrictMath.sin(angle),
                    r, r * (0.6 + 0.6 * random.nextDouble()), random.nextDouble() * 3, 0.55, 2);
        }
        float[] patches = scene.canvas.texture(random, 40);
        // air bronchograms: branching lucent tubes inside the opacity
        for (int b = 0; b < 3; b++) {
            double angle = (side > 0 ? 0 : Math.PI) + 0.8 * (random.nextDouble() - 0.5) + (b - 1) * 0.6;
            double len = reach * (0.8 + 0.6 * random.nextDouble());
            scene.stroke(Curve.open(3, centre[0] - 0.5 * len * StrictMath.cos(angle), centre[1] - 0.5 * len * StrictMath.sin(angle),
                    centre[0], centre[1], centre[0] + len * StrictMath.cos(angle + 0.2), centre[1] + len * StrictMath.sin(angle + 0.2)),
                    0.004, 0.002, 0.35, 0.15, Canvas.Profile.ROUND);
        }
        float[] bronchi = scene.canvas.newField();
        scene.canvas.commitStroke(bronchi, null, 1);
        for (int i = 0; i < opacity.length; i++) {
            float o = Math.min(1, Math.max(0, opacity[i] * (1 + 0.8f * patches[i]))) * scene.lungs[i];
            if (o > 0) {
                o = Math.max(0, o - bronchi[i] * o);
                scene.air[i] *= 1 - 0.85f * o;
                scene.markings[i] *= 1 - 0.6f * o;
            }
        }
    }

    private void atelectasis(int side) {
        float[] band = scene.canvas.newField();
        double dome = scene.dome(side);
        boolean plate = random.nextDouble() < 0.7;
        if (plate) {
            // plate (discoid) atelectasis: a horizontal band a few millimetres thick above the dome
            double v0 = dome - 0.05 - 0.08 * random.nextDouble();
            double u0 = 0.1 + 0.06 * random.nextDouble();
            double length = 0.12 + 0.1 * random.nextDouble();
            double tilt = 0.03 * (random.nextDouble() - 0.3);
            scene.stroke(Curve.open(4, Scene.u(side, u0), v0, Scene.u(side, u0 + length / 2), v0 + tilt / 2 - 0.006,
                    Scene.u(side, u0 + length), v0 + tilt), 0.01 + 0.006 * random.nextDouble(), 0.007, 1, 0.9,
                    Canvas.Profile.ROUND);
            scene.canvas.commitStroke(band, null, 1);
        } else {
            // lower lobe collapse: a triangle from the hilum to the medial hemidiaphragm
            double width = 0.14 + 0.08 * random.nextDouble();
            scene.fill(band, Curve.closed(3, Scene.u(side, 0.08), 0.42, Scene.u(side, 0.06), dome + 0.06,
                    Scene.u(side, 0.08 + width), dome + 0.02), 0.9);
            band = scene.canvas.smooth(band, 2, Math.max(2, (int) scene.frame.px(0.01)));
        }
        float[] att = scene.attenuation();
        for (int i = 0; i < band.length; i++) {
            float b = Math.min(1, band[i]) * scene.lungs[i];
            if (b > 0) {
                // airless lung: the air goes, and the collapsed tissue is denser than the heart behind it
                scene.air[i] *= 1 - (plate ? 0.7f : 0.85f) * b;
                att[i] += (plate ? 0.03f : 0.25f) * b;
            }
        }
    }

    private void lesion(int side, double millimetres, boolean mass) {
        double radius = millimetres / FIELD_MM / 2;
        double[] c = pointInLung(side, scene.anatomy.apex() + 0.06 + radius, scene.dome(side) - 0.04 - radius);
        float[] att = scene.attenuation();
        double density = mass ? 0.7 : 0.4 + 0.015 * millimetres;
        double squash = 0.85 + 0.3 * random.nextDouble();
        scene.ellipse(att, c[0], c[1], radius, radius * squash, random.nextDouble(), density, 0.5);
        int lobes = mass ? 3 : 1;
        for (int k = 0; k < lobes; k++) {
            double angle = 2 * Math.PI * random.nextDouble();
            double r = radius * (0.45 + 0.25 * random.nextDouble());
            scene.ellipse(att, c[0] + 0.6 * radius * StrictMath.cos(angle), c[1] + 0.6 * radius * StrictMath.sin(angle),
                    r, r, 0, density * 0.5, 0.5);
        }
        if (mass) {
            for (int k = 0; k < 7; k++) {                  // spiculation
                double angle = 2 * Math.PI * random.nextDouble();
                double len = radius * (1.3 + 0.5 * random.nextDouble());
                scene.stroke(Curve.open(2, c[0] + 0.7 * radius * StrictMath.cos(angle), c[1] + 0.7 * radius * StrictMath.sin(angle),
                        c[0] + len * StrictMath.cos(angle), c[1] + len * StrictMath.sin(angle)), 0.003, 0.001, 0.15, 0.05,
                        Canvas.Profile.ROUND);
            }
            scene.canvas.commitStroke(att, scene.lungs, 1);
        }
    }

    /** A point inside the side's lung, away from the heart, between two heights (patient units). */
    private double[] pointInLung(int side, double top, double bottom) {
        Curve lung = scene.lung(side);
        Anatomy a = scene.anatomy;
        double heartEdge = side > 0 ? scene.heartLeft : scene.heartRight;
        double u = 0;
        double v = 0;
        for (int attempt = 0; attempt < 40; attempt++) {
            v = top + (bottom - top) * random.nextDouble();
            double d = 0.1 + (a.ribcage() - 0.14) * random.nextDouble();
            u = Scene.u(side, d);
            boolean clearOfHeart = v < 0.4 || d > heartEdge + 0.02;
            if (lung.contains(u, v) && clearOfHeart) {
                break;
            }
        }
        return new double[] {u, v};
    }

    private static int sign(Side side) {
        return side == Side.RIGHT ? -1 : 1;
    }

    private static int[] sides(Side side) {
        return side == Side.BOTH ? new int[] {-1, 1} : new int[] {sign(side)};
    }
}
