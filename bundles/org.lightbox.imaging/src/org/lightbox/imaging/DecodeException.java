package org.lightbox.imaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why a file could not be read as an image. The message always starts with a short, stable
 * phrase for its {@link Reason} ("not a DICOM file", "truncated", "unsupported transfer syntax …")
 * followed by the evidence, so that an import can show one line per skipped file.
 */
public final class DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure an import distinguishes. */
    public enum Reason {
        /** The bytes are not in the format the reader handles (wrong magic, garbage). */
        NOT_RECOGNISED,
        /** The file ends before the data it declares. */
        TRUNCATED,
        /** A valid file whose pixel data is compressed with a codec we do not have. */
        UNSUPPORTED_TRANSFER_SYNTAX,
        /** A valid file whose pixels we cannot turn into grey values (colour, odd bit depth). */
        UNSUPPORTED_IMAGE,
        /** A valid file that holds no image (e.g. a structured report), or a frame that does not exist. */
        NO_PIXEL_DATA,
        /** The file could not be read at all (missing, no permission, I/O error). */
        UNREADABLE,
        /** A frame would need more memory to decode than the decoder's configured limit allows. */
        TOO_LARGE
    }

    private final Reason reason;
    private final transient Path file;

    public DecodeException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public DecodeException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    /** The file that failed, or {@code null} when the image did not come from a file. */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "DecodeException[" + reason + (file == null ? "" : ", " + file) + "]: " + getMessage();
    }
}
