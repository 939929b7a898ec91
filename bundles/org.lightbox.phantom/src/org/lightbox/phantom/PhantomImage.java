package org.lightbox.phantom;

import java.nio.ShortBuffer;
import java.util.Objects;

/**
 * A rendered phantom: unsigned 16-bit grey values, row-major, 0 black (no attenuation, as a
 * MONOCHROME2 radiograph shows air) to 65520 white. The values have 12 significant bits, in the top
 * 12 of the 16 (the low 4 bits are 0), as a digital radiography detector delivers; a DICOM writer
 * stores {@code value >>> 4} with Bits Stored 12.
 */
public final class PhantomImage {

    private final int width;
    private final int height;
    private final short[] pixels;

    /** Wraps the values without copying; the caller hands the array over. */
    public PhantomImage(int width, int height, short[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + (long) width * height
                    + " values, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The value at column x, row y, 0..65535. */
    public int value(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return pixels[y * width + x] & 0xFFFF;
    }

    /** A copy of all values, row-major, as unsigned 16-bit numbers in shorts. */
    public short[] pixels() {
        return pixels.clone();
    }

    /** The values reduced to 8 bits (the high byte), row-major. */
    public byte[] toGrey8() {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (byte) ((pixels[i] & 0xFFFF) >>> 8);
        }
        return out;
    }

    /** All values without copying, read-only (for encoders). */
    public ShortBuffer buffer() {
        return ShortBuffer.wrap(pixels).asReadOnlyBuffer();
    }
}
