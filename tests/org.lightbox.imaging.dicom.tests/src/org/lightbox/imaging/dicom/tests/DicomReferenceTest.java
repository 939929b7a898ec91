package org.lightbox.imaging.dicom.tests;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.ImageHeaderReader;

/**
 * Every file under {@code <lightbox.shared>/data/dicom} against what dcmtk, OpenJPEG and pydicom made of it
 * ({@code releng/dicom-reference/make-references.sh} wrote the fixtures under {@code reference/dicom/}).
 *
 * <p>Lossless transfer syntaxes must match exactly: header fields, min, max and sum of the values after the
 * modality LUT, 25 values on a 5×5 grid, and the SHA-256 of all grey values, for the first and the last frame.
 * Lossy ones (JPEG baseline and extended, JPEG 2000 .91) are compared within {@value #LOSSY_TOLERANCE} per
 * value and half that for the mean: JPEG decoders may legitimately differ in their inverse DCT and
 * rounding. Measured when this test was written: the JDK's JPEG reader agrees exactly with dcmtk's IJG code for
 * 8-bit baseline (both are IJG's integer IDCT); our floating-point 12-bit decoder differs from IJG by at most 1
 * (JPEG-lossy.dcm, JPGExtended.dcm); OpenJPEG and jai-imageio agree exactly on JPEG2000.dcm.
 */
@DisplayName("Every shared DICOM file against dcmtk, OpenJPEG and pydicom")
class DicomReferenceTest {

    static final double LOSSY_TOLERANCE = 1;
    private static final String DICOM = "(" + ImageDecoder.FORMAT_PROPERTY + "=dicom)";

    /** Files the reference tools decode and we refuse, each with our reason and why. */
    private static final Map<String, Refusal> REFUSED = Map.ofEntries(
            jpegLs("pydicom/MR_small_jpeg_ls_lossless.dcm", "JPEG-LS (1.2.840.10008.1.2.4.80)"),
            jpegLs("pydicom/JPEGLSNearLossless_08.dcm", "JPEG-LS Near-lossless (1.2.840.10008.1.2.4.81)"),
            jpegLs("pydicom/JPEGLSNearLossless_16.dcm", "JPEG-LS Near-lossless (1.2.840.10008.1.2.4.81)"),
            jpegLs("pydicom/SC_rgb_jls_lossy_line.dcm", "JPEG-LS Near-lossless (1.2.840.10008.1.2.4.81)"),
            jpegLs("pydicom/SC_rgb_jls_lossy_sample.dcm", "JPEG-LS Near-lossless (1.2.840.10008.1.2.4.81)"),
            // grey values are 32-bit signed ints; these unsigned 32-bit RGB pixels have luma up to 2^32 − 1
            entry("pydicom/SC_rgb_rle_32bit.dcm", new Refusal(Reason.UNSUPPORTED_IMAGE, "unsupported sample values")),
            entry("pydicom/SC_rgb_rle_32bit_2frame.dcm",
                    new Refusal(Reason.UNSUPPORTED_IMAGE, "unsupported sample values")),
            // palette colour is not converted to grey (yet); dcmtk and pydicom return the palette indices
            entry("pydicom/examples_palette.dcm", new Refusal(Reason.UNSUPPORTED_IMAGE,
                    "unsupported photometric interpretation PALETTE COLOR")));

    /** Files the reference tools cannot decode either, with the reason we give. */
    private static final Map<String, Refusal> BOTH_FAIL = Map.of(
            // 4 code-stream bytes replaced by a sequence delimiter: OpenJPEG "failed to read the header" too
            "pydicom/JPEG2000-embedded-sequence-delimiter.dcm",
            new Refusal(Reason.UNSUPPORTED_IMAGE, "cannot decode the JPEG 2000 data"),
            // explicit VR announced, implicit VR written: dcmdump stops at "premature end of stream" too
            "pydicom/SC_rgb_jpeg.dcm", new Refusal(Reason.NOT_RECOGNISED, "malformed DICOM file"));

    private static ImageHeaderReader headers;
    private static ImageDecoder decoder;

    record Refusal(Reason reason, String messageStart) {
    }

    private static Map.Entry<String, Refusal> jpegLs(String file, String syntax) {
        // no pure-Java JPEG-LS decoder is on Maven Central; dcmtk's dcmdjpls decodes these
        return entry(file, new Refusal(Reason.UNSUPPORTED_TRANSFER_SYNTAX, "unsupported transfer syntax " + syntax));
    }

    @BeforeAll
    static void lookUpServices() {
        headers = Services.get(ImageHeaderReader.class, DICOM);
        decoder = Services.get(ImageDecoder.class, DICOM);
    }

