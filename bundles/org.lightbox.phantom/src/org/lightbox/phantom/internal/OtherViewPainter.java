package org.lightbox.phantom.internal;

import java.util.Random;

/**
 * Films that should not be in a frontal chest dataset: a lateral chest (patient facing the image's
 * left) and an abdomen (supine AP, "KUB"). Drawn with the same primitives, less carefully than the
 * frontal chest: they only have to be recognisably something else.
 */
final class OtherViewPainter {

    private final Scene scene;
    private final Random random;

    OtherViewPainter(Scene scene, Random random) {
        this.scene = scene;
        this.random = random;
    }

    void lateral() {
        float[] att = scene.attenuation();
        double front = 0.1 + 0.04 * random.nextDouble();
        double back = 0.9 + 0.04 * random.nextDouble();
        trunk(front, back, 2.3, 0.0);
        // the lungs overlap: one lucent field from the apex to the posterior costophrenic recess
        Curve lung = Curve.closed(6, 0.5, 0.06, 0.36, 0.1, 0.24, 0.22, 0.2, 0.42, 0.21, 0.62, 0.25, 0.7, 0.4, 0.66,
                0.55, 0.68, 0.66, 0.76, 0.72, 0.8, 0.7, 0.55, 0.67, 0.3, 0.62, 0.12);
        float[] lungs = scene.canvas.newField();
        scene.fill(lungs, lung, 1);
        float[] depth = scene.canvas.smooth(lungs, 4, (int) scene.frame.px(0.06));
        float[] heart = scene.canvas.newField();
        scene.fill(heart, Curve.closed(6, 0.26, 0.42, 0.4, 0.4, 0.5, 0.5, 0.52, 0.64, 0.4, 0.7, 0.24, 0.68, 0.21, 0.55), 1);
        heart = scene.canvas.smooth(heart, 2, (int) Math.max(2, scene.frame.px(0.015)));
        float[] texture = scene.canvas.texture(random, 20);
        for (int i = 0; i < att.length; i++) {
            float l = lungs[i];
            if (l > 0) {
                double air = 1.25 * l * (0.35 + 0.65 * Math.min(1, depth[i] * 1.5)) * (1 + 0.06 * texture[i]);
                att[i] -= (float) (air * (1 - 0.75 * Math.min(1, heart[i])));
            }
        }
        // trachea, the thoracic spine behind, the sternum in front, posterior ribs, shoulders over the apex
        scene.stroke(Curve.open(4, 0.55, -0.1, 0.55, 0.15, 0.57, 0.36), 0.016, 0.013, 0.4, 0.3, Canvas.Profile.ROUND);
        scene.canvas.commitStroke(att, null, -1);
        for (double v = -0.05; v < 1.15; v += 0.052) {
            scene.fill(att, Curve.closed(2, 0.7, v, 0.78, v - 0.003, 0.785, v + 0.042, 0.705, v + 0.044), 0.18);
            scene.ellipse(att, 0.82, v + 0.03, 0.025, 0.01, 0.5, 0.12, 0.5);
        }
        scene.stroke(Curve.open(4, 0.14, 0.14, 0.12, 0.35, 0.13, 0.56), 0.01, 0.009, 0.25, 0.2, Canvas.Profile.CORTICAL);
        for (int i = 0; i < 9; i++) {
            double v = 0.14 + 0.07 * i;
            scene.stroke(Curve.open(4, 0.74, v, 0.66, v + 0.03, 0.5, v + 0.1, 0.32, v + 0.17), 0.007, 0.006, 0.12, 0.03,
                    Canvas.Profile.CORTICAL);
        }
        scene.canvas.commitStroke(att, null, 1);
        scene.ellipse(att, 0.52, 0.02, 0.25, 0.12, 0.3, 0.6, 1);
    }

