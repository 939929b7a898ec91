package org.lightbox.phantom.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.phantom.Defect;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomImage;
import org.lightbox.phantom.PhantomTruth;

/** Our PNG files as other software reads them: the JDK's ImageIO decoder and ImageMagick. */
class PngFileTest {

    @TempDir
    Path dir;

    private static final PhantomTruth TRUTH = PhantomTruth.specimen("png", 5);

    @Test
    @DisplayName("ImageIO decodes a 16-bit phantom PNG to exactly the rendered values")
    void sixteenBitRoundTrip() throws IOException {
        PhantomImage image = PhantomGenerator.render(TRUTH, 200);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PhantomEncoder.png16().encode(image, TRUTH)));
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, read.getType());
        assertArrayEquals(image.pixels(), ((DataBufferUShort) read.getRaster().getDataBuffer()).getData());
    }

    @Test
    @DisplayName("ImageIO decodes an 8-bit phantom PNG to the high bytes of the rendered values")
    void eightBitRoundTrip() throws IOException {
        PhantomImage image = PhantomGenerator.render(TRUTH, 200);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PhantomEncoder.png8().encode(image, TRUTH)));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, read.getType());
        assertArrayEquals(image.toGrey8(), ((DataBufferByte) read.getRaster().getDataBuffer()).getData());
    }

    @Test
    @DisplayName("ImageMagick sees a 16-bit grey 256×256 PNG, and its '-rotate 90' of the upright phantom equals our ROTATED_90 phantom")
    void imageMagickAgrees() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/convert")) && Files.isExecutable(Path.of("/usr/bin/identify")),
                "skipped: ImageMagick (/usr/bin/convert, identify) is not installed");
        Path upright = dir.resolve("upright.png");
        Files.write(upright, PhantomEncoder.png16().encode(PhantomGenerator.render(TRUTH, 256), TRUTH));
        // identify -format '%w %h %z %[colorspace]' upright.png  →  "256 256 16 Gray"
        assertEquals("256 256 16 Gray", run("/usr/bin/identify", "-format", "%w %h %z %[colorspace]", upright.toString()));
        Path turned = dir.resolve("turned.png");
        run("/usr/bin/convert", upright.toString(), "-rotate", "90", turned.toString());
        BufferedImage magick = ImageIO.read(turned.toFile());
        PhantomImage ours = PhantomGenerator.render(TRUTH.withDefect(Defect.ROTATED_90), 256);
        short[] theirs = new short[256 * 256];
        magick.getRaster().getDataElements(0, 0, 256, 256, theirs);
        assertArrayEquals(ours.pixels(), theirs);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(List.of(command) + " failed: " + out);
        }
        return out;
    }

}
