package org.lightbox.phantom.internal;

import java.util.Random;

import org.lightbox.phantom.Defect;
import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.Projection;

/**
 * Renders a truth: the patient's anatomy from the anatomy seed, this study's breathing, positioning,
 * exposure and noise from the image seed, then findings, devices, the side marker, the film, and the
 * defect. Pure function of (truth, size).
 */
public final class PhantomRenderer {

    private PhantomRenderer() {
    }

    public static short[] render(PhantomTruth truth, int size) {
        Random study = new Random(truth.imageSeed());
        boolean ap = truth.projection() == Projection.AP;
        Defect defect = truth.defect();
        Anatomy anatomy = Anatomy.sample(new Random(truth.anatomySeed()), truth.child(), truth.female())
                .breathing(ap ? 0.02 + 0.03 * study.nextDouble() : 0.015 * study.nextDouble());
        boolean zoomedOut = defect == Defect.ZOOMED_OUT;
        double zoom = zoomedOut ? 0.5 + 0.15 * study.nextDouble() : 0.96 + 0.08 * study.nextDouble();
        double tilt = 0.05 * (study.nextDouble() - 0.5);
        double shiftU = (zoomedOut ? 0.12 : 0.04) * (study.nextDouble() - 0.5);
        double shiftV = (zoomedOut ? 0.12 : 0.04) * (study.nextDouble() - 0.5) + (zoomedOut ? 0.04 : 0);
        Film film = defect == Defect.WASHED_OUT
                ? new Film(0.22 + 0.08 * study.nextDouble(), 0.5, 0.1, 0.012, 0.35 + 0.15 * study.nextDouble())
                : new Film(0.48 + 0.22 * study.nextDouble(), 0.8 + 0.15 * study.nextDouble(),
                        0.35 + 0.25 * study.nextDouble(), 0.007 + 0.012 * study.nextDouble(), 0);
        long noiseSeed = study.nextLong();
        Random random = new Random(study.nextLong());

        int detail = Film.canvasSize(size);
        Canvas canvas = new Canvas(detail);
        Frame frame = new Frame(detail, zoom, tilt, shiftU, shiftV);
        Scene scene = new Scene(canvas, frame, anatomy);
        if (defect == Defect.LATERAL) {
            new OtherViewPainter(scene, random).lateral();
        } else if (defect == Defect.NON_CHEST) {
            new OtherViewPainter(scene, random).abdomen();
        } else {
            chest(scene, truth, ap, random);
            if (zoomedOut) {
                head(scene);
            }
        }
        marker(canvas, random, defect == Defect.LATERAL);
        if (detail == size) {
            canvas.soften(canvas.px);
        }
        short[] values = film.expose(film.develop(canvas), detail, size, noiseSeed);
        if (zoomedOut) {
            collimate(values, size, random);
        }
        return Orientation.apply(values, size, defect);
    }

    private static void chest(Scene scene, PhantomTruth truth, boolean ap, Random detail) {
        FindingPainter findings = new FindingPainter(scene, truth, new Random(detail.nextLong()));
        findings.beforeLungs();
        ChestPainter chest = new ChestPainter(scene, ap, truth.cardiothoracicRatio());
        chest.paintSoftTissue();
        findings.beforeAir();
        chest.applyAir();
        chest.paintVessels();
        chest.paintAirways();
        chest.paintBones();
        findings.afterAir();
        new DevicePainter(scene, truth, new Random(detail.nextLong())).paint();
    }

    /** Above the shoulders when the field is far too large: the head, skull and mandible. */
    private static void head(Scene scene) {
        float[] att = scene.attenuation();
        scene.ellipse(att, 0.5, -0.42, 0.12, 0.16, 0, 1.3, 0.5);
        scene.ellipse(att, 0.5, -0.45, 0.115, 0.14, 0, 0.45, 0.5);
        scene.ellipse(att, 0.5, -0.45, 0.105, 0.13, 0, -0.42, 0.5);
        scene.stroke(Curve.open(6, 0.42, -0.34, 0.45, -0.28, 0.5, -0.27, 0.55, -0.28, 0.58, -0.34), 0.01, 0.01, 0.4,
                0.4, Canvas.Profile.CORTICAL);
        scene.canvas.commitStroke(att, null, 1);
    }

    /** A lead letter on the cassette (not on the patient): "L" at the patient's left, upper corner. */
    private static void marker(Canvas canvas, Random detail, boolean lateral) {
        int n = canvas.size;
        double h = n * (0.035 + 0.01 * detail.nextDouble());
        double x = lateral ? n * (0.05 + 0.04 * detail.nextDouble()) : n * (0.86 + 0.06 * detail.nextDouble());
        double y = n * (0.04 + 0.06 * detail.nextDouble());
        double r = Math.max(0.8, h * 0.09);
        canvas.stroke(new double[] {x, x, x + h * 0.6}, new double[] {y, y + h, y + h}, r, r, 3.0, 3.0,
                Canvas.Profile.FLAT);
        canvas.commitStroke(canvas.px, null, 1);
    }

    /** Collimator shadow: unexposed borders (white) on two or three sides of a too-large field. */
    private static void collimate(short[] values, int size, Random detail) {
        int left = (int) (size * 0.06 * detail.nextDouble());
        int right = size - (int) (size * 0.06 * detail.nextDouble());
        int top = (int) (size * 0.05 * detail.nextDouble());
        int bottom = size - (int) (size * 0.08 * detail.nextDouble());
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (x < left || x >= right || y < top || y >= bottom) {
                    int q = (values[y * size + x] & 0xFFFF) >>> 4;
                    values[y * size + x] = (short) (Math.min(4095, q / 8 + 3500) << 4);
                }
            }
        }
    }
}
