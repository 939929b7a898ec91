package org.lightbox.imaging;

import java.nio.file.Path;

/**
 * Decodes image files into {@link GreyImage}s. Implementations are DS components that carry
 * the service property {@value #FORMAT_PROPERTY} (e.g. "dicom", "png"), so that a caller can ask
 * for one format with a filter such as {@code (lightbox.image.format=dicom)}, or try each
 * decoder's {@link #canDecode(Path)} in turn.
 */
public interface ImageDecoder {

    /** Service property naming the format(s) a decoder or header reader handles. */
    String FORMAT_PROPERTY = "lightbox.image.format";

    /** Whether the file's first bytes look like this decoder's format; never throws. */
    boolean canDecode(Path file);

    /**
     * Decodes one frame (0-based) of the image in {@code file}.
     *
     * @throws DecodeException with a specific {@link DecodeException.Reason}; never an unchecked
     *         exception for a bad file
     */
    GreyImage decode(Path file, int frame) throws DecodeException;

    /** Decodes the first frame. */
    default GreyImage decode(Path file) throws DecodeException {
        return decode(file, 0);
    }

    /**
     * The first frame's thumbnail, at most {@code maxSize} pixels on its longer side, with the image's default
     * window: the same pixels as {@code Thumbnails.of(decode(file), maxSize)}. A decoder may override this with
     * a faster path that never builds the full-size image.
     *
     * @throws DecodeException as {@link #decode(Path, int)}
     */
    default Grey8Image thumbnail(Path file, int maxSize) throws DecodeException {
        return Thumbnails.of(decode(file), maxSize);
    }
}
