package org.lightbox.imaging;

import java.nio.file.Path;

/**
 * Reads what an import needs to know about an image file without decoding its pixels.
 * Implementations are DS components registered with {@link ImageDecoder#FORMAT_PROPERTY}.
 */
public interface ImageHeaderReader {

    /** Whether the file's first bytes look like this reader's format; never throws. */
    boolean canRead(Path file);

    /**
     * The header of the image in {@code file}.
     *
     * @throws DecodeException with a specific {@link DecodeException.Reason} when the file is not in
     *         this format, is cut short before its image attributes, or holds no image
     */
    ImageHeader readHeader(Path file) throws DecodeException;
}
