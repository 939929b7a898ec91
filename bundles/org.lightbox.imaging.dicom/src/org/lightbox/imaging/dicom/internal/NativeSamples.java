package org.lightbox.imaging.dicom.internal;

/**
 * Unpacks uncompressed samples (PS3.5 8.1.1 and 8.2): 1-bit samples packed from the least significant
 * bit, 8-, 16- and 32-bit samples in the data set's byte order.
 */
final class NativeSamples {

    private NativeSamples() {
    }

    /**
     * The byte range [start, end) of the value that holds {@code count} samples from sample {@code first};
     * for 8-bit samples swapped in words the range is widened to whole 16-bit words.
     */
    static long[] byteRange(long first, long count, int bitsAllocated, boolean swapPairs) {
        if (bitsAllocated == 1) {
            return new long[] { first / 8, (first + count + 7) / 8 };
        }
        int size = bitsAllocated / 8;
        long start = first * size;
        long end = (first + count) * size;
        return swapPairs ? new long[] { start & ~1L, (end + 1) & ~1L } : new long[] { start, end };
    }

    /** Samples to skip at the start of a {@link #byteRange} (bits for 1-bit data). */
    static int skip(long first, int bitsAllocated, boolean swapPairs) {
        if (bitsAllocated == 1) {
            return (int) (first % 8);
        }
        return swapPairs ? (int) (first & 1) : 0;
    }

    /**
     * The unsigned raw samples in {@code data}, a {@link #byteRange}, after skipping {@link #skip} samples.
     *
     * @param bigEndian Explicit VR Big Endian: each sample of 16 or 32 bits is byte-swapped
     * @param swapPairs 8-bit samples in a big-endian OW value, stored swapped in 16-bit words (the twins
     *                  SC_rgb_small_odd.dcm and SC_rgb_small_odd_big_endian.dcm in pydicom's test set show it)
     */
    static int[] unpack(byte[] data, int skip, int count, int bitsAllocated, boolean bigEndian, boolean swapPairs) {
        int[] out = new int[count];
        switch (bitsAllocated) {
            case 1 -> {
                for (int i = 0; i < count; i++) {
                    int at = skip + i;
                    out[i] = (data[at >>> 3] >> (at & 7)) & 1;
                }
            }
            case 8 -> {
                for (int i = 0; i < count; i++) {
                    int at = swapPairs ? (skip + i) ^ 1 : i;
                    out[i] = data[at] & 0xFF;
                }
            }
            case 16 -> {
                for (int i = 0; i < count; i++) {
                    int a = data[2 * i] & 0xFF;
                    int b = data[2 * i + 1] & 0xFF;
                    out[i] = bigEndian ? a << 8 | b : b << 8 | a;
                }
            }
            case 32 -> {
                for (int i = 0; i < count; i++) {
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int shift = bigEndian ? 8 * (3 - k) : 8 * k;
                        v |= (data[4 * i + k] & 0xFF) << shift;
                    }
                    out[i] = v;
                }
            }
            default -> throw new IllegalArgumentException("bits allocated " + bitsAllocated);
        }
        return out;
    }
}
