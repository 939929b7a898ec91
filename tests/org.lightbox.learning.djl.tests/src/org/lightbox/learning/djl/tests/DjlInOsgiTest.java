package org.lightbox.learning.djl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.learning.BatchSource;
import org.lightbox.learning.EngineInfo;
import org.lightbox.learning.LearningEngine;
import org.lightbox.learning.TrainingReport;
import org.lightbox.learning.TrainingRequest;
import org.lightbox.learning.djl.internal.DjlRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * DJL with the PyTorch engine inside Equinox: offline, natives extracted to a folder we choose, reached from a
 * thread whose context class loader knows nothing of DJL (as in the product, unlike tycho-surefire's default).
 */
class DjlInOsgiTest {

    private ClassLoader saved;

    @BeforeEach
    void productLikeContextClassLoader() {
        saved = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
    }

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(saved);
    }

    @Test
    @DisplayName("NDArrays compute 1..6 reshaped to 2x3, summed per row, as 6 and 15")
    void ndArraysCompute() {
        float[] rowSums = DjlRuntime.call(() -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray a = manager.arange(1f, 7f).reshape(new Shape(2, 3));
                return a.sum(new int[] {1}).toFloatArray();
            }
        });
        assertArrayEquals(new float[] {6f, 15f}, rowSums, 0f);
    }

    @Test
    @DisplayName("The engine is PyTorch 2.7.1, offline, with natives extracted to the configured folder")
    void engineIsOfflineWithNativesWhereWeChose() throws Exception {
        EngineInfo info = service().info();
        assertEquals("PyTorch", info.engine());
        assertEquals("2.7.1", info.version());
        assertTrue(info.offline(), "DJL must run with ai.djl.offline=true");
        Path configured = Path.of(System.getProperty("DJL_CACHE_DIR"));
        assertEquals(configured, info.nativeCache());
        try (Stream<Path> files = Files.walk(configured)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("libtorch_cpu")),
                    "libtorch_cpu should have been extracted under " + configured);
        }
    }

    @Test
    @DisplayName("Real training steps of a small CNN lower the loss on images with and without a bright blob")
    void smallCnnLearns() {
        int size = 32;
        int batch = 16;
        Random random = new Random(42);
        BatchSource blobs = step -> syntheticBatch(random, batch, size);
        TrainingReport report = service().train(new TrainingRequest(size, 1, 40, 0.01f, 7), blobs);

        assertEquals(40, report.losses().size());
        List<Float> losses = report.losses();
        double firstFive = losses.subList(0, 5).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double lastFive = losses.subList(35, 40).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        assertTrue(lastFive < 0.6 * firstFive, "loss should fall: first five " + firstFive + ", last five " + lastFive);
        assertTrue(report.parameterCount() > 5_000, "parameters: " + report.parameterCount());
        System.out.printf("small CNN: %d parameters, %.1f ms/step on %s, loss %.3f -> %.3f%n", report.parameterCount(),
                report.millisPerStep(), report.device(), firstFive, lastFive);
    }

    /** Half the images carry a bright square somewhere (label 1), the rest are noise only (label 0). */
    private static BatchSource.Batch syntheticBatch(Random random, int n, int size) {
        float[] pixels = new float[n * size * size];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            int base = i * size * size;
            for (int p = 0; p < size * size; p++) {
                pixels[base + p] = 0.3f + 0.1f * (float) random.nextGaussian();
            }
            if (random.nextBoolean()) {
                labels[i] = 1f;
                int x0 = random.nextInt(size - 8);
                int y0 = random.nextInt(size - 8);
                for (int y = y0; y < y0 + 8; y++) {
                    for (int x = x0; x < x0 + 8; x++) {
                        pixels[base + y * size + x] = 0.9f;
                    }
                }
            }
        }
        return new BatchSource.Batch(pixels, labels, n);
    }

    private static LearningEngine service() {
        Bundle bundle = FrameworkUtil.getBundle(DjlInOsgiTest.class);
        ServiceTracker<LearningEngine, LearningEngine> tracker =
                new ServiceTracker<>(bundle.getBundleContext(), LearningEngine.class, null);
        tracker.open();
        try {
            LearningEngine engine = tracker.waitForService(10_000);
            if (engine == null) {
                throw new AssertionError("no LearningEngine service registered through DS within 10 s");
            }
            return engine;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
