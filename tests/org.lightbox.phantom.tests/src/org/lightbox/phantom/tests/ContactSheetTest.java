package org.lightbox.phantom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.phantom.Defect;
import org.lightbox.phantom.Device;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomImage;
import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.Projection;
import org.lightbox.phantom.Side;

/** The phantoms as a person sees them: 48 tiles covering every finding, device and defect, saved for review. */
class ContactSheetTest {

    private static final int TILE = 256;
    private static final int COLUMNS = 8;
    private static final int LABEL = 18;

    private record Tile(String label, PhantomTruth truth) {
    }

    static List<Tile> tiles() {
        List<Tile> t = new ArrayList<>();
        PhantomTruth man = PhantomTruth.specimen("man", 11);
        PhantomTruth woman = PhantomTruth.specimen("woman", 12).withPatient(48, true);
        PhantomTruth old = PhantomTruth.specimen("old", 13).withPatient(81, true);
        PhantomTruth other = PhantomTruth.specimen("other", 14).withPatient(63, false);
        t.add(new Tile("normal PA, man 55", man));
        t.add(new Tile("normal PA, woman 48", woman));
        t.add(new Tile("normal AP, man 63", other.withProjection(Projection.AP)));
        t.add(new Tile("child 5, PA", PhantomTruth.specimen("child", 15).withPatient(5, false).withCardiothoracicRatio(0.47)));
        t.add(new Tile("child 12, AP", PhantomTruth.specimen("teen", 16).withPatient(12, true).withProjection(Projection.AP)));
        t.add(new Tile("normal AP, woman 81", old.withProjection(Projection.AP).withCardiothoracicRatio(0.48)));
        t.add(new Tile("normal PA, man 63", other));
        t.add(new Tile("normal PA, woman 81", old));
        t.add(new Tile("cardiomegaly CTR 0.58", man.withCardiothoracicRatio(0.58)));
        t.add(new Tile("cardiomegaly CTR 0.66, AP", woman.withCardiothoracicRatio(0.66).withProjection(Projection.AP)));
        t.add(new Tile("effusion, right", man.withFinding(PlantedFinding.EFFUSION, Side.RIGHT, 0)));
        t.add(new Tile("effusion, left", woman.withFinding(PlantedFinding.EFFUSION, Side.LEFT, 0)));
        t.add(new Tile("effusion, both sides", old.withFinding(PlantedFinding.EFFUSION, Side.BOTH, 0)));
        t.add(new Tile("pneumothorax, left", man.withFinding(PlantedFinding.PNEUMOTHORAX, Side.LEFT, 0)));
        t.add(new Tile("pneumothorax, right", other.withFinding(PlantedFinding.PNEUMOTHORAX, Side.RIGHT, 0)));
        t.add(new Tile("consolidation, right", man.withFinding(PlantedFinding.CONSOLIDATION, Side.RIGHT, 0)));
        t.add(new Tile("consolidation, left", woman.withFinding(PlantedFinding.CONSOLIDATION, Side.LEFT, 0)));
        t.add(new Tile("consolidation, both", other.withFinding(PlantedFinding.CONSOLIDATION, Side.BOTH, 0)));
        t.add(new Tile("atelectasis, right", man.withFinding(PlantedFinding.ATELECTASIS, Side.RIGHT, 0)));
        t.add(new Tile("atelectasis, left", other.withFinding(PlantedFinding.ATELECTASIS, Side.LEFT, 0)));
        t.add(new Tile("nodule 12 mm, right", man.withFinding(PlantedFinding.NODULE, Side.RIGHT, 12)));
        t.add(new Tile("nodule 25 mm, left", woman.withFinding(PlantedFinding.NODULE, Side.LEFT, 25)));
        t.add(new Tile("mass 45 mm, right", other.withFinding(PlantedFinding.MASS, Side.RIGHT, 45)));
        t.add(new Tile("mass 65 mm, left", man.withFinding(PlantedFinding.MASS, Side.LEFT, 65)));
        t.add(new Tile("drain + pneumothorax", man.withFinding(PlantedFinding.PNEUMOTHORAX, Side.RIGHT, 0).withDevice(Device.CHEST_DRAIN)));
        t.add(new Tile("drain, no pneumothorax", woman.withDevice(Device.CHEST_DRAIN)));
        t.add(new Tile("drain + effusion", old.withFinding(PlantedFinding.EFFUSION, Side.LEFT, 0).withDevice(Device.CHEST_DRAIN)));
        t.add(new Tile("pacemaker", other.withDevice(Device.PACEMAKER)));
        t.add(new Tile("pacemaker + cardiomegaly", old.withDevice(Device.PACEMAKER).withCardiothoracicRatio(0.6)));
        t.add(new Tile("ECG leads", man.withDevice(Device.ECG_LEADS)));
        t.add(new Tile("ECG leads, AP", woman.withDevice(Device.ECG_LEADS).withProjection(Projection.AP)));
        t.add(new Tile("drain + pacemaker + ECG", other.withProjection(Projection.AP).withDevice(Device.ECG_LEADS)
                .withDevice(Device.PACEMAKER).withDevice(Device.CHEST_DRAIN).withFinding(PlantedFinding.PNEUMOTHORAX, Side.LEFT, 0)));
        for (Defect d : Defect.values()) {
            t.add(new Tile("broken: " + d.code(), man.withDefect(d)));
        }
        t.add(new Tile("broken: lateral (woman)", woman.withDefect(Defect.LATERAL)));
        t.add(new Tile("broken: non-chest (other)", other.withDefect(Defect.NON_CHEST)));
        t.add(new Tile("inverted + effusion", woman.withFinding(PlantedFinding.EFFUSION, Side.RIGHT, 0).withDefect(Defect.INVERTED)));
        t.add(new Tile("child + consolidation", PhantomTruth.specimen("child2", 17).withPatient(7, true)
                .withFinding(PlantedFinding.CONSOLIDATION, Side.RIGHT, 0).withCardiothoracicRatio(0.48)));
        t.add(new Tile("effusion + consolidation", other.withFinding(PlantedFinding.CONSOLIDATION, Side.RIGHT, 0)
                .withFinding(PlantedFinding.EFFUSION, Side.RIGHT, 0)));
        t.add(new Tile("cardiomegaly + effusions", old.withCardiothoracicRatio(0.62).withFinding(PlantedFinding.EFFUSION, Side.BOTH, 0)
                .withProjection(Projection.AP)));
        t.add(new Tile("nodule + mass + atelectasis", woman.withFinding(PlantedFinding.NODULE, Side.RIGHT, 18)
                .withFinding(PlantedFinding.MASS, Side.LEFT, 50).withFinding(PlantedFinding.ATELECTASIS, Side.RIGHT, 0)));
        t.add(new Tile("ICU: AP, ECG, consolidation", man.withProjection(Projection.AP).withDevice(Device.ECG_LEADS)
                .withFinding(PlantedFinding.CONSOLIDATION, Side.BOTH, 0)));
        return t;
    }

