package org.lightbox.phantom.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.phantom.Defect;
import org.lightbox.phantom.Device;
import org.lightbox.phantom.DeviceRule;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomImage;
import org.lightbox.phantom.PlantedFinding;

/**
 * Normal phantoms against the real NIH ChestX-ray14 films in ../shared/data/cxr14/images: the mean
 * horizontal profile across the chest (rows 30–60 %: lung, mediastinum, lung) and the mean vertical
 * profile (columns 20–80 %: neck, lungs, diaphragm, abdomen) must have the same shape. The two halves
 * of the real films agree at r = 0.98 (horizontal) and 0.996 (vertical); the phantoms must reach 0.75
 * and 0.90, and their mean grey level must lie within 0.1 of the real films'.
 */
class RealFilmTest {

    private static final int N = 128;

    @Test
    @DisplayName("Normal phantoms have the horizontal and vertical intensity profiles of real ChestX-ray14 films (r ≥ 0.75 and ≥ 0.90)")
    void profilesMatchRealFilms() throws IOException {
        Path images = sharedImages();
        double[] realColumns = new double[N];
        double[] realRows = new double[N];
        int real = 0;
        try (Stream<Path> files = Files.list(images)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                    continue;                                   // the four RGBA files of the set
                }
                add(realColumns, realRows, reduce(image.getRaster(), 255.0));
                real++;
            }
        }
        assumeTrue(real >= 20, "skipped: fewer than 20 grey CXR14 PNGs in " + images);
        PhantomGenerator generator = new PhantomGenerator(normalsOnly(), 99);
        double[] columns = new double[N];
        double[] rows = new double[N];
        int phantoms = 40;
        for (int i = 0; i < phantoms; i++) {
            PhantomImage image = generator.render(generator.truth(i));
            double[] grey = new double[N * N];
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    grey[y * N + x] = image.value(x, y) / 65520.0;
                }
            }
            add(columns, rows, grey);
        }
        double across = correlation(columns, realColumns);
        double down = correlation(rows, realRows);
        double meanDifference = Math.abs(mean(rows) / phantoms - mean(realRows) / real) / (0.6 * N);
        String report = String.format("across r = %.3f, down r = %.3f, mean grey differs by %.3f (%d real films, %d phantoms)",
                across, down, meanDifference, real, phantoms);
        System.out.println("[phantom vs CXR14] " + report);
        assertTrue(across >= 0.75 && down >= 0.90 && meanDifference <= 0.1, report);
    }

    private static PhantomConfig normalsOnly() {
        PhantomConfig config = PhantomConfig.defaults().withSize(N);
        for (PlantedFinding f : PlantedFinding.values()) {
            config = config.withPrevalence(f, 0);
        }
        for (Defect d : Defect.values()) {
            config = config.withDefectRate(d, 0);
        }
        for (Device d : Device.values()) {
            config = config.withDevice(DeviceRule.independent(d, 0));
        }
        return config;
    }

    /** Box-averages a square film down to N×N grey values 0..1. */
    private static double[] reduce(Raster raster, double white) {
        int factor = raster.getWidth() / N;
        double[] grey = new double[N * N];
        for (int y = 0; y < N * factor; y++) {
            for (int x = 0; x < N * factor; x++) {
                grey[(y / factor) * N + x / factor] += raster.getSample(x, y, 0) / white / (factor * factor);
            }
        }
        return grey;
    }

    private static void add(double[] columns, double[] rows, double[] grey) {
        for (int y = (int) (0.3 * N); y < (int) (0.6 * N); y++) {
            for (int x = 0; x < N; x++) {
                columns[x] += grey[y * N + x];
            }
        }
        for (int y = 0; y < N; y++) {
            for (int x = (int) (0.2 * N); x < (int) (0.8 * N); x++) {
                rows[y] += grey[y * N + x];
            }
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static Path sharedImages() {
        String shared = System.getProperty("lightbox.shared");
        Path images = shared == null || shared.isBlank() ? null : Path.of(shared, "data", "cxr14", "images");
        assumeTrue(images != null && Files.isDirectory(images), () -> "skipped: the shared CXR14 images are absent"
                + " (set -Dlightbox.shared to the shared folder; it was " + shared + ")");
        return images;
    }

}