    void abdomen() {
        float[] att = scene.attenuation();
        trunk(0.06, 0.94, 2.4, 0.05);
        // liver on the patient's right (image left), bowel gas everywhere else
        scene.ellipse(att, 0.3, 0.12, 0.24, 0.18, 0.3, 0.25, 1);
        for (int i = 0; i < 28; i++) {
            double t = random.nextDouble();
            double u;
            double v;
            if (i < 18) {                                        // the colon's frame: up, across, down
                double path = t * 3;
                u = path < 1 ? 0.26 : path < 2 ? 0.26 + 0.48 * (path - 1) : 0.74;
                v = path < 1 ? 0.7 - 0.45 * path : path < 2 ? 0.25 + 0.05 * StrictMath.sin(path * 3) : 0.25 + 0.45 * (path - 2);
            } else {
                u = 0.35 + 0.3 * random.nextDouble();
                v = 0.35 + 0.3 * random.nextDouble();
            }
            double r = 0.02 + 0.03 * random.nextDouble();
            scene.ellipse(att, u, v, r, r * (0.6 + 0.6 * random.nextDouble()), random.nextDouble() * 3, -0.45, 1);
        }
        for (double v = -0.1; v < 0.62; v += 0.075) {                 // lumbar vertebrae with transverse processes
            scene.fill(att, Curve.closed(2, 0.455, v, 0.545, v, 0.55, v + 0.062, 0.45, v + 0.062), 0.4);
            scene.stroke(Curve.open(2, 0.4, v + 0.03, 0.6, v + 0.03), 0.008, 0.008, 0.25, 0.25, Canvas.Profile.ROUND);
            scene.canvas.commitStroke(att, null, 1);
        }
        for (int side = -1; side <= 1; side += 2) {
            // iliac wing, acetabulum and femoral head; the lowest ribs at the top
            Curve wing = Curve.closed(5, Scene.u(side, 0.07), 0.62, Scene.u(side, 0.2), 0.5, Scene.u(side, 0.36), 0.55,
                    Scene.u(side, 0.3), 0.7, Scene.u(side, 0.2), 0.84, Scene.u(side, 0.1), 0.8);
            scene.fill(att, wing, 0.22);
            scene.stroke(wing, 0.008, 0.008, 0.3, 0.3, Canvas.Profile.CORTICAL);
            scene.canvas.commitStroke(att, null, 1);
            scene.ellipse(att, Scene.u(side, 0.21), 0.92, 0.055, 0.055, 0, 0.55, 0.5);
            scene.stroke(Curve.open(3, Scene.u(side, 0.22), 0.94, Scene.u(side, 0.28), 1.05, Scene.u(side, 0.3), 1.3),
                    0.035, 0.035, 0.5, 0.5, Canvas.Profile.CORTICAL);
            scene.stroke(Curve.open(4, Scene.u(side, 0.06), -0.02, Scene.u(side, 0.25), 0.02, Scene.u(side, 0.38), 0.12),
                    0.012, 0.01, 0.3, 0.2, Canvas.Profile.CORTICAL);
            scene.canvas.commitStroke(att, null, 1);
        }
        scene.fill(att, Curve.closed(3, 0.43, 0.62, 0.57, 0.62, 0.5, 0.82), 0.35);  // sacrum
    }

    /** A trunk seen from the side or front: thickness across u between two edges. */
    private void trunk(double left, double right, double soft, double flare) {
        Frame f = scene.frame;
        float[] att = scene.attenuation();
        int n = f.size;
        double mid = (left + right) / 2;
        for (int y = 0; y < n; y++) {
            double u = f.u(0.5, y + 0.5);
            double v = f.v(0.5, y + 0.5);
            for (int x = 0; x < n; x++, u += f.duDx(), v += f.dvDx()) {
                double half = (right - left) / 2 + flare * Math.max(0, v - 0.6);
                double q = (u - mid) / half;
                if (q > -1 && q < 1) {
                    att[y * n + x] += (float) (soft * Math.sqrt(1 - q * q));
                }
            }
        }
    }
}
