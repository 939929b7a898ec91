package org.lightbox.imaging.dicom.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeaderReader;

/**
 * Truncated and corrupted copies of real files, one per transfer syntax family: reading them may succeed
 * or fail, but a failure is always a {@link DecodeException}, never an unchecked exception or an error.
 */
@DisplayName("Truncated and corrupt DICOM files")
class CorruptDicomTest {

    private static final String DICOM = "(" + ImageDecoder.FORMAT_PROPERTY + "=dicom)";
    private static final int CUTS = 16;
    private static final int CORRUPTIONS = 16;

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
    @ValueSource(strings = { "pydicom/CT_small.dcm", "pydicom/MR_small_bigendian.dcm", "pydicom/MR_small_implicit.dcm",
        "pydicom/no_meta.dcm", "pydicom/image_dfl.dcm", "pydicom/MR_small_RLE.dcm", "pydicom/SC_rgb_rle_2frame.dcm",
        "pydicom/JPGExtended.dcm", "pydicom/SC_rgb_jpeg_gdcm.dcm", "pydicom/JPEG2000.dcm",
        "pydicom/MR_small_jp2klossless.dcm", "pydicom/liver_1frame.dcm", "fo-dicom/GH538-jpeg1.dcm",
        "chest/Fake_MONOHR1.dcm" })
    @DisplayName("cut at 16 places and with 16 bytes garbled at random: only DecodeException")
    void onlyDecodeExceptions(String relative) throws Exception {
        byte[] whole = Files.readAllBytes(SharedData.file("dicom/" + relative));
        Random random = new Random(relative.hashCode()); // fixed per file, so that a failure can be replayed
        List<String> problems = new ArrayList<>();
        for (int i = 1; i <= CUTS; i++) {
            int length = (int) ((long) whole.length * i / (CUTS + 1));
            check(Files.write(temp.resolve("cut" + i + ".dcm"), Arrays.copyOf(whole, length)),
                    "cut to " + length + " bytes", problems);
        }
        for (int i = 0; i < CORRUPTIONS; i++) {
            byte[] garbled = whole.clone();
            for (int k = 0; k < 16; k++) {
                garbled[132 + random.nextInt(garbled.length - 132)] = (byte) random.nextInt(256);
            }
            check(Files.write(temp.resolve("garbled" + i + ".dcm"), garbled), "garbled copy " + i, problems);
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static void check(Path file, String what, List<String> problems) {
        for (int frame : new int[] { 0, 1 }) {
            try {
                if (frame == 0) {
                    headers.readHeader(file);
                }
                decoder.decode(file, frame);
            } catch (DecodeException expected) {
                // the contract: a specific reason and message
            } catch (Throwable t) { // includes OutOfMemoryError and StackOverflowError
                problems.add(what + ", frame " + frame + ": " + t);
            }
        }
    }
}
