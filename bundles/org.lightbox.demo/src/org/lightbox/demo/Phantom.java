package org.lightbox.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * A crude frontal chest radiograph drawn with Java2D: soft tissue, lungs, heart and mediastinum, spine, ribs,
 * clavicles, diaphragm, noise; optionally a planted cardiomegaly, effusion, nodule or pneumothorax. Enough for
 * the demo to look like a chest film at thumbnail size; the full phantom generator is a separate piece of work.
 */
record Phantom(boolean child, boolean anteroposterior, double heartScale, boolean effusion, boolean nodule,
        boolean pneumothorax, double exposure, long noiseSeed) {

    static Phantom random(Random r, boolean child) {
        boolean cardiomegaly = r.nextDouble() < 0.25;
        return new Phantom(child, r.nextDouble() < 0.3, cardiomegaly ? 1.45 : 1.0, r.nextDouble() < 0.2,
                r.nextDouble() < 0.2, r.nextDouble() < 0.15, 0.85 + 0.3 * r.nextDouble(), r.nextLong());
    }

    /** The planted findings, as CXR14 codes. */
    List<String> findings() {
        List<String> codes = new ArrayList<>();
        if (heartScale > 1.2) codes.add("Cardiomegaly");
        if (effusion) codes.add("Effusion");
        if (nodule) codes.add("Nodule");
        if (pneumothorax) codes.add("Pneumothorax");
        return codes;
    }

    byte[] png(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(size / 100.0, size / 100.0);
        draw(g);
        g.dispose();
        BufferedImage soft = new ConvolveOp(new Kernel(3, 3, new float[] {1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f,
                1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f}), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        addNoise(soft);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(soft, "png", out);
        return out.toByteArray();
    }

    private void draw(Graphics2D g) {
        double w = child ? 0.8 : 1.0;                          // children: narrower, relatively bigger heart
        g.setColor(grey(12));
        g.fillRect(0, 0, 100, 100);
        g.setColor(grey(105));                                  // soft tissue of the trunk and shoulders
        g.fill(new Ellipse2D.Double(50 - 46 * w, 8, 92 * w, 110));
        g.setColor(grey(38));                                   // lungs
        g.fill(new Ellipse2D.Double(50 - 36 * w, 18, 30 * w, 62));
        g.fill(new Ellipse2D.Double(50 + 6 * w, 18, 30 * w, 62));
        if (pneumothorax) {                                     // collapsed right lung, no markings beyond the edge
            g.setColor(grey(20));
            g.fill(new Ellipse2D.Double(50 - 36 * w, 18, 30 * w, 62));
            g.setColor(grey(60));
            g.fill(new Ellipse2D.Double(50 - 28 * w, 28, 20 * w, 44));
        }
        g.setColor(grey(150));                                  // spine and mediastinum
        g.fill(new java.awt.geom.Rectangle2D.Double(46, 5, 8, 90));
        double heart = 26 * heartScale * (child ? 1.1 : 1.0);   // heart sits left of the patient = image right
        g.setColor(grey(165));
        g.fill(new Ellipse2D.Double(50 - heart * 0.35, 56 - heart * 0.35, heart, heart * 0.72));
        g.setStroke(new BasicStroke(1.6f));
        g.setColor(grey(135));                                  // ribs
        for (int i = 0; i < 9; i++) {
            double y = 18 + i * 6.5;
            g.draw(new Arc2D.Double(50 - 38 * w, y, 36 * w, 14, 20, 150, Arc2D.OPEN));
            g.draw(new Arc2D.Double(50 + 2 * w, y, 36 * w, 14, 10, 150, Arc2D.OPEN));
        }
        g.setStroke(new BasicStroke(2.2f));                     // clavicles
        g.draw(new Arc2D.Double(50 - 36 * w, 12, 34 * w, 10, 0, 160, Arc2D.OPEN));
        g.draw(new Arc2D.Double(50 + 2 * w, 12, 34 * w, 10, 20, 160, Arc2D.OPEN));
        g.setColor(grey(120));                                  // diaphragm domes and abdomen
        g.fill(new Ellipse2D.Double(50 - 38 * w, 72, 36 * w, 40));
        g.fill(new Ellipse2D.Double(50 + 2 * w, 74, 36 * w, 40));
        if (effusion) {                                         // blunted left costophrenic angle, meniscus
            g.setColor(grey(125));
            g.fill(new Ellipse2D.Double(50 + 14 * w, 62, 26 * w, 24));
        }
        if (nodule) {
            g.setColor(grey(110));
            g.fill(new Ellipse2D.Double(50 - 26 * w, 34, 4, 4));
        }
    }

    private Color grey(int value) {
        int v = (int) Math.max(0, Math.min(255, Math.round(value * exposure)));
        return new Color(v, v, v);
    }

    private void addNoise(BufferedImage image) {
        Random noise = new Random(noiseSeed);
        var raster = image.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = raster.getSample(x, y, 0) + (int) Math.round(noise.nextGaussian() * 4);
                raster.setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
    }
}
