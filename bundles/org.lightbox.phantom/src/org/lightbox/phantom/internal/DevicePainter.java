package org.lightbox.phantom.internal;

import java.util.Random;

import org.lightbox.phantom.Device;
import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.Side;

/**
 * Devices, which are denser than anything in the body: a chest drain aimed at the apex (pneumothorax)
 * or the base (effusion), a pacemaker generator below a clavicle with leads to the right atrium and
 * ventricle, and ECG press-stud electrodes with their wires running off the film.
 */
final class DevicePainter {

    private final Scene scene;
    private final PhantomTruth truth;
    private final Random random;

    DevicePainter(Scene scene, PhantomTruth truth, Random random) {
        this.scene = scene;
        this.truth = truth;
        this.random = random;
    }

    void paint() {
        if (truth.has(Device.ECG_LEADS)) {
            ecg();
        }
        if (truth.has(Device.PACEMAKER)) {
            pacemaker();
        }
        if (truth.has(Device.CHEST_DRAIN)) {
            drain();
        }
    }

    private void drain() {
        Side ptx = truth.side(PlantedFinding.PNEUMOTHORAX);
        Side effusion = truth.side(PlantedFinding.EFFUSION);
        int side = ptx != null ? (ptx == Side.RIGHT ? -1 : 1)
                : effusion != null ? (effusion == Side.RIGHT ? -1 : 1) : (random.nextBoolean() ? -1 : 1);
        boolean apical = ptx != null || random.nextDouble() < 0.5;
        Anatomy a = scene.anatomy;
        double w = a.ribcage();
        double entry = 0.52 + 0.1 * random.nextDouble();
        double tipV = apical ? a.apex() + 0.08 + 0.06 * random.nextDouble() : scene.dome(side) - 0.02;
        double tipU = apical ? 0.18 + 0.08 * random.nextDouble() : 0.2 + 0.1 * random.nextDouble();
        Curve tube = Curve.open(6,
                Scene.u(side, 0.75), entry + 0.25,
                Scene.u(side, w + 0.12), entry + 0.06,
                Scene.u(side, w - 0.01), entry,
                Scene.u(side, w - 0.08), entry - 0.05,
                Scene.u(side, (tipU + w - 0.08) / 2), (tipV + entry - 0.05) / 2 + (apical ? 0.02 : -0.03),
                Scene.u(side, tipU), tipV);
        scene.stroke(tube, 0.0075, 0.0075, 0.55, 0.55, Canvas.Profile.TUBE);
        scene.canvas.commitStroke(scene.attenuation(), null, 1);
        // the radio-opaque stripe along one wall, interrupted at the side hole near the tip
        int n = tube.size();
        int hole = n - 3;
        double[] us = new double[hole];
        double[] vs = new double[hole];
        for (int i = 0; i < hole; i++) {
            us[i] = tube.us[i] + 0.004;
            vs[i] = tube.vs[i];
        }
        scene.stroke(Curve.of(us, vs), 0.0016, 0.0016, 1.4, 1.4, Canvas.Profile.FLAT);
        scene.canvas.commitStroke(scene.attenuation(), null, 1);
    }

