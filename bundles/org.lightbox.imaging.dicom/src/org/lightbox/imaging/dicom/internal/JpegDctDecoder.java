package org.lightbox.imaging.dicom.internal;

import java.util.Arrays;

/**
 * Sequential DCT JPEG with Huffman coding (ITU-T T.81 processes 1, 2 and 4: baseline and extended, 8- or
 * 12-bit samples), written from the standard for the one case no reachable Java decoder handles: DICOM's
 * 12-bit JPEG Extended (1.2.840.10008.1.2.4.51). The JDK and TwelveMonkeys refuse "JPEG data precision 12".
 * Interleaved scans are decoded when every component has sampling factors 1×1, which covers grey images.
 * The inverse DCT is computed in floating point; IJG's integer IDCT (used by dcmtk) may differ by one or two
 * grey levels, which is why lossy JPEG is compared with a tolerance.
 */
final class JpegDctDecoder {

    private static final int[] ZIGZAG = { 0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40,
        48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
        52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63 };
    private static final double[][] COS = new double[8][8];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1;
                COS[x][u] = c / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
    }

    private final byte[] data;
    private int pos;
    private final int[][] quant = new int[4][];
    private final Huffman[] dc = new Huffman[4];
    private final Huffman[] ac = new Huffman[4];
    private int precision;
    private int width;
    private int height;
    private int[] ids;
    private int[] tq;
    private int restartInterval;
    private int[] out;
    private int bitBuffer;
    private int bitCount;

    private JpegDctDecoder(byte[] data) {
        this.data = data;
    }

    /**
     * Decodes a whole JPEG stream.
     *
     * @throws IllegalArgumentException with a specific message for data this decoder cannot or will not decode
     */
    static Decoded decode(byte[] jpeg) {
        try {
            return new JpegDctDecoder(jpeg).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the JPEG data end before the image is complete", e);
        }
    }

    /** The image: samples interleaved by component, row-major, 0..2^precision − 1. */
    record Decoded(int width, int height, int components, int precision, int[] samples) {
    }

    private Decoded run() {
        if (u16() != 0xFFD8) {
            throw new IllegalArgumentException("no JPEG start-of-image marker");
        }
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case 0xFFC0, 0xFFC1 -> frame();
                case 0xFFC4 -> huffmanTables();
                case 0xFFDB -> quantTables();
                case 0xFFDD -> {
                    u16();
                    restartInterval = u16();
                }
                case 0xFFDA -> scan();
                case 0xFFD9 -> {
                    if (out == null) {
                        throw new IllegalArgumentException("the JPEG data end without a scan");
                    }
                    return new Decoded(width, height, ids.length, precision, out);
                }
                default -> {
                    if (marker >= 0xFFC2 && marker <= 0xFFCF && marker != 0xFFC4 && marker != 0xFFC8
                            && marker != 0xFFCC) {
                        throw new IllegalArgumentException(String.format("JPEG process with marker %04X is not"
                                + " sequential Huffman DCT", marker));
                    }
                    pos += u16() - 2; // APPn, COM and others: skip
                }
            }
        }
    }

    private int nextMarker() {
        while (pos < data.length && (data[pos] & 0xFF) != 0xFF) {
            pos++;
        }
        while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
            pos++;
        }
        if (pos >= data.length) {
            if (out != null) {
                return 0xFFD9; // missing EOI after a complete scan: accept, as IJG does with a warning
            }
            throw new IllegalArgumentException("the JPEG data end before a scan");
        }
        return 0xFF00 | data[pos++] & 0xFF;
    }

    private void frame() {
        int end = pos + u16();
        precision = data[pos++] & 0xFF;
        height = u16();
        width = u16();
        int n = data[pos++] & 0xFF;
        if (precision != 8 && precision != 12 || width == 0 || height == 0 || n == 0) {
            throw new IllegalArgumentException("unsupported JPEG frame: precision " + precision + ", " + width + "×"
                    + height + ", " + n + " components");
        }
        ids = new int[n];
        tq = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = data[pos++] & 0xFF;
            int hv = data[pos++] & 0xFF;
            if (n > 1 && hv != 0x11) {
                throw new IllegalArgumentException("subsampled JPEG components are not decoded here");
            }
            tq[i] = data[pos++] & 3;
        }
        pos = end;
    }

    private void quantTables() {
        int end = pos + u16();
        while (pos < end) {
            int pq = (data[pos] & 0xFF) >> 4;
            int t = data[pos++] & 3;
            int[] q = new int[64];
            for (int i = 0; i < 64; i++) {
                q[ZIGZAG[i]] = pq == 0 ? data[pos++] & 0xFF : u16();
            }
            quant[t] = q;
        }
    }

    private void huffmanTables() {
        int end = pos + u16();
        while (pos < end) {
            int tc = (data[pos] & 0xFF) >> 4;
            int th = data[pos++] & 3;
            int[] counts = new int[17];
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                counts[i] = data[pos++] & 0xFF;
                total += counts[i];
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = data[pos++] & 0xFF;
            }
            (tc == 0 ? dc : ac)[th] = new Huffman(counts, values);
        }
    }

    private void scan() {
        if (ids == null) {
            throw new IllegalArgumentException("a JPEG scan before the frame header");
        }
        int end = pos + u16();
        int ns = data[pos++] & 0xFF;
        int[] comp = new int[ns];
        int[] td = new int[ns];
        int[] ta = new int[ns];
        for (int i = 0; i < ns; i++) {
            int id = data[pos++] & 0xFF;
            comp[i] = indexOf(id);
            td[i] = (data[pos] & 0xFF) >> 4;
            ta[i] = data[pos++] & 3;
        }
        pos = end;
        if (out == null) {
            out = new int[width * height * ids.length];
        }
        int bw = (width + 7) / 8;
        int bh = (height + 7) / 8;
        int[] pred = new int[ns];
        int[] coef = new int[64];
        double[] block = new double[64];
        int mcus = 0;
        bitBuffer = 0;
        bitCount = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                if (restartInterval > 0 && mcus > 0 && mcus % restartInterval == 0) {
                    restart(pred);
                }
                for (int i = 0; i < ns; i++) {
                    int[] q = quant[tq[comp[i]]];
                    if (q == null || dc[td[i]] == null || ac[ta[i]] == null) {
                        throw new IllegalArgumentException("a JPEG scan refers to a missing table");
                    }
                    pred[i] += decodeBlock(coef, dc[td[i]], ac[ta[i]], pred[i]);
                    for (int k = 0; k < 64; k++) {
                        block[k] = coef[k] * q[k];
                    }
                    store(block, bx, by, comp[i]);
                }
                mcus++;
            }
        }
    }

    private int indexOf(int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new IllegalArgumentException("a JPEG scan names component " + id + " that the frame lacks");
    }

    private void restart(int[] pred) {
        bitBuffer = 0;
        bitCount = 0;
        Arrays.fill(pred, 0);
        while (pos + 1 < data.length && !((data[pos] & 0xFF) == 0xFF && (data[pos + 1] & 0xF8) == 0xD0)) {
            pos++;
        }
        pos += 2;
    }

    /** Decodes one block's coefficients (natural order) and returns the DC difference. */
    private int decodeBlock(int[] coef, Huffman dcTable, Huffman acTable, int predictor) {
        Arrays.fill(coef, 0);
        int t = dcTable.decode(this);
        int diff = t == 0 ? 0 : extend(bits(t), t);
        coef[0] = predictor + diff;
        for (int k = 1; k < 64;) {
            int rs = acTable.decode(this);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break;
                }
                k += 16;
                continue;
            }
            k += r;
            if (k > 63) {
                throw new IllegalArgumentException("corrupt JPEG data: AC coefficient index past 63");
            }
            coef[ZIGZAG[k]] = extend(bits(s), s);
            k++;
        }
        return diff;
    }

    private void store(double[] f, int bx, int by, int component) {
        double[] tmp = new double[64];
        for (int y = 0; y < 8; y++) { // rows: sum over u
            for (int x = 0; x < 8; x++) {
                double s = 0;
                for (int u = 0; u < 8; u++) {
                    s += COS[x][u] * f[y * 8 + u];
                }
                tmp[y * 8 + x] = s;
            }
        }
        int shift = 1 << (precision - 1);
        int max = (1 << precision) - 1;
        int n = ids.length;
        for (int x = 0; x < 8; x++) { // columns: sum over v
            int px = bx * 8 + x;
            if (px >= width) {
                continue;
            }
            for (int y = 0; y < 8; y++) {
                int py = by * 8 + y;
                if (py >= height) {
                    break;
                }
                double s = 0;
                for (int v = 0; v < 8; v++) {
                    s += COS[y][v] * tmp[v * 8 + x];
                }
                int value = (int) Math.round(s) + shift;
                out[(py * width + px) * n + component] = Math.max(0, Math.min(max, value));
            }
        }
    }

    private int bit() {
        if (bitCount == 0) {
            int b = 0;
            if (pos < data.length) {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : 0;
                    if (next == 0) {
                        pos += 2;
                    } else {
                        b = 0; // a marker: feed zeros, as the standard's decoders do, and leave the marker
                    }
                } else {
                    pos++;
                }
            }
            bitBuffer = b;
            bitCount = 8;
        }
        bitCount--;
        return (bitBuffer >> bitCount) & 1;
    }

    private int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 1 | bit();
        }
        return v;
    }

    private static int extend(int v, int t) {
        return v < 1 << (t - 1) ? v - (1 << t) + 1 : v;
    }

    private int u16() {
        int v = (data[pos] & 0xFF) << 8 | data[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    /** Canonical Huffman table (T.81 Annex C and F.2.2.3). */
    private static final class Huffman {
        private final int[] maxCode = new int[18];
        private final int[] valPtr = new int[17];
        private final int[] minCode = new int[17];
        private final int[] values;

        Huffman(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                valPtr[len] = k;
                minCode[len] = code;
                code += counts[len];
                k += counts[len];
                maxCode[len] = counts[len] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }

        int decode(JpegDctDecoder in) {
            int code = in.bit();
            for (int len = 1; len <= 16; len++) {
                if (maxCode[len] >= 0 && code <= maxCode[len]) {
                    return values[valPtr[len] + code - minCode[len]];
                }
                code = code << 1 | in.bit();
            }
            throw new IllegalArgumentException("corrupt JPEG data: no Huffman code matches");
        }
    }
}