    @Test
    @DisplayName("A contact sheet of 48 phantoms (normal, each finding, each device, each broken kind) is saved as target/screenshots/phantom-contact-sheet.png")
    void contactSheet() throws IOException {
        List<Tile> tiles = tiles();
        assertEquals(48, tiles.size());
        int rows = tiles.size() / COLUMNS;
        BufferedImage sheet = new BufferedImage(COLUMNS * TILE, rows * (TILE + LABEL), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        for (int i = 0; i < tiles.size(); i++) {
            int x = (i % COLUMNS) * TILE;
            int y = (i / COLUMNS) * (TILE + LABEL);
            PhantomImage image = PhantomGenerator.render(tiles.get(i).truth(), TILE);
            sheet.getRaster().setDataElements(x, y + LABEL, TILE, TILE, image.toGrey8());
            label(g, tiles.get(i).label(), x + 4, y + LABEL - 5);
        }
        g.dispose();
        Path file = screenshots().resolve("phantom-contact-sheet.png");
        ImageIO.write(sheet, "png", file.toFile());
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(COLUMNS * TILE, back.getWidth());
        assertEquals(rows * (TILE + LABEL), back.getHeight());
    }

    @Test
    @DisplayName("Rotated and inverted phantoms are the upright phantom turned clockwise by 90, 180, 270 degrees, or negated (12-bit white 65520 minus the value), pixel for pixel")
    void pixelDefectsAreExact() {
        PhantomTruth upright = PhantomTruth.specimen("upright", 21).withFinding(PlantedFinding.EFFUSION, Side.LEFT, 0);
        int n = 160;
        PhantomImage base = PhantomGenerator.render(upright, n);
        PhantomImage r90 = PhantomGenerator.render(upright.withDefect(Defect.ROTATED_90), n);
        PhantomImage r180 = PhantomGenerator.render(upright.withDefect(Defect.ROTATED_180), n);
        PhantomImage r270 = PhantomGenerator.render(upright.withDefect(Defect.ROTATED_270), n);
        PhantomImage inverted = PhantomGenerator.render(upright.withDefect(Defect.INVERTED), n);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int v = base.value(x, y);
                // clockwise: the top-left corner goes to the top-right
                assertEquals(v, r90.value(n - 1 - y, x));
                assertEquals(v, r180.value(n - 1 - x, n - 1 - y));
                assertEquals(v, r270.value(y, n - 1 - x));
                assertEquals(65520 - v, inverted.value(x, y));
            }
        }
    }

    private static void label(Graphics2D g, String text, int x, int y) {
        try {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(text, x, y);
        } catch (RuntimeException | Error e) {
            // a machine without fonts still gets the sheet, unlabelled
            System.err.println("contact sheet: cannot draw labels (" + e + ")");
        }
    }

    static Path screenshots() throws IOException {
        String configured = System.getProperty("lightbox.screenshots");
        Path dir = configured == null || configured.isBlank() ? Path.of("target", "screenshots") : Path.of(configured);
        return Files.createDirectories(dir);
    }
}