    private void pacemaker() {
        Anatomy a = scene.anatomy;
        int side = random.nextDouble() < 0.85 ? 1 : -1;          // usually below the left clavicle
        double cu = Scene.u(side, 0.2 + 0.08 * random.nextDouble());
        double cv = a.apex() + 0.09 + 0.05 * random.nextDouble();
        double hw = 0.034;
        double hh = 0.028;
        double tilt = 0.3 * (random.nextDouble() - 0.5);
        double c = StrictMath.cos(tilt);
        double s = StrictMath.sin(tilt);
        double[] corners = {-hw, -hh, hw, -hh, hw * 1.05, hh * 0.6, 0, hh * 1.1, -hw * 1.05, hh * 0.6};
        double[] pts = new double[corners.length];
        for (int i = 0; i < corners.length; i += 2) {
            pts[i] = cu + corners[i] * c - corners[i + 1] * s;
            pts[i + 1] = cv + corners[i] * s + corners[i + 1] * c;
        }
        scene.fill(scene.attenuation(), Curve.closed(4, pts), 2.6);
        // the connector block (header) is epoxy with metal inserts: less dense
        scene.ellipse(scene.attenuation(), cu - 0.02 * s, cv - hh * 1.15, hw * 0.8, hh * 0.35, tilt, 0.6, 0.5);
        scene.ellipse(scene.attenuation(), cu, cv + 0.004, hw * 0.5, hh * 0.45, tilt, -0.5, 1);
        double svcU = Scene.CENTRE - 0.035;
        double raU = Scene.CENTRE - 0.06;
        double heartBottom = Math.max(scene.dome(1), scene.dome(-1)) + 0.02;
        double rvU = Scene.CENTRE + 0.05 + 0.5 * scene.heartLeft * random.nextDouble();
        Curve ventricular = Curve.open(6, cu, cv - hh * 1.2, cu - side * 0.06, cv - 0.05, svcU, 0.26, svcU - 0.01, 0.42,
                raU, heartBottom - 0.08, Scene.CENTRE, heartBottom - 0.02, rvU, heartBottom - 0.05);
        Curve atrial = Curve.open(6, cu + 0.01, cv - hh * 1.2, cu - side * 0.05, cv - 0.06, svcU + 0.005, 0.27,
                svcU - 0.005, 0.42, raU + 0.01, 0.5, raU + 0.035, 0.46);
        scene.stroke(ventricular, 0.0028, 0.0028, 1.1, 1.1, Canvas.Profile.ROUND);
        scene.stroke(atrial, 0.0026, 0.0026, 1.0, 1.0, Canvas.Profile.ROUND);
        scene.canvas.commitStroke(scene.attenuation(), null, 1);
        scene.ellipse(scene.attenuation(), rvU, heartBottom - 0.05, 0.006, 0.006, 0, 1.6, 0.5);
        scene.ellipse(scene.attenuation(), raU + 0.035, 0.46, 0.006, 0.006, 0, 1.6, 0.5);
    }

    private void ecg() {
        Anatomy a = scene.anatomy;
        double w = a.ribcage();
        double[][] sites = {
            {-(w - 0.04), a.apex() + 0.02}, {w - 0.04, a.apex() + 0.02},
            {-(w - 0.08), a.costophrenic() + 0.02}, {w - 0.06, a.costophrenic() + 0.04}, {0.12, 0.62}};
        int count = 3 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            double u = Scene.CENTRE + sites[i][0] + 0.03 * (random.nextDouble() - 0.5);
            double v = sites[i][1] + 0.03 * (random.nextDouble() - 0.5);
            scene.ellipse(scene.attenuation(), u, v, 0.018, 0.018, 0, 1.2, 0.5);
            scene.ellipse(scene.attenuation(), u, v, 0.012, 0.012, 0, -0.8, 0.5);
            scene.ellipse(scene.attenuation(), u, v, 0.005, 0.005, 0, 1.6, 0.5);
            // the wire wanders off the nearest edge of the film
            double du = u < Scene.CENTRE ? -1 : 1;
            double mu = u + du * (0.05 + 0.15 * random.nextDouble());
            double mv = v + 0.15 * (random.nextDouble() - 0.3);
            Curve wire = Curve.open(6, u, v, (u + mu) / 2 + 0.04 * (random.nextDouble() - 0.5),
                    (v + mv) / 2 + 0.06 * (random.nextDouble() - 0.5), mu, mv,
                    Scene.CENTRE + du * 0.62, mv + 0.3 * (random.nextDouble() - 0.5));
            scene.stroke(wire, 0.003, 0.003, 1.0, 1.0, Canvas.Profile.ROUND);
        }
        scene.canvas.commitStroke(scene.attenuation(), null, 1);
    }
}
