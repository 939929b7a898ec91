package org.lightbox.imaging.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.ImageHeaderReader;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomImage;
import org.lightbox.phantom.PhantomTruth;

/** Phantoms written as DICOM DX through the PhantomEncoder service read back exactly, and deterministically. */
class DicomPhantomEncoderTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("A phantom written as DICOM DX reads back with every 12-bit pixel the generator drew, the same bytes twice")
    void phantomRoundTrip() throws Exception {
        PhantomEncoder encoder = Services.get(PhantomEncoder.class, "(" + PhantomEncoder.FORMAT_PROPERTY + "=dicom)");
        PhantomGenerator generator = new PhantomGenerator(PhantomConfig.defaults().withSize(128), 42);
        PhantomTruth truth = generator.truth(3);
        PhantomImage image = generator.render(truth);
        byte[] bytes = encoder.encode(image, truth);
        assertArrayEquals(bytes, encoder.encode(generator.render(generator.truth(3)), generator.truth(3)),
                "same phantom, same bytes (no clock, UIDs from the ids)");
        Path file = Files.write(temp.resolve(truth.imageId() + ".dcm"), bytes);

        ImageHeader header = Services.get(ImageHeaderReader.class, "(lightbox.image.format=dicom)").readHeader(file);
        assertEquals("DX", header.modality());
        assertEquals("MONOCHROME2", header.photometricInterpretation());
        assertEquals(12, header.bitsStored());
        assertEquals(truth.projection().name(), header.viewPosition());
        GreyImage grey = Services.get(ImageDecoder.class, "(lightbox.image.format=dicom)").decode(file);
        assertEquals(image.width(), grey.width());
        assertEquals(image.height(), grey.height());
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                assertEquals(image.value(x, y) >>> 4, grey.stored(x, y), "pixel " + x + "," + y);
            }
        }
        assertTrue(grey.maxStored() > grey.minStored() + 1000, "a radiograph's range, not a flat image");
    }
}
