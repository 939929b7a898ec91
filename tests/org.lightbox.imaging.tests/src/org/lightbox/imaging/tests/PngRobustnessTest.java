package org.lightbox.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;

@DisplayName("PNG limits, fallbacks and damage")
class PngRobustnessTest {

    private static ImageDecoder png;

    @TempDir
    Path temp;

    @BeforeAll
    static void lookUpDecoder() {
        png = Services.get(ImageDecoder.class, "(" + ImageDecoder.FORMAT_PROPERTY + "=png)");
    }

    /** A PNG of only a header (ISO/IEC 15948 5.3: length, type, data, CRC-32 of type and data) and IEND. */
    private Path headerOnly(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IEND", new byte[0]);
        return Files.write(temp.resolve(width + "x" + height + ".png"), out.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    @DisplayName("A PNG whose header claims 100,000 × 100,000 pixels is refused as too large before any pixel is read")
    void tooLarge() throws Exception {
        DecodeException e = assertThrows(DecodeException.class, () -> png.decode(headerOnly(100_000, 100_000)));
        assertEquals(DecodeException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().startsWith("too large: a 100000×100000 png image needs"), e.getMessage());
    }

    @Test
    @DisplayName("A PNG header without image data is reported as truncated")
    void noImageData() throws Exception {
        DecodeException e = assertThrows(DecodeException.class, () -> png.decode(headerOnly(16, 16)));
        assertEquals(DecodeException.Reason.TRUNCATED, e.reason(), e::toString);
    }

    @Test
    @DisplayName("A palette PNG, which the direct path leaves to ImageIO, still decodes to its grey levels")
    void paletteFallsBackToImageIo() throws Exception {
        BufferedImage indexed = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        indexed.getRaster().setSamples(0, 0, 4, 2, 0, new int[] { 0, 50, 100, 150, 200, 250, 255, 5 });
        BufferedImage paletted = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_INDEXED);
        paletted.getGraphics().drawImage(indexed, 0, 0, null);
        Path file = temp.resolve("palette.png");
        assertTrue(ImageIO.write(paletted, "png", file.toFile()));
        GreyImage image = png.decode(file);
        assertEquals(4, image.width());
        assertTrue(image.notes().stream().anyMatch(n -> n.startsWith("palette")), image.notes()::toString);
    }

    @Test
    @DisplayName("A CXR14 PNG cut at 8 places or with bytes garbled throws nothing but DecodeException, decoded or"
            + " thumbnailed; a cut one is truncated")
    void damagedPngs() throws Exception {
        byte[] whole = Files.readAllBytes(SharedData.file("cxr14/images/00000001_000.png"));
        Random random = new Random(42);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] bytes = i < 8 ? Arrays.copyOf(whole, whole.length * (i + 1) / 9) : whole.clone();
            if (i >= 8) {
                for (int k = 0; k < 8; k++) {
                    bytes[8 + random.nextInt(bytes.length - 8)] = (byte) random.nextInt(256);
                }
            }
            Path file = Files.write(temp.resolve("damaged" + i + ".png"), bytes);
            try {
                png.decode(file);
            } catch (DecodeException expected) {
                // a specific reason is the contract
            } catch (Throwable t) {
                problems.add("copy " + i + ": " + t);
            }
            try {
                png.thumbnail(file, 128); // the streamed path meets the damage row by row
                if (i < 8) {
                    problems.add("copy " + i + " (cut) gave a thumbnail");
                }
            } catch (DecodeException expected) {
                if (i < 8 && expected.reason() != DecodeException.Reason.TRUNCATED) {
                    problems.add("copy " + i + " (cut) thumbnail: " + expected.getMessage());
                }
            } catch (Throwable t) {
                problems.add("copy " + i + " thumbnail: " + t);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }
}
