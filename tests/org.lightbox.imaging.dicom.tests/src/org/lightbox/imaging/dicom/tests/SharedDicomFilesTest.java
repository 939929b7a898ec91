package org.lightbox.imaging.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.ImageHeaderReader;
import org.lightbox.imaging.PatientKey;
import org.lightbox.imaging.Window;

/** Real files made outside this project, under {@code <lightbox.shared>/data/dicom}. */
@DisplayName("Third-party DICOM files")
class SharedDicomFilesTest {

    private static final String DICOM = "(" + ImageDecoder.FORMAT_PROPERTY + "=dicom)";
    private static final String CR_CHEST = "dicom/fo-dicom/CR-MONO1-10-chest.dcm";
    private static final String CHEST_JPEG = "dicom/chest/1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm";

    private static ImageHeaderReader headers;
    private static ImageDecoder decoder;

    @BeforeAll
    static void lookUpServices() {
        headers = Services.get(ImageHeaderReader.class, DICOM);
        decoder = Services.get(ImageDecoder.class, DICOM);
    }

    /*
     * Expected values: CR-MONO1-10-chest.dcm.json beside the file (fo-dicom's DICOM JSON). The file has
     * no meta header; `dcmdump -M CR-MONO1-10-chest.dcm` says "Used TransferSyntax: Little Endian Implicit".
     */
    @Test
    @DisplayName("The fo-dicom CR chest header matches its DICOM JSON: 440×440, 10 of 16 bits, MONOCHROME1, window 550/1024")
    void crChestHeader() throws Exception {
        Path file = SharedData.file(CR_CHEST);
        DicomJson json = new DicomJson(SharedData.file(CR_CHEST + ".json"));
        ImageHeader header = headers.readHeader(file);
        assertAll(
                () -> assertEquals("1.2.840.10008.1.2", header.transferSyntaxUid()),
                () -> assertEquals("Implicit VR Little Endian", header.transferSyntaxName()),
                () -> assertEquals(json.first("00080018"), header.sopInstanceUid()),
                () -> assertEquals(json.first("00080060"), header.modality()),
                () -> assertEquals(json.integer("00280010"), header.rows()),
                () -> assertEquals(json.integer("00280011"), header.columns()),
                () -> assertEquals(json.integer("00280100"), header.bitsAllocated()),
                () -> assertEquals(json.integer("00280101"), header.bitsStored()),
                () -> assertEquals(json.integer("00280103") == 1, header.signed()),
                () -> assertEquals(json.integer("00280002"), header.samplesPerPixel()),
                () -> assertEquals(json.first("00280004"), header.photometricInterpretation()),
                () -> assertTrue(header.isMonochrome1()),
                () -> assertEquals(List.of(Window.of(json.number("00281050"), json.number("00281051"))),
                        header.windows()),
                () -> assertEquals(json.first("00185101"), header.viewPosition()),
                () -> assertEquals(json.first("00180015"), header.bodyPart()),
                () -> assertEquals(1, header.frames()));
        // the literal values of the issue, so that a wrong JSON cannot make the test pass
        assertEquals(10, header.bitsStored());
        assertEquals(550.0, header.windows().get(0).centre());
        assertEquals(1024.0, header.windows().get(0).width());
        assertEquals("CR", header.modality());
    }

    @Test
    @DisplayName("The CR chest has no Patient ID, so its patient key comes from the study and not from the name \"Anonymized\"")
    void crChestWithoutPatientId() throws Exception {
        DicomJson json = new DicomJson(SharedData.file(CR_CHEST + ".json"));
        assertFalse(json.has("00100020"), "precondition: the file has no Patient ID");
        assertEquals("Anonymized", json.first("00100010"));
        PatientKey key = headers.readHeader(SharedData.file(CR_CHEST)).patientKey();
        assertEquals(PatientKey.Basis.STUDY_INSTANCE_UID, key.basis());
        assertTrue(key.value().matches("[0-9a-f]{32}"), key.value());
    }

