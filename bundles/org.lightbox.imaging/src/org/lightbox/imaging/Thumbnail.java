package org.lightbox.imaging;

import java.util.Objects;

/**
 * What a grid shows for one image: its thumbnail, or the honest reason why there is none. Never a blank:
 * an image without a file and an image whose file cannot be decoded are told apart, and the reason can
 * be shown to the reader (e.g. as a tooltip).
 */
public sealed interface Thumbnail {

    /**
     * The thumbnail's pixels.
     *
     * @param fromCache whether it came from the disk cache rather than from decoding the file
     */
    record Pixels(Grey8Image image, boolean fromCache) implements Thumbnail {
        public Pixels {
            Objects.requireNonNull(image, "image");
        }
    }

    /** The image has no pixels to show: no file location recorded, or no file at that location. */
    record NoPixels(String reason) implements Thumbnail {
        public NoPixels {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The file is there but cannot be decoded.
     *
     * @param reason  the kind of failure
     * @param message the decoder's explanation, e.g. "unsupported transfer syntax JPEG-LS Lossless"
     */
    record Undecodable(DecodeException.Reason reason, String message) implements Thumbnail {
        public Undecodable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
