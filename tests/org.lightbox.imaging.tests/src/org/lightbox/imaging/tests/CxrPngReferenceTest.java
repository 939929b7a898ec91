package org.lightbox.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Thumbnails;
import org.osgi.framework.FrameworkUtil;

/**
 * The 96 real CXR14 PNGs against ImageMagick: {@code reference/cxr14-png.csv} was written by
 * {@code releng/dicom-reference/png_reference.py} from {@code identify} and {@code convert … gray:-}.
 */
@DisplayName("CXR14 PNGs against ImageMagick")
class CxrPngReferenceTest {

    private static ImageDecoder png;

    @BeforeAll
    static void lookUpDecoder() {
        png = Services.get(ImageDecoder.class, "(" + ImageDecoder.FORMAT_PROPERTY + "=png)");
    }

    static Stream<String> references() throws IOException {
        Enumeration<URL> found = FrameworkUtil.getBundle(CxrPngReferenceTest.class).findEntries("reference",
                "cxr14-png.csv", false);
        assertNotNull(found, "reference/cxr14-png.csv is missing: run releng/dicom-reference/make-references.sh");
        try (InputStream in = found.nextElement().openStream()) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("file,")).toList();
            assertEquals(96, lines.size(), "one reference line per CXR14 PNG");
            return lines.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    @DisplayName("decodes to ImageMagick's size, grey values and statistics")
    void matchesImageMagick(String line) throws Exception {
        String[] f = line.split(",");
        Path file = SharedData.file("cxr14/images/" + f[0]);
        GreyImage image = png.decode(file);
        assertEquals(Integer.parseInt(f[1]), image.width());
        assertEquals(Integer.parseInt(f[2]), image.height());
        assertEquals(Integer.parseInt(f[6]), image.minStored());
        assertEquals(Integer.parseInt(f[7]), image.maxStored());
        long sum = 0;
        byte[] grey = new byte[image.width() * image.height()];
        java.nio.IntBuffer values = image.storedValues();
        for (int i = 0; i < grey.length; i++) {
            int v = values.get(i);
            sum += v;
            grey[i] = (byte) v;
        }
        assertEquals(Long.parseLong(f[8]), sum);
        assertEquals(f[9], HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(grey)));
        for (String sample : f[10].split(" ")) {
            String[] xyv = sample.split(":");
            assertEquals(Integer.parseInt(xyv[2]), image.stored(Integer.parseInt(xyv[0]), Integer.parseInt(xyv[1])),
                    "at " + xyv[0] + "," + xyv[1]);
        }
        boolean colour = !f[3].startsWith("gray");
        assertEquals(colour, image.notes().stream().anyMatch(n -> n.startsWith(f[3].equals("srgba") ? "RGBA" : "RGB")),
                image.notes()::toString);
        if (colour) {
            assertEquals("yes", f[5], "ImageMagick found the colour channels equal");
        }
        // the grid's thumbnail (streamed for 8-bit grey files) is the decoded image's, byte for byte
        Grey8Image expected = Thumbnails.of(image, 128);
        Grey8Image streamed = png.thumbnail(file, 128);
        assertEquals(expected.width(), streamed.width());
        assertEquals(expected.height(), streamed.height());
        assertEquals(expected.pixels(), streamed.pixels(), "thumbnail pixels");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("All 96 CXR14 PNGs have a reference line, four of them RGBA")
    void everyPngHasAReference() throws IOException {
        Path folder = SharedData.file("cxr14/images/00000001_000.png").getParent();
        assumeTrue(Files.isDirectory(folder));
        List<String> lines = references().toList();
        try (Stream<Path> pngs = Files.list(folder)) {
            assertEquals(pngs.filter(p -> p.toString().endsWith(".png")).count(), lines.size());
        }
        assertEquals(4, lines.stream().filter(l -> l.split(",")[3].equals("srgba")).count());
        assertTrue(lines.stream().allMatch(l -> l.split(",")[4].equals("8")));
    }
}
