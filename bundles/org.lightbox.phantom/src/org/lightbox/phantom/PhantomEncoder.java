package org.lightbox.phantom;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.lightbox.phantom.internal.PngEncoder;

/**
 * Writes a rendered phantom in a file format. PNG (8 and 16 bit) is built in; a DICOM writer plugs in
 * by implementing this interface (as a DS service with the property {@code format=<name>}), since the
 * DICOM toolkit may only be used in the DICOM adapter bundle. The truth is passed so that a format with
 * metadata can carry the patient, study and view.
 * <p>
 * Implementations must be deterministic (same image and truth, same bytes) and safe to call from
 * several threads at once.
 */
public interface PhantomEncoder {

    /** Service property naming the format, e.g. {@code png16}, {@code dicom}. */
    String FORMAT_PROPERTY = "format";

    /** The format's name as the command line takes it ({@code png16}). */
    String format();

    /** File name extension without the dot ({@code png}, {@code dcm}). */
    String extension();

    byte[] encode(PhantomImage image, PhantomTruth truth) throws IOException;

    /** Grey PNG with 16-bit samples, no ancillary chunks (so no time stamps). */
    static PhantomEncoder png16() {
        return PngEncoder.GREY16;
    }

    /** Grey PNG with 8-bit samples (the high byte), like the ChestX-ray14 files. */
    static PhantomEncoder png8() {
        return PngEncoder.GREY8;
    }

    /** The built-in encoders. */
    static List<PhantomEncoder> builtIn() {
        return List.of(png16(), png8());
    }

    /** A built-in encoder by name. */
    static PhantomEncoder named(String format) {
        for (PhantomEncoder encoder : builtIn()) {
            if (encoder.format().equals(format.toLowerCase(Locale.ROOT))) {
                return encoder;
            }
        }
        throw new IllegalArgumentException("unknown image format '" + format + "'; built in: png16, png8");
    }
}
