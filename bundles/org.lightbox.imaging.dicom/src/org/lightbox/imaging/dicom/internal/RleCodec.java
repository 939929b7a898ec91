package org.lightbox.imaging.dicom.internal;

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits-style
 * segment per byte plane, most significant byte of each sample first, sample by sample.
 */
final class RleCodec {

    private RleCodec() {
    }

    /**
     * The frame's raw samples, interleaved ({@code samplesPerPixel} per pixel), unsigned.
     *
     * @throws IllegalArgumentException with a specific message when the data are not valid RLE
     */
    static int[] decode(byte[] frame, int pixels, int samplesPerPixel, int bitsAllocated) {
        if (bitsAllocated % 8 != 0) {
            throw new IllegalArgumentException("RLE needs whole bytes per sample, not " + bitsAllocated + " bits");
        }
        int bytesPerSample = bitsAllocated / 8;
        int segments = samplesPerPixel * bytesPerSample;
        if (frame.length < 64) {
            throw new IllegalArgumentException("the RLE header needs 64 bytes, the frame has " + frame.length);
        }
        int declared = int32(frame, 0);
        if (declared != segments) {
            throw new IllegalArgumentException("the RLE header declares " + declared + " segments, "
                    + samplesPerPixel + " samples of " + bitsAllocated + " bits need " + segments);
        }
        int[] out = new int[pixels * samplesPerPixel];
        byte[] plane = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            int start = int32(frame, 4 + 4 * s);
            int end = s + 1 < segments ? int32(frame, 8 + 4 * s) : frame.length;
            if (start < 64 || end > frame.length || start > end) {
                throw new IllegalArgumentException("RLE segment " + s + " lies outside the frame (" + start + ".." + end
                        + " of " + frame.length + " bytes)");
            }
            unpackBits(frame, start, end, plane, s);
            int sample = s / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample);
            for (int i = 0; i < pixels; i++) {
                out[i * samplesPerPixel + sample] |= (plane[i] & 0xFF) << shift;
            }
        }
        return out;
    }

    private static void unpackBits(byte[] in, int at, int end, byte[] out, int segment) {
        int o = 0;
        while (o < out.length) {
            if (at >= end) {
                throw new IllegalArgumentException("RLE segment " + segment + " ends after " + o + " of " + out.length
                        + " bytes");
            }
            int n = in[at++];
            if (n >= 0) {
                int count = n + 1;
                if (at + count > end || o + count > out.length) {
                    throw new IllegalArgumentException("RLE segment " + segment + " has a literal run past its end");
                }
                System.arraycopy(in, at, out, o, count);
                at += count;
                o += count;
            } else if (n != -128) {
                int count = 1 - n;
                if (at >= end || o + count > out.length) {
                    throw new IllegalArgumentException("RLE segment " + segment + " has a replicate run past its end");
                }
                byte value = in[at++];
                for (int k = 0; k < count; k++) {
                    out[o++] = value;
                }
            }
        }
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
