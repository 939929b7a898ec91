package org.lightbox.imaging;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleToIntFunction;

/**
 * One decoded grey frame, ready for windowing. It keeps the stored values (sign-extended,
 * masked to Bits Stored) together with the modality transform — a {@link Rescale}, or a Modality
 * LUT that replaces it — rather than pre-rescaled values, because a fractional slope would otherwise
 * lose precision; {@link #modality(int, int)} gives the value in modality units and
 * {@link #toGrey8(Window)} / {@link #toGrey8(LookupTable)} apply the modality transform, the VOI
 * transform and the display inversion in the order DICOM prescribes (PS3.4 N.2.1, grayscale pipeline).
 */
public final class GreyImage {

    private final int width;
    private final int height;
    private final int[] stored;
    private final int minStored;
    private final int maxStored;
    private final Rescale rescale;
    private final LookupTable modalityLut;
    private final boolean monochrome1;
    private final List<Window> windows;
    private final List<LookupTable> voiLuts;
    private final List<String> notes;

    // Above this many distinct stored values a per-call table costs more than windowing each pixel.
    private static final int MAX_TABLE = 1 << 20;

    private GreyImage(int width, int height, int[] stored, Rescale rescale, boolean monochrome1,
            List<Window> windows, List<String> notes) {
        this(width, height, stored, rescale, null, monochrome1, windows, List.of(), notes);
    }

