package org.lightbox.imaging;

import java.nio.ByteBuffer;
import java.util.Objects;

/** An 8-bit display image (0 = black), row-major: what a viewer or a thumbnail paints. */
public final class Grey8Image {

    private final int width;
    private final int height;
    private final byte[] pixels;

    private Grey8Image(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length != Math.multiplyExact(width, height)) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + (long) width * height
                    + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** A copy of the given pixels. */
    public static Grey8Image of(int width, int height, byte[] pixels) {
        return new Grey8Image(width, height, pixels.clone());
    }

    static Grey8Image wrap(int width, int height, byte[] pixels) {
        return new Grey8Image(width, height, pixels);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Grey level 0..255 at column x, row y. */
    public int grey(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return Byte.toUnsignedInt(pixels[y * width + x]);
    }

    /** The pixels, row-major, read-only (e.g. to fill an SWT ImageData without another copy). */
    public ByteBuffer pixels() {
        return ByteBuffer.wrap(pixels).asReadOnlyBuffer();
    }

    @Override
    public String toString() {
        return "Grey8Image[" + width + "×" + height + "]";
    }
}
