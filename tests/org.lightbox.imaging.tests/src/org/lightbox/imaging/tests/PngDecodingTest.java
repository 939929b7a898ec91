package org.lightbox.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Window;

@DisplayName("PNG decoding")
class PngDecodingTest {

    private static ImageDecoder png;

    @TempDir
    Path temp;

    @BeforeAll
    static void lookUpDecoder() {
        png = Services.get(ImageDecoder.class, "(" + ImageDecoder.FORMAT_PROPERTY + "=png)");
    }

    /*
     * Expected values from ImageMagick 6.9 (Debian), one pixel at a time:
     *   /usr/bin/convert 00000001_000.png -crop 1x1+X+Y +repage txt:-
     *   /usr/bin/convert 00000001_000.png -format "%[min] %[max]\n" info:      -> 0 65535 (Q16, i.e. 0 and 255)
     * for (X,Y) = (0,0) (512,512) (100,700) (1023,1023) (300,200).
     */
    @Test
    @DisplayName("An 8-bit grey CXR14 PNG decodes to 1024×1024 with the grey levels ImageMagick reports")
    void eightBitGreyPng() throws DecodeException {
        Path file = SharedData.file("cxr14/images/00000001_000.png");
        assertTrue(png.canDecode(file));
        GreyImage image = png.decode(file);
        assertEquals(1024, image.width());
        assertEquals(1024, image.height());
        assertEquals(202, image.stored(0, 0));
        assertEquals(198, image.stored(512, 512));
        assertEquals(162, image.stored(100, 700));
        assertEquals(0, image.stored(1023, 1023));
        assertEquals(88, image.stored(300, 200));
        assertEquals(0, image.minStored());
        assertEquals(255, image.maxStored());
        assertEquals(List.of(), image.notes(), "a grey PNG needs no conversion");
        assertFalse(image.isMonochrome1());
    }

    /*
     * ImageMagick: /usr/bin/convert 00000004_000.png -crop 1x1+X+Y +repage txt:-  gives (R,G,B,A) =
     * (5,5,5,255) (202,202,202,255) (255,255,255,255) (0,0,0,255) (196,196,196,255) at the same five points;
     * /usr/bin/convert 00000004_000.png -alpha off -fx "(r==g)&&(g==b)" -format "%[min]" info:  -> 65535 (all equal).
     */
    @Test
    @DisplayName("An RGBA CXR14 PNG decodes to the grey of its equal channels and says it converted")
    void rgbaPng() throws DecodeException {
        GreyImage image = png.decode(SharedData.file("cxr14/images/00000004_000.png"));
        assertEquals(1024, image.width());
        assertEquals(1024, image.height());
        assertEquals(5, image.stored(0, 0));
        assertEquals(202, image.stored(512, 512));
        assertEquals(255, image.stored(100, 700));
        assertEquals(0, image.stored(1023, 1023));
        assertEquals(196, image.stored(300, 200));
        assertTrue(image.notes().stream().anyMatch(n -> n.startsWith("RGBA image")), image.notes()::toString);
        assertTrue(image.notes().stream().anyMatch(n -> n.startsWith("alpha channel ignored (all pixels opaque)")),
                image.notes()::toString);
    }

    @Test
    @DisplayName("A 16-bit grey PNG keeps every one of its 16-bit values")
    void sixteenBitPng() throws IOException, DecodeException {
        int w = 40;
        int h = 30;
        int[] written = new int[w * h];
        for (int i = 0; i < written.length; i++) {
            written[i] = (i * 977) % 65536;
        }
        written[0] = 65535;
        written[1] = 0;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        raster.setSamples(0, 0, w, h, 0, written);
        Path file = temp.resolve("ramp16.png");
        assertTrue(ImageIO.write(image, "png", file.toFile()), "the JDK writes 16-bit grey PNGs");

        GreyImage decoded = png.decode(file);
        int[] read = new int[w * h];
        decoded.storedValues().get(read);
        assertTrue(Arrays.equals(written, read), "stored values differ from those written");
        assertEquals(65535, decoded.maxStored());
        Window full = decoded.defaultWindow();
        assertEquals(32768, full.centre());
        assertEquals(65536, full.width());
        assertEquals(255, decoded.toGrey8(full).grey(0, 0));
        assertEquals(0, decoded.toGrey8(full).grey(1, 0));
    }

    @Test
    @DisplayName("A text file is refused as not a PNG or JPEG file")
    void notAnImage() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.png"), "these are not pixels\n");
        assertFalse(png.canDecode(file));
        DecodeException e = assertThrows(DecodeException.class, () -> png.decode(file));
        assertEquals(DecodeException.Reason.NOT_RECOGNISED, e.reason());
        assertTrue(e.getMessage().startsWith("not a PNG or JPEG file"), e.getMessage());
    }

    @Test
    @DisplayName("A PNG cut in half is reported as truncated")
    void truncatedPng() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file("cxr14/images/00000001_000.png"));
        Path file = Files.write(temp.resolve("half.png"), Arrays.copyOf(whole, whole.length / 2));
        DecodeException e = assertThrows(DecodeException.class, () -> png.decode(file));
        assertEquals(DecodeException.Reason.TRUNCATED, e.reason(), e::toString);
        assertTrue(e.getMessage().startsWith("truncated"), e.getMessage());
    }

    @Test
    @DisplayName("A missing file is reported as unreadable")
    void missingFile() {
        DecodeException e = assertThrows(DecodeException.class, () -> png.decode(temp.resolve("absent.png")));
        assertEquals(DecodeException.Reason.UNREADABLE, e.reason());
    }
}