    private GreyImage(int width, int height, int[] stored, Rescale rescale, LookupTable modalityLut,
            boolean monochrome1, List<Window> windows, List<LookupTable> voiLuts, List<String> notes) {
        if (width <= 0 || height <= 0 || stored.length != Math.multiplyExact(width, height)) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + (long) width * height
                    + " values, got " + stored.length);
        }
        this.width = width;
        this.height = height;
        this.stored = stored;
        this.rescale = Objects.requireNonNull(rescale, "rescale");
        this.modalityLut = modalityLut;
        this.monochrome1 = monochrome1;
        this.windows = List.copyOf(windows);
        this.voiLuts = List.copyOf(voiLuts);
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
     * @param monochrome1 whether low values are white: DICOM MONOCHROME1, or Presentation LUT Shape INVERSE
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
        return new GreyImage(width, height, stored, rescale, modalityLut, monochrome1, windows, voiLuts, more);
    }

    /**
     * The same pixels with a Modality LUT (DICOM Modality LUT Sequence), which replaces the rescale:
     * {@link #modality(int, int)} then returns the table's output.
     */
    public GreyImage withModalityLut(LookupTable lut) {
        Objects.requireNonNull(lut, "lut");
        return new GreyImage(width, height, stored, rescale, lut, monochrome1, windows, voiLuts, notes);
    }

    /**
     * The same pixels shown with the other polarity: for a file whose photometric interpretation contradicts its
     * content ({@link Polarity}). Notes that described the old polarity are replaced by {@code note}.
     */
    public GreyImage withPolarity(boolean lowValuesWhite, String note) {
        List<String> kept = new ArrayList<>();
        for (String n : notes) {
            if (!n.startsWith("MONOCHROME1") && !n.startsWith("Presentation LUT Shape INVERSE")) {
                kept.add(n);
            }
        }
        kept.add(Objects.requireNonNull(note, "note"));
        return new GreyImage(width, height, stored, rescale, modalityLut, lowValuesWhite, windows, voiLuts, kept);
    }

    /** The same pixels with VOI LUT presets (DICOM VOI LUT Sequence), in file order. */
    public GreyImage withVoiLuts(List<LookupTable> luts) {
        return new GreyImage(width, height, stored, rescale, modalityLut, monochrome1, windows, luts, notes);
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

    /** The value at column x, row y after the modality transform (Modality LUT if present, else rescale). */
    public double modality(int x, int y) {
        return modalityOf(stored[index(x, y)]);
    }

    private double modalityOf(int storedValue) {
        return modalityLut != null ? modalityLut.apply(storedValue) : rescale.apply(storedValue);
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

    /** The rescale; ignored for display when {@link #modalityLut()} is present. */
    public Rescale rescale() {
        return rescale;
    }

    /** The Modality LUT that replaces the rescale, if the image has one. */
    public Optional<LookupTable> modalityLut() {
        return Optional.ofNullable(modalityLut);
    }

    /** VOI LUT presets (DICOM VOI LUT Sequence), in file order; may be empty. */
    public List<LookupTable> voiLuts() {
        return voiLuts;
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

    /**
     * The first window preset, or the window spanning the image's own modality values when it has none
     * (with a Modality LUT, its outputs for the stored range).
     */
    public Window defaultWindow() {
        if (!windows.isEmpty()) {
            return windows.get(0);
        }
        double a = modalityOf(minStored);
        double b = modalityOf(maxStored);
        if (modalityLut != null) { // a LUT need not be monotonic: span its outputs over the stored range
            int[] v = modalityLut.values();
            for (int i = 0; i < v.length; i++) {
                long input = (long) modalityLut.firstMapped() + i;
                if (input >= minStored && input <= maxStored) {
                    a = Math.min(a, v[i]);
                    b = Math.max(b, v[i]);
                }
            }
        }
        return Window.spanning(Math.min(a, b), Math.max(a, b));
    }

    /** The display image: modality transform, then the window, then inversion for MONOCHROME1. */
    public Grey8Image toGrey8(Window window) {
        Objects.requireNonNull(window, "window");
        return display(window::toGrey8);
    }

    /**
     * The display image through a VOI LUT: modality transform, then the table (its output range
     * 0..2^bits−1 spread over 0..255), then inversion for MONOCHROME1.
     */
    public Grey8Image toGrey8(LookupTable voiLut) {
        Objects.requireNonNull(voiLut, "voiLut");
        double scale = 255.0 / voiLut.maxOutput();
        return display(value -> (int) Math.round(Math.min(255, Math.max(0,
                voiLut.apply((int) Math.floor(value)) * scale))));
    }

    private Grey8Image display(DoubleToIntFunction voi) {
        byte[] out = new byte[stored.length];
        long range = (long) maxStored - minStored + 1;
        if (range <= MAX_TABLE) {
            byte[] lut = lookupTable(voi);
            for (int i = 0; i < stored.length; i++) {
                out[i] = lut[stored[i] - minStored];
            }
        } else { // e.g. 32-bit dose grids: a table over the whole range would not fit
            for (int i = 0; i < stored.length; i++) {
                out[i] = shown(voi, stored[i]);
            }
        }
        return Grey8Image.wrap(width, height, out);
    }

    /** The stored values themselves, for the thumbnail code in this package: never to be changed. */
    int[] storedArray() {
        return stored;
    }

    /** Whether {@link #lookupTable(Window)} is cheaper than windowing pixel by pixel. */
    boolean hasSmallRange() {
        return (long) maxStored - minStored + 1 <= MAX_TABLE;
    }

    /** Display grey (0..255) for every stored value from {@link #minStored()} to {@link #maxStored()}. */
    byte[] lookupTable(Window window) {
        Objects.requireNonNull(window, "window");
        return lookupTable(window::toGrey8);
    }

    private byte[] lookupTable(DoubleToIntFunction voi) {
        // Built per call, which is cheaper than windowing every pixel of a 1024² frame.
        int size = (int) ((long) maxStored - minStored + 1);
        byte[] lut = new byte[size];
        for (int i = 0; i < size; i++) {
            lut[i] = shown(voi, minStored + i);
        }
        return lut;
    }

    private byte shown(DoubleToIntFunction voi, int storedValue) {
        int grey = voi.applyAsInt(modalityOf(storedValue));
        return (byte) (monochrome1 ? 255 - grey : grey);
    }

    private int index(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return y * width + x;
    }

    @Override
    public String toString() {
        return "GreyImage[" + width + "×" + height + ", stored " + minStored + ".." + maxStored + ", "
                + (modalityLut != null ? modalityLut : rescale)
                + (monochrome1 ? ", MONOCHROME1" : "") + (notes.isEmpty() ? "" : ", notes " + notes) + "]";
    }
}
