package org.lightbox.imaging;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One decoded grey frame, ready for windowing. It keeps the stored values (sign-extended,
 * masked to Bits Stored) together with the {@link Rescale} rather than pre-rescaled values,
 * because a fractional slope would otherwise lose precision; {@link #modality(int, int)} gives
 * the rescaled value and {@link #toGrey8(Window)} applies rescale, window and MONOCHROME1
 * inversion in the order DICOM prescribes.
 */
public final class GreyImage {

    private final int width;
    private final int height;
    private final int[] stored;
    private final int minStored;
    private final int maxStored;
    private final Rescale rescale;
    private final boolean monochrome1;
    private final List<Window> windows;
    private final List<String> notes;

    private GreyImage(int width, int height, int[] stored, Rescale rescale, boolean monochrome1,
            List<Window> windows, List<String> notes) {
        if (width <= 0 || height <= 0 || stored.length != Math.multiplyExact(width, height)) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + (long) width * height
                    + " values, got " + stored.length);
        }
        this.width = width;
        this.height = height;
        this.stored = stored;
        this.rescale = Objects.requireNonNull(rescale, "rescale");
        this.monochrome1 = monochrome1;
        this.windows = List.copyOf(windows);
        this.notes = List.copyOf(notes);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : stored) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        this.minStored = min;
        this.maxStored = max;
    }

    /**
     * Wraps decoded values without copying them: the caller hands the array over and must not
     * change it afterwards (a 1024² frame is 4 MB, decoded once and then only read).
     *
     * @param stored      row-major stored values, {@code width * height} of them
     * @param monochrome1 whether low values are white (DICOM MONOCHROME1)
     * @param windows     window presets in modality units, best first (may be empty)
     * @param notes       what the decoder had to do that a reader should know (e.g. "RGBA converted to grey")
     */
    public static GreyImage of(int width, int height, int[] stored, Rescale rescale, boolean monochrome1,
            List<Window> windows, List<String> notes) {
        return new GreyImage(width, height, Objects.requireNonNull(stored, "stored"), rescale, monochrome1,
                windows, notes);
    }

    /** The same pixels with one more note. */
    public GreyImage withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new GreyImage(width, height, stored, rescale, monochrome1, windows, more);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The stored value at column x, row y. */
    public int stored(int x, int y) {
        return stored[index(x, y)];
    }

    /** The value at column x, row y after the modality transform. */
    public double modality(int x, int y) {
        return rescale.apply(stored[index(x, y)]);
    }

    /** All stored values, row-major, read-only. */
    public IntBuffer storedValues() {
        return IntBuffer.wrap(stored).asReadOnlyBuffer();
    }

    public int minStored() {
        return minStored;
    }

    public int maxStored() {
        return maxStored;
    }

    public Rescale rescale() {
        return rescale;
    }

    public boolean isMonochrome1() {
        return monochrome1;
    }

    public List<Window> windows() {
        return windows;
    }

    public List<String> notes() {
        return notes;
    }

    /** The first preset, or the window spanning the image's own value range when it has none. */
    public Window defaultWindow() {
        if (!windows.isEmpty()) {
            return windows.get(0);
        }
        double a = rescale.apply(minStored);
        double b = rescale.apply(maxStored);
        return Window.spanning(Math.min(a, b), Math.max(a, b));
    }

    /** The display image: rescale, then the window, then inversion for MONOCHROME1. */
    public Grey8Image toGrey8(Window window) {
        byte[] lut = lookupTable(window);
        byte[] out = new byte[stored.length];
        for (int i = 0; i < stored.length; i++) {
            out[i] = lut[stored[i] - minStored];
        }
        return Grey8Image.wrap(width, height, out);
    }

    /** Display grey (0..255) for every stored value from {@link #minStored()} to {@link #maxStored()}. */
    byte[] lookupTable(Window window) {
        Objects.requireNonNull(window, "window");
        // Stored values are at most 32 bits but in practice 16; the table is built per call,
        // which is cheaper than windowing every pixel of a 1024² frame.
        int size = Math.toIntExact((long) maxStored - minStored + 1);
        byte[] lut = new byte[size];
        for (int i = 0; i < size; i++) {
            int grey = window.toGrey8(rescale.apply((double) minStored + i));
            lut[i] = (byte) (monochrome1 ? 255 - grey : grey);
        }
        return lut;
    }

    private int index(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return y * width + x;
    }

    @Override
    public String toString() {
        return "GreyImage[" + width + "×" + height + ", stored " + minStored + ".." + maxStored + ", " + rescale
                + (monochrome1 ? ", MONOCHROME1" : "") + (notes.isEmpty() ? "" : ", notes " + notes) + "]";
    }
}
