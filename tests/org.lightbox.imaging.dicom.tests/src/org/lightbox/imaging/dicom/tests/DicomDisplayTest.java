package org.lightbox.imaging.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.ImageHeaderReader;
import org.lightbox.imaging.LookupTable;
import org.lightbox.imaging.Window;
import org.lightbox.imaging.dicom.internal.DicomImageService;

import com.pixelmed.dicom.TransferSyntax;

@DisplayName("DICOM frames, presets, lookup tables and limits")
class DicomDisplayTest {

    private static final String DICOM = "(" + ImageDecoder.FORMAT_PROPERTY + "=dicom)";
    private static final String MULTIFRAME = "dicom/fo-dicom/multiframe.dcm";

    private static ImageHeaderReader headers;
    private static ImageDecoder decoder;

    @TempDir
    Path temp;

    @BeforeAll
    static void lookUpServices() {
        headers = Services.get(ImageHeaderReader.class, DICOM);
        decoder = Services.get(ImageDecoder.class, DICOM);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "CR-MONO1-10-chest.dcm", "CR-ModalitySequenceLUT.dcm", "GH538-jpeg1.dcm", "multiframe.dcm" })
    @DisplayName("The fo-dicom samples' headers match their DICOM JSON and their printed dump")
    void foDicomHeaders(String name) throws Exception {
        Path file = SharedData.file("dicom/fo-dicom/" + name);
        DicomJson json = new DicomJson(SharedData.file("dicom/fo-dicom/" + name + ".json"));
        String printed = Files.readString(SharedData.file("dicom/fo-dicom/" + name + ".printed"));
        ImageHeader h = headers.readHeader(file);
        assertAll(
                () -> assertEquals(json.first("00080018"), h.sopInstanceUid()),
                () -> assertEquals(json.first("00080060"), h.modality()),
                () -> assertEquals(json.integer("00280010"), h.rows()),
                () -> assertEquals(json.integer("00280011"), h.columns()),
                () -> assertEquals(json.has("00280008") ? json.integer("00280008") : 1, h.frames()),
                () -> assertEquals(json.integer("00280002"), h.samplesPerPixel()),
                () -> assertEquals(json.integer("00280100"), h.bitsAllocated()),
                () -> assertEquals(json.integer("00280101"), h.bitsStored()),
                () -> assertEquals(json.first("00280004"), h.photometricInterpretation()),
                () -> assertEquals(json.has("00281050") ? json.number("00281050") : Double.NaN,
                        h.windows().isEmpty() ? Double.NaN : h.windows().get(0).centre()),
                () -> assertEquals(printedNumber(printed, "0028,0010"), h.rows()),
                () -> assertEquals(printedNumber(printed, "0028,0011"), h.columns()),
                () -> assertEquals(printedNumber(printed, "0028,0100"), h.bitsAllocated()),
                () -> assertEquals(printedText(printed, "0028,0004"), h.photometricInterpretation()));
    }

    /** fo-dicom's dump: {@code (0028,0010) US Rows [ 2 bytes] 1576}. */
    private static int printedNumber(String printed, String tag) {
        Matcher m = Pattern.compile("^\\(" + tag + "\\) \\w\\w [^\\[]*\\[[^\\]]*\\] (\\d+)", Pattern.MULTILINE).matcher(printed);
        assertTrue(m.find(), "no " + tag + " in the dump");
        return Integer.parseInt(m.group(1));
    }

    private static String printedText(String printed, String tag) {
        Matcher m = Pattern.compile("^\\(" + tag + "\\) \\w\\w [^\\[]*\\[[^\\]]*\\] \"([^\"]*)\"", Pattern.MULTILINE)
                .matcher(printed);
        assertTrue(m.find(), "no " + tag + " in the dump");
        return m.group(1);
    }

    /*
     * dcmtk decodes the 55×121 last tile into the first 55·121 samples of its 240×240 frame, row after row
     * (fixture fo-dicom/multiframe.dcm.json, frame 139: 244 at x = 0, 59, 119, 179, 239 of row 0, 0 below).
     * In our top-left placement dcmtk's (x, 0) is our (x mod 55, x div 55).
     */
    @Test
    @DisplayName("A 140-frame slide says so in its header, navigates to its last frame and refuses frame 140")
    void multiFrameNavigation() throws Exception {
        Path file = SharedData.file(MULTIFRAME);
        assertEquals(140, headers.readHeader(file).frames());
        GreyImage first = decoder.decode(file, 0);
        GreyImage last = decoder.decode(file, 139);
        assertEquals(240, last.width());
        assertTrue(last.notes().stream().anyMatch(n -> n.contains("is 55×121, smaller than the frame's 240×240")),
                last.notes()::toString);
        for (int x : new int[] { 0, 59, 119, 179, 239 }) {
            assertEquals(244, last.stored(x % 55, x / 55), 1, "dcmtk's value at (" + x + ",0)");
        }
        assertEquals(0, last.stored(100, 100), "outside the tile");
        assertFalse(first.storedValues().equals(last.storedValues()), "frames 0 and 139 differ");
        DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(file, 140));
        assertEquals(Reason.NO_PIXEL_DATA, e.reason());
        assertEquals("no frame 140: the image has 140 frames", e.getMessage());
    }

    /* dcmdump +P 0028,1050 +P 0028,1051 +P 0028,1055 examples_overlay.dcm -> 450\200, 790\443, WINDOW1\WINDOW2 */
    @Test
    @DisplayName("Several window presets are kept in file order with their names, the first is the default")
    void windowPresets() throws Exception {
        Path file = SharedData.file("dicom/pydicom/examples_overlay.dcm");
        List<Window> expected = List.of(new Window(450, 790, "WINDOW1"), new Window(200, 443, "WINDOW2"));
        assertEquals(expected, headers.readHeader(file).windows());
        GreyImage image = decoder.decode(file);
        assertEquals(expected, image.windows());
        assertEquals(expected.get(0), image.defaultWindow());
    }

    /*
     * PS3.3 C.11.1.1: inputs below the first mapped value take the first entry, above the last take the last.
     * PS3.3 C.11.2.1.1: a VOI LUT's output spans 0..2^bits − 1, shown here over 0..255.
     */
    @Test
    @DisplayName("A Modality LUT Sequence replaces the rescale and a VOI LUT Sequence drives the display")
    void lookupTableSequences() throws Exception {
        short[] pixels = { 99, 100, 101, 102, 500, 0 };
        int[] voi = new int[31];
        for (int i = 0; i < voi.length; i++) {
            voi[i] = 4095 - 136 * i; // a decreasing table over modality values 0..30
        }
        Path file = new TestDicom(3, 2, 12, false, pixels).patient("LBX-LUT", "Lut^Test").rescale("2", "-5")
                .lutSequence(0x0028, 0x3000, 100, 16, new int[] { 10, 20, 30 }, "MODALITY TEST")
                .lutSequence(0x0028, 0x3010, 0, 12, voi, "VOI TEST")
                .write(temp.resolve("luts.dcm"), TransferSyntax.ExplicitVRLittleEndian);
        GreyImage image = decoder.decode(file);
        assertEquals(List.of(10.0, 10.0, 20.0, 30.0, 30.0, 10.0), List.of(image.modality(0, 0), image.modality(1, 0),
                image.modality(2, 0), image.modality(0, 1), image.modality(1, 1), image.modality(2, 1)));
        LookupTable table = image.voiLuts().get(0);
        assertEquals("VOI TEST", table.explanation());
        Grey8Image shown = image.toGrey8(table);
        // modality 10 -> 4095 − 1360 = 2735 -> 2735·255/4095 = 170.3 -> 170; 30 -> 15 -> 0.93 -> 1
        assertEquals(170, shown.grey(0, 0));
        assertEquals(1, shown.grey(0, 1));
        assertTrue(image.notes().stream().anyMatch(n -> n.startsWith("Modality LUT Sequence applied")),
                image.notes()::toString);
    }

    @Test
    @DisplayName("Presentation LUT Shape INVERSE on a MONOCHROME2 image displays it inverted, bone-white")
    void presentationLutShapeInverse() throws Exception {
        short[] pixels = { 0, 4095 };
        Path plain = new TestDicom(2, 1, 12, false, pixels).write(temp.resolve("plain.dcm"),
                TransferSyntax.ExplicitVRLittleEndian);
        Path inverse = new TestDicom(2, 1, 12, false, pixels).presentationLutShape("INVERSE")
                .write(temp.resolve("inverse.dcm"), TransferSyntax.ExplicitVRLittleEndian);
        Window full = Window.of(2048, 4096);
        assertEquals(0, decoder.decode(plain).toGrey8(full).grey(0, 0));
        GreyImage inverted = decoder.decode(inverse);
        assertEquals(255, inverted.toGrey8(full).grey(0, 0));
        assertEquals(0, inverted.toGrey8(full).grey(1, 0));
        assertTrue(inverted.notes().contains("Presentation LUT Shape INVERSE: display inverts after windowing"));
    }

    @Test
    @DisplayName("A frame larger than the configured memory limit is refused as too large, and its header still reads")
    void tooLarge() throws Exception {
        Path file = SharedData.file("dicom/fo-dicom/CR-ModalitySequenceLUT.dcm");
        DicomImageService small = new DicomImageService(1 << 20);
        assertEquals(1976, small.readHeader(file).columns());
        DecodeException e = assertThrows(DecodeException.class, () -> small.decode(file));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().startsWith("too large: frame 0 of 1976×1576×1 samples of 16 bits needs "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("more than the limit of 1 MiB"), e.getMessage());
    }
}