    /*
     * Expected values from pydicom 2.3.1 (no NumPy on the machine, so the raw little-endian words):
     *   /usr/bin/python3 -c "import pydicom, array; d=pydicom.dcmread('CR-MONO1-10-chest.dcm', force=True);
     *     a=array.array('H', d.PixelData); c=d.Columns;
     *     print(min(a), max(a), a[0], a[1], a[2], a[3], a[220*c+220], a[439*c+439], a[100*c+300], sum(a))"
     *   -> 0 979 0 209 782 946 285 0 685 97159572
     * (dcmdump shows the same first words: 0000\00d1\030e\03b2 = 0, 209, 782, 946.)
     */
    @Test
    @DisplayName("The CR chest pixels decode to pydicom's values and display white where the stored value is low")
    void crChestPixels() throws Exception {
        GreyImage image = decoder.decode(SharedData.file(CR_CHEST));
        assertEquals(440, image.width());
        assertEquals(440, image.height());
        assertEquals(0, image.minStored());
        assertEquals(979, image.maxStored());
        assertEquals(0, image.stored(0, 0));
        assertEquals(209, image.stored(1, 0));
        assertEquals(782, image.stored(2, 0));
        assertEquals(946, image.stored(3, 0));
        assertEquals(285, image.stored(220, 220));
        assertEquals(0, image.stored(439, 439));
        assertEquals(685, image.stored(300, 100));
        long sum = 0;
        for (var values = image.storedValues(); values.hasRemaining();) {
            sum += values.get();
        }
        assertEquals(97159572L, sum);
        assertTrue(image.isMonochrome1());
        Grey8Image display = image.toGrey8(image.defaultWindow());
        assertEquals(255, display.grey(0, 0), "stored 0 is below the window and MONOCHROME1: white");
        assertTrue(display.grey(220, 220) > display.grey(300, 100), "lower stored values show brighter");
    }

