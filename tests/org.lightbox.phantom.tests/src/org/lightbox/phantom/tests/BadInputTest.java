package org.lightbox.phantom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.phantom.Defect;
import org.lightbox.phantom.Device;
import org.lightbox.phantom.DeviceRule;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomSetWriter;
import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.ReaderProfile;

/** Bad requests fail at once with a message naming the problem, and leave files alone. */
class BadInputTest {

    @TempDir
    Path dir;

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    @DisplayName("A size outside 128–1024, a rate outside 0–1, defect rates above 1 in total and duplicate readers are refused by name")
    void configurationErrors() {
        PhantomConfig config = PhantomConfig.defaults();
        assertTrue(message(IllegalArgumentException.class, () -> config.withSize(2048)).contains("128 to 1024 pixels, got 2048"));
        assertTrue(message(IllegalArgumentException.class, () -> config.withPrevalence(PlantedFinding.NODULE, 1.5))
                .contains("prevalence of NODULE must be a probability from 0 to 1, got 1.5"));
        PhantomConfig heavy = config.withDefectRate(Defect.LATERAL, 0.4).withDefectRate(Defect.INVERTED, 0.4);
        assertTrue(message(IllegalArgumentException.class, () -> heavy.withDefectRate(Defect.NON_CHEST, 0.2))
                .contains("add up to"));
        assertTrue(message(IllegalArgumentException.class, () -> config.withReaders(List.of(
                new ReaderProfile("r1", "One", 0.9, 0.9, 0, 0), new ReaderProfile("r1", "Two", 0.9, 0.9, 0, 0))))
                .contains("two readers have the id r1"));
        assertTrue(message(IllegalArgumentException.class, () -> new DeviceRule(Device.PACEMAKER, null, 0.2, 0.1))
                .contains("no linked finding"));
        assertTrue(message(IllegalArgumentException.class, () -> PhantomEncoder.named("tiff"))
                .contains("unknown image format 'tiff'"));
        assertTrue(message(IllegalArgumentException.class, () -> PhantomGenerator.render(PhantomTruth.specimen("x", 1), 64))
                .contains("128 to 1024 pixels, got 64"));
        assertTrue(message(IllegalArgumentException.class, () -> PhantomTruth.specimen("x", 1).withCardiothoracicRatio(0.95))
                .contains("cannot be drawn"));
    }

    @Test
    @DisplayName("Writing into a folder that holds a phantom set already fails before any file is touched")
    void refusesToOverwrite() throws IOException {
        PhantomSetWriter writer = new PhantomSetWriter(
                new PhantomGenerator(PhantomConfig.defaults().withSize(128), 3), PhantomEncoder.png8(), 2);
        writer.write(dir, 5);
        Path manifest = dir.resolve(PhantomSetWriter.MANIFEST);
        String before = Files.readString(manifest);
        long modified = Files.getLastModifiedTime(manifest).toMillis();
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> writer.write(dir, 8));
        assertTrue(e.getMessage().contains("holds a phantom set already"), e.getMessage());
        assertEquals(before, Files.readString(manifest));
        assertEquals(modified, Files.getLastModifiedTime(manifest).toMillis());
        try (Stream<Path> images = Files.list(dir.resolve(PhantomSetWriter.IMAGES))) {
            assertEquals(5, images.count(), "no image added");
        }
    }

    @Test
    @DisplayName("An image file in the way stops the whole write: no manifest, no other image is written")
    void refusesToOverwriteAnImage() throws IOException {
        PhantomGenerator generator = new PhantomGenerator(PhantomConfig.defaults().withSize(128), 3);
        Path images = Files.createDirectories(dir.resolve(PhantomSetWriter.IMAGES));
        Path inTheWay = images.resolve(generator.truth(2).imageId() + ".png");
        Files.writeString(inTheWay, "mine");
        PhantomSetWriter writer = new PhantomSetWriter(generator, PhantomEncoder.png8(), 1);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> writer.write(dir, 5));
        assertTrue(e.getMessage().contains("would overwrite"), e.getMessage());
        assertEquals("mine", Files.readString(inTheWay));
        assertTrue(Files.notExists(dir.resolve(PhantomSetWriter.MANIFEST)));
        try (Stream<Path> files = Files.list(images)) {
            assertEquals(1, files.count());
        }
    }
}
