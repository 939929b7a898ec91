package org.lightbox.imaging.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.ImageHeaderReader;
import org.lightbox.imaging.PatientKey;
import org.lightbox.imaging.Rescale;
import org.lightbox.imaging.Window;

import com.pixelmed.dicom.TransferSyntax;

@DisplayName("DICOM written in code with PixelMed")
class DicomRoundTripTest {

    private static final String DICOM = "(" + ImageDecoder.FORMAT_PROPERTY + "=dicom)";
    private static final int COLUMNS = 64;
    private static final int ROWS = 48;

    private static ImageHeaderReader headers;
    private static ImageDecoder decoder;

    @TempDir
    Path temp;

    @BeforeAll
    static void lookUpServices() {
        headers = Services.get(ImageHeaderReader.class, DICOM);
        decoder = Services.get(ImageDecoder.class, DICOM);
    }

    /** A 12-bit gradient, 40 per column and 7 per row, with the corners marked by the extremes. */
    static int gradient(int x, int y) {
        if (x == 0 && y == 0) {
            return 4095;
        }
        if (x == COLUMNS - 1 && y == ROWS - 1) {
            return 0;
        }
        return 40 * x + 7 * y;
    }

    private Path writeGradient(String name) throws Exception {
        short[] pixels = new short[COLUMNS * ROWS];
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                pixels[y * COLUMNS + x] = (short) gradient(x, y);
            }
        }
        return new TestDicom(COLUMNS, ROWS, 12, false, pixels)
                .patient("LBX-0001", "Doe^Jane")
                .rescale("2", "-1024")
                .window("1000", "3000", "TEST WINDOW")
                .write(temp.resolve(name), TransferSyntax.ExplicitVRLittleEndian);
    }

    @Test
    @DisplayName("A 64×48 12-bit gradient reads back with the header it was written with")
    void headerRoundTrip() throws Exception {
        Path file = writeGradient("gradient.dcm");
        assertTrue(headers.canRead(file));
        ImageHeader header = headers.readHeader(file);
        assertAll(
                () -> assertEquals("1.2.840.10008.1.2.1", header.transferSyntaxUid()),
                () -> assertEquals("Explicit VR Little Endian", header.transferSyntaxName()),
                () -> assertEquals("DX", header.modality()),
                () -> assertEquals(ROWS, header.rows()),
                () -> assertEquals(COLUMNS, header.columns()),
                () -> assertEquals(1, header.frames()),
                () -> assertEquals(1, header.samplesPerPixel()),
                () -> assertEquals(16, header.bitsAllocated()),
                () -> assertEquals(12, header.bitsStored()),
                () -> assertFalse(header.signed()),
                () -> assertEquals("MONOCHROME2", header.photometricInterpretation()),
                () -> assertFalse(header.isMonochrome1()),
                () -> assertEquals(new Rescale(2, -1024), header.rescale()),
                () -> assertEquals(List.of(new Window(1000, 3000, "TEST WINDOW")), header.windows()),
                () -> assertEquals("PA", header.viewPosition()),
                () -> assertEquals("CHEST", header.bodyPart()));
    }

    @Test
    @DisplayName("The patient key is a 128-bit hash of the Patient ID and never shows the ID or the name")
    void patientKeyIsPseudonymous() throws Exception {
        ImageHeader header = headers.readHeader(writeGradient("patient.dcm"));
        PatientKey key = header.patientKey();
        assertEquals(PatientKey.Basis.PATIENT_ID, key.basis());
        assertTrue(key.value().matches("[0-9a-f]{32}"), key.value());
        assertFalse(header.toString().contains("LBX-0001"), "the header shows the Patient ID");
        assertFalse(header.toString().contains("Doe"), "the header shows the patient's name");
        assertEquals(key, PatientKey.derive("", "LBX-0001", "1.2.3"), "the same ID gives the same key in any study");
        assertNotEquals(key, PatientKey.derive("", "LBX-0002", "1.2.3"));
    }

    @Test
    @DisplayName("Every pixel of the gradient decodes to the stored value written, and rescales with slope 2, intercept −1024")
    void pixelRoundTrip() throws Exception {
        GreyImage image = decoder.decode(writeGradient("pixels.dcm"));
        assertEquals(COLUMNS, image.width());
        assertEquals(ROWS, image.height());
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                assertEquals(gradient(x, y), image.stored(x, y), "stored value at " + x + "," + y);
            }
        }
        assertEquals(40 * 5 + 7 * 3, image.stored(5, 3));
        assertEquals(2.0 * 4095 - 1024, image.modality(0, 0));
        assertEquals(-1024.0, image.modality(COLUMNS - 1, ROWS - 1));
        assertEquals(0, image.minStored());
        assertEquals(4095, image.maxStored());
        assertEquals(new Window(1000, 3000, "TEST WINDOW"), image.defaultWindow());
        assertFalse(image.isMonochrome1());
    }

    @Test
    @DisplayName("Signed 16-bit pixels in implicit VR keep their sign")
    void signedPixels() throws Exception {
        short[] pixels = new short[8 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (i * 1000 - 16000);
        }
        Path file = new TestDicom(8, 4, 16, true, pixels).patient("LBX-0002", "Roe^Richard")
                .write(temp.resolve("signed.dcm"), TransferSyntax.ImplicitVRLittleEndian);
        ImageHeader header = headers.readHeader(file);
        assertEquals("1.2.840.10008.1.2", header.transferSyntaxUid());
        assertTrue(header.signed());
        GreyImage image = decoder.decode(file);
        int[] read = new int[pixels.length];
        image.storedValues().get(read);
        int[] expected = new int[pixels.length];
        Arrays.setAll(expected, i -> pixels[i]);
        assertTrue(Arrays.equals(expected, read), () -> Arrays.toString(read));
        assertEquals(-16000, image.minStored());
        assertEquals(Rescale.IDENTITY, image.rescale());
    }

    @Test
    @DisplayName("A DICOM file cut inside its Pixel Data is reported as truncated, while its header still reads")
    void truncatedByTheTest() throws Exception {
        byte[] whole = Files.readAllBytes(writeGradient("whole.dcm"));
        Path cut = Files.write(temp.resolve("cut.dcm"), Arrays.copyOf(whole, whole.length - 1000));
        assertEquals(ROWS, headers.readHeader(cut).rows());
        DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(cut));
        assertEquals(DecodeException.Reason.TRUNCATED, e.reason(), e::toString);
        assertTrue(e.getMessage().startsWith("truncated: Pixel Data (7FE0,0010) begins at byte"), e.getMessage());
    }

    @Test
    @DisplayName("A text file and an empty file are refused as not DICOM, by both services")
    void notDicom() throws Exception {
        Path text = Files.writeString(temp.resolve("report.dcm"), "hello, this is not DICOM\n");
        Path empty = Files.write(temp.resolve("empty.dcm"), new byte[0]);
        for (Path file : List.of(text, empty)) {
            assertFalse(decoder.canDecode(file));
            DecodeException header = assertThrows(DecodeException.class, () -> headers.readHeader(file));
            DecodeException pixels = assertThrows(DecodeException.class, () -> decoder.decode(file));
            for (DecodeException e : List.of(header, pixels)) {
                assertEquals(DecodeException.Reason.NOT_RECOGNISED, e.reason());
                assertTrue(e.getMessage().startsWith("not a DICOM file"), e.getMessage());
            }
        }
    }

    @Test
    @DisplayName("Asking for a frame the image does not have says so")
    void missingFrame() throws Exception {
        Path file = writeGradient("oneframe.dcm");
        DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(file, 1));
        assertEquals(DecodeException.Reason.NO_PIXEL_DATA, e.reason());
        assertEquals("no frame 1: the image has 1 frame", e.getMessage());
    }
}