    @Test
    @DisplayName("pydicom's MR_truncated.dcm is reported as truncated, never as a crash")
    void pydicomTruncated() throws Exception {
        Path file = SharedData.file("dicom/pydicom/MR_truncated.dcm");
        assertEquals(64, headers.readHeader(file).rows(), "the header before Pixel Data is intact");
        DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(file));
        assertEquals(DecodeException.Reason.TRUNCATED, e.reason(), e::toString);
        // the tag's offset: python3 -c "print(open('MR_truncated.dcm','rb').read().find(bytes.fromhex('e07f1000')))" -> 1488
        assertEquals("truncated: Pixel Data (7FE0,0010) begins at byte 1488 but the file ends at byte 9630"
                + " before its value does", e.getMessage());
    }

    @Test
    @DisplayName("A CXR14 PNG handed to the DICOM reader is refused as not a DICOM file")
    void pngIsNotDicom() {
        Path file = SharedData.file("cxr14/images/00000001_000.png");
        DecodeException e = assertThrows(DecodeException.class, () -> headers.readHeader(file));
        assertEquals(DecodeException.Reason.NOT_RECOGNISED, e.reason());
        assertTrue(e.getMessage().startsWith("not a DICOM file"), e.getMessage());
    }

    @Test
    @DisplayName("JPEG-LS pixel data are refused as an unsupported transfer syntax, by name")
    void jpegLsUnsupported() throws Exception {
        Path file = SharedData.file("dicom/pydicom/MR_small_jpeg_ls_lossless.dcm");
        assertEquals("1.2.840.10008.1.2.4.80", headers.readHeader(file).transferSyntaxUid());
        DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(file));
        assertEquals(DecodeException.Reason.UNSUPPORTED_TRANSFER_SYNTAX, e.reason());
        assertEquals("unsupported transfer syntax JPEG-LS (1.2.840.10008.1.2.4.80)", e.getMessage());
    }

    /*
     * pydicom 2.3.1 on the uncompressed twin of the RLE file:
     *   /usr/bin/python3 -c "import pydicom, array; d=pydicom.dcmread('MR_small.dcm'); a=array.array('h', d.PixelData);
     *     c=d.Columns; print(min(a), max(a), a[0], a[1], a[2], a[31*c+31], a[63*c+63])"
     *   -> 127 2145 905 1019 1227 206 862      (Pixel Representation 1, Bits Stored 16)
     */
    @Test
    @DisplayName("RLE-compressed MR_small decodes to exactly the pixels of its uncompressed twin")
    void rleEqualsNative() throws Exception {
        GreyImage rle = decoder.decode(SharedData.file("dicom/pydicom/MR_small_RLE.dcm"));
        GreyImage plain = decoder.decode(SharedData.file("dicom/pydicom/MR_small.dcm"));
        assertEquals(plain.storedValues(), rle.storedValues());
        assertEquals(127, plain.minStored());
        assertEquals(2145, plain.maxStored());
        assertEquals(905, plain.stored(0, 0));
        assertEquals(1019, plain.stored(1, 0));
        assertEquals(1227, plain.stored(2, 0));
        assertEquals(206, plain.stored(31, 31));
        assertEquals(862, plain.stored(63, 63));
        assertTrue(rle.notes().contains("decompressed from RLE Lossless"), rle.notes()::toString);
    }

    /*
     * dcmtk decompresses with its own IJG code, pydicom reads the result:
     *   dcmdjpeg 1.2.276...850819.dcm dj.dcm
     *   /usr/bin/python3 -c "import pydicom; d=pydicom.dcmread('dj.dcm'); a=d.PixelData; c=d.Columns;
     *     print(min(a), max(a), a[0], a[512*c+512], a[700*c+100], a[200*c+300], a[1023*c+1023])"
     *   -> 0 254 0 208 168 173 0
     * (All 1024² pixels were also found equal to dcmtk's when this test was written.)
     */
    @Test
    @DisplayName("A JPEG baseline chest decodes to the pixels dcmtk decompresses, and its twin mislabelled MONOCHROME1 still displays bone-white, with a note")
    void jpegBaselineChest() throws Exception {
        GreyImage image = decoder.decode(SharedData.file(CHEST_JPEG));
        assertEquals(1024, image.width());
        assertEquals(0, image.minStored());
        assertEquals(254, image.maxStored());
        assertEquals(0, image.stored(0, 0));
        assertEquals(208, image.stored(512, 512));
        assertEquals(168, image.stored(100, 700));
        assertEquals(173, image.stored(300, 200));
        assertEquals(0, image.stored(1023, 1023));

        // Fake_MONOHR1.dcm differs from CHEST_JPEG in one byte ('2' -> '1' in Photometric Interpretation;
        // `cmp -l` finds offset 875 only): a positive film labelled MONOCHROME1. Followed blindly (dcmtk does) it
        // shows as a negative; a radiologist expects bone white, so it is shown as MONOCHROME2 with a note.
        GreyImage fake = decoder.decode(SharedData.file("dicom/chest/Fake_MONOHR1.dcm"));
        assertFalse(fake.isMonochrome1(), "shown bone-white, not as the negative the header asks for");
        assertTrue(fake.notes().stream().anyMatch(n -> n.contains("says MONOCHROME1") && n.contains("shown as MONOCHROME2")),
                fake.notes()::toString);
        Window window = Window.of(128, 256);
        Grey8Image shown = image.toGrey8(window);
        Grey8Image shownFake = fake.toGrey8(window);
        for (int[] p : new int[][] { { 0, 0 }, { 512, 512 }, { 100, 700 }, { 300, 200 } }) {
            assertEquals(shown.grey(p[0], p[1]), shownFake.grey(p[0], p[1]), "at " + p[0] + "," + p[1]);
        }
    }
}
