package org.lightbox.imaging;

import java.util.Arrays;
import java.util.Objects;

/**
 * A DICOM lookup table (PS3.3 C.11.1.1 for the Modality LUT, C.11.2.1.1 for the VOI LUT): input values
 * from {@code firstMapped} on index {@code values}; inputs below the first entry map to the first value,
 * inputs beyond the last entry to the last value.
 *
 * @param firstMapped the input value that maps to {@code values[0]} (LUT Descriptor, second value)
 * @param values      the table (LUT Data), at least one entry; never changed after construction
 * @param bits        bits per entry (LUT Descriptor, third value), 1..16; a VOI LUT's output spans 0..2^bits−1
 * @param explanation LUT Explanation, or ""
 */
public record LookupTable(int firstMapped, int[] values, int bits, String explanation) {

    public LookupTable {
        Objects.requireNonNull(values, "values");
        if (values.length == 0 || bits < 1 || bits > 16) {
            throw new IllegalArgumentException("a lookup table needs at least one entry and 1..16 bits per entry, got "
                    + values.length + " entries of " + bits + " bits");
        }
        values = values.clone();
        explanation = explanation == null ? "" : explanation;
    }

    /** The table's output for an input value. */
    public int apply(int input) {
        long index = (long) input - firstMapped;
        if (index <= 0) {
            return values[0];
        }
        return index >= values.length ? values[values.length - 1] : values[(int) index];
    }

    /** The largest output the table's bit depth allows: a VOI LUT's white. */
    public int maxOutput() {
        return (1 << bits) - 1;
    }

    public int size() {
        return values.length;
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupTable t && firstMapped == t.firstMapped && bits == t.bits
                && explanation.equals(t.explanation) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstMapped, bits, explanation, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "LookupTable[" + values.length + " entries from " + firstMapped + ", " + bits + " bits"
                + (explanation.isEmpty() ? "" : ", " + explanation) + "]";
    }
}