    static Stream<String> sharedFiles() throws IOException {
        String shared = System.getProperty("lightbox.shared");
        Path root = shared == null ? null : Path.of(shared, "data", "dicom");
        if (root == null || !Files.isDirectory(root)) {
            return Stream.of("(shared data absent)");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !isSidecar(p.getFileName().toString()))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList().stream();
        }
    }

    /** The same rule as make-references.sh: descriptions, licences and expected-value dumps are not images. */
    static boolean isSidecar(String name) {
        return name.endsWith(".json") || name.endsWith(".printed") || name.endsWith(".txt") || name.endsWith(".icc")
                || name.endsWith(".dump") || name.startsWith("README") || name.startsWith("LICENSE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedFiles")
    @DisplayName("decodes like the reference tools, or is refused for the listed reason")
    void matchesReference(String relative) throws Exception {
        assumeTrue(!relative.startsWith("("), "skipped: shared test data not found (system property lightbox.shared)");
        Path file = SharedData.file("dicom/" + relative);
        ReferenceFixture fixture = Fixtures.of(relative);
        Refusal refusal = REFUSED.containsKey(relative) ? REFUSED.get(relative) : BOTH_FAIL.get(relative);
        if (refusal != null) {
            DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(file));
            assertEquals(refusal.reason(), e.reason(), e::toString);
            assertTrue(e.getMessage().startsWith(refusal.messageStart()), e::getMessage);
            assertEquals(REFUSED.containsKey(relative), fixture.decodable(), "the reference tools' verdict changed");
            return;
        }
        switch (fixture.category()) {
            case "not_dicom" -> refusedBoth(file, Reason.NOT_RECOGNISED);
            case "no_pixel_data" -> refusedBoth(file, Reason.NO_PIXEL_DATA);
            case "truncated" -> assertEquals(Reason.TRUNCATED,
                    assertThrows(DecodeException.class, () -> decoder.decode(file)).reason());
            case "bad_header" -> badHeader(relative, file);
            default -> decodes(relative, file, fixture);
        }
    }

    private static void refusedBoth(Path file, Reason reason) {
        DecodeException header = assertThrows(DecodeException.class, () -> headers.readHeader(file));
        DecodeException pixels = assertThrows(DecodeException.class, () -> decoder.decode(file));
        assertEquals(reason, header.reason(), header::toString);
        assertEquals(reason, pixels.reason(), pixels::toString);
    }

    /*
     * badVR.dcm has Number of Frames "1A", which pydicom refuses (int("1A")) while dcmdump prints it and reads on.
     * We read one frame of 10×10 32-bit values (dcmdump: Rows 10, Columns 10, Bits Allocated 32).
     */
    private static void badHeader(String relative, Path file) throws DecodeException {
        assertEquals("pydicom/badVR.dcm", relative, "an unexpected file with a header pydicom refuses");
        ImageHeader header = headers.readHeader(file);
        assertAll(() -> assertEquals(10, header.rows()), () -> assertEquals(10, header.columns()),
                () -> assertEquals(32, header.bitsAllocated()), () -> assertEquals(1, header.frames()));
        assertEquals(10, decoder.decode(file).width());
    }

    private static void decodes(String relative, Path file, ReferenceFixture fixture) throws DecodeException {
        assertTrue(fixture.decodable(), () -> "reference says " + fixture.category() + ": " + fixture.reason());
        ImageHeader header = headers.readHeader(file);
        List<String> differences = new java.util.ArrayList<>(fixture.headerDifferences(header));
        if (relative.equals("pydicom/GDCMJ2K_TextGBR.dcm")) {
            // A JP2-wrapped, non-conformant YBR_RCT code stream on which OpenJPEG and jai-imageio disagree in 6.6% of
            // the samples (measured: 31,847 of 480,000, by up to 108): no pixel reference, it must decode.
            assertEquals(400, decoder.decode(file).width());
        } else if (relative.equals("fo-dicom/multiframe.dcm")) {
            // A tiled slide whose last tile (frame 139) is coded at 55×121: dcmtk copies those samples row after row
            // into the 240×240 frame, we put the tile at the top left. Frame 0 is compared; frame 139 is checked
            // in DicomFramesTest.
            ReferenceFixture first = new ReferenceFixture(Map.of("frames_checked",
                    List.of(fixture.framesChecked().get(0)), "lossy", true));
            differences.addAll(first.pixelDifferences(decoder, file, LOSSY_TOLERANCE));
        } else {
            differences.addAll(fixture.pixelDifferences(decoder, file, fixture.lossy() ? LOSSY_TOLERANCE : 0));
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
        GreyImage image = decoder.decode(file);
        if (header.samplesPerPixel() == 3) {
            assertTrue(image.notes().stream().anyMatch(n -> n.contains("colour frame")), image.notes()::toString);
        }
    }
}
