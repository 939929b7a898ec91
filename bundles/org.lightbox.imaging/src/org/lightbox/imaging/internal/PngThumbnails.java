package org.lightbox.imaging.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.Rescale;
import org.lightbox.imaging.Thumbnails;

/**
 * Thumbnails of 8-bit grey PNGs (CXR14's format) straight from the compressed rows: each row is inflated,
 * unfiltered and added into its box while the next is inflated, so no full-size image is ever built (a
 * 1024² file costs two row buffers instead of 5 MB of rows and grey values). The boxes, the window and the
 * rounding are those of {@link Thumbnails#of(GreyImage, int)}, so both paths give the same bytes.
 * Other PNGs return {@code null} and take the full decode.
 */
final class PngThumbnails {

    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int BLOCK_BYTES = 64 << 10;

    /** The display value of each 8-bit sample under the format's default window (full range). */
    private static final byte[] DISPLAY = displayTable();
    private static final boolean IDENTITY = isIdentity(DISPLAY);

    private PngThumbnails() {
    }

    static Grey8Image thumbnail(Path file, int maxSize) throws DecodeException {
        byte[] png = PngDecoder.read(file);
        if (png.length < 33 || PngDecoder.int32(png, 12) != IHDR) {
            return null;
        }
        int w = PngDecoder.int32(png, 16);
        int h = PngDecoder.int32(png, 20);
        boolean grey8 = (png[24] & 0xFF) == 8 && png[25] == 0 && png[28] == 0;
        if (!grey8 || w <= 0 || h <= 0 || Math.max(w, h) <= maxSize || (long) w * h > Integer.MAX_VALUE) {
            return null; // the general path handles (and reports) everything else
        }
        int longer = Math.max(w, h);
        int tw = Math.max(1, (int) Math.round((double) w * maxSize / longer));
        int th = Math.max(1, (int) Math.round((double) h * maxSize / longer));
        int[] boxLeft = new int[tw + 1]; // box tx spans columns boxLeft[tx] .. boxLeft[tx + 1] - 1
        for (int tx = 0; tx <= tw; tx++) {
            boxLeft[tx] = (int) ((long) tx * w / tw);
        }
        byte[] out = new byte[tw * th];
        long[] sums = new long[tw];
        int stride = w + 1;
        // rows are inflated a block at a time (one inflate call per row costs a tenth more), the block's
        // first row unfiltered against the last row of the block before
        int blockRows = Math.max(1, Math.min(h, BLOCK_BYTES / stride));
        byte[] block = new byte[blockRows * stride];
        byte[] above = new byte[stride];
        Rows rows = new Rows(file, png);
        try {
            int ty = 0;
            int boxStart = 0;
            int boxEnd = (int) ((long) h / th);
            for (int y0 = 0; y0 < h; y0 += blockRows) {
                int count = Math.min(blockRows, h - y0);
                rows.next(block, count, stride, y0, h);
                for (int r = 0; r < count; r++) {
                    int y = y0 + r;
                    int at = r * stride;
                    if (r == 0) {
                        unfilter(file, block, at, above, 0, y, w);
                    } else {
                        unfilter(file, block, at, block, at - stride, y, w);
                    }
                    addRow(block, at + 1, boxLeft, sums);
                    if (y + 1 == boxEnd) {
                        for (int tx = 0; tx < tw; tx++) {
                            long n = (long) (boxEnd - boxStart)
                                    * ((int) ((long) (tx + 1) * w / tw) - (int) ((long) tx * w / tw));
                            out[ty * tw + tx] = (byte) ((sums[tx] + n / 2) / n);
                        }
                        Arrays.fill(sums, 0);
                        ty++;
                        boxStart = boxEnd;
                        boxEnd = (int) ((long) (ty + 1) * h / th);
                    }
                }
                System.arraycopy(block, (count - 1) * stride, above, 0, stride);
            }
        } finally {
            rows.end();
        }
        return Grey8Image.of(tw, th, out);
    }

    /** Adds one row's display values into the column sums of its boxes. */
    private static void addRow(byte[] row, int from, int[] boxLeft, long[] sums) {
        for (int tx = 0; tx < sums.length; tx++) {
            int sum = 0;
            int end = from + boxLeft[tx + 1];
            if (IDENTITY) {
                for (int i = from + boxLeft[tx]; i < end; i++) {
                    sum += row[i] & 0xFF;
                }
            } else {
                for (int i = from + boxLeft[tx]; i < end; i++) {
                    sum += DISPLAY[row[i] & 0xFF] & 0xFF;
                }
            }
            sums[tx] += sum;
        }
    }

    /** Feeds IDAT chunks to the inflater as rows are asked for. */
    private static final class Rows {
        private final Path file;
        private final byte[] png;
        private final Inflater inflater = new Inflater();
        private final CRC32 crc = new CRC32();
        private int at = 8;

        Rows(Path file, byte[] png) {
            this.file = file;
            this.png = png;
        }

        /** Inflates the next {@code count} rows, starting with row {@code y}, into {@code into}. */
        void next(byte[] into, int count, int stride, int y, int height) throws DecodeException {
            int length = count * stride;
            int filled = 0;
            try {
                while (filled < length) {
                    if (inflater.needsInput() && !feed()) {
                        break;
                    }
                    int n = inflater.inflate(into, filled, length - filled);
                    filled += n;
                    if (n == 0 && (inflater.finished() || inflater.needsDictionary())) {
                        break;
                    }
                }
            } catch (DataFormatException e) {
                throw new DecodeException(Reason.NOT_RECOGNISED, file, "not a readable png file: its image data do"
                        + " not inflate (" + e.getMessage() + ")", e);
            }
            if (filled < length) {
                throw new DecodeException(Reason.TRUNCATED, file, "truncated: the png data end in row "
                        + (y + filled / stride) + " of " + height);
            }
        }

        /** Moves to the next IDAT chunk; false at IEND or where the file is cut. */
        private boolean feed() throws DecodeException {
            while (at + 12 <= png.length) {
                int length = PngDecoder.int32(png, at);
                int type = PngDecoder.int32(png, at + 4);
                if (length < 0 || at + 12L + length > png.length || type == IEND) {
                    return false;
                }
                crc.reset();
                crc.update(png, at + 4, length + 4);
                if ((int) crc.getValue() != PngDecoder.int32(png, at + 8 + length)) {
                    throw new DecodeException(Reason.NOT_RECOGNISED, file, "not a readable png file: the CRC of the"
                            + " chunk at byte " + at + " does not match its data");
                }
                int data = at + 8;
                at += 12 + length;
                if (type == IDAT && length > 0) {
                    inflater.setInput(png, data, length);
                    return true;
                }
            }
            return false;
        }

        void end() {
            inflater.end();
        }
    }

    /**
     * One row of PNG filters (ISO/IEC 15948 clause 9) for one byte per pixel: the row's filter byte at
     * {@code rows[at]}, its pixels after it; the row above likewise at {@code up[upAt]}.
     */
    private static void unfilter(Path file, byte[] rows, int at, byte[] up, int upAt, int y, int w)
            throws DecodeException {
        int filter = rows[at];
        if (filter < 0 || filter > 4) {
            throw new DecodeException(Reason.NOT_RECOGNISED, file, "not a readable png file: row " + y
                    + " has filter type " + filter + " (0..4 exist)");
        }
        int d = upAt - at; // up[i + d] is the byte above rows[i]
        switch (filter) { // one loop per filter: a switch per byte keeps the JIT from vectorising any of them
            case 1 -> {
                for (int i = at + 2; i <= at + w; i++) {
                    rows[i] += rows[i - 1];
                }
            }
            case 2 -> {
                for (int i = at + 1; i <= at + w; i++) {
                    rows[i] += up[i + d];
                }
            }
            case 3 -> {
                int left = 0;
                for (int i = at + 1; i <= at + w; i++) {
                    left = (rows[i] + ((left + (up[i + d] & 0xFF)) >>> 1)) & 0xFF;
                    rows[i] = (byte) left;
                }
            }
            case 4 -> {
                int left = 0;
                int upLeft = 0;
                for (int i = at + 1; i <= at + w; i++) {
                    int above = up[i + d] & 0xFF;
                    int pa = Math.abs(above - upLeft);
                    int pb = Math.abs(left - upLeft);
                    int pc = Math.abs(left + above - upLeft - upLeft);
                    left = (rows[i] + (pa <= pb && pa <= pc ? left : pb <= pc ? above : upLeft)) & 0xFF;
                    rows[i] = (byte) left;
                    upLeft = above;
                }
            }
            default -> {
            }
        }
    }

    private static boolean isIdentity(byte[] table) {
        for (int v = 0; v < table.length; v++) {
            if ((table[v] & 0xFF) != v) {
                return false;
            }
        }
        return true;
    }

    private static byte[] displayTable() {
        int[] ramp = new int[256];
        for (int v = 0; v < 256; v++) {
            ramp[v] = v;
        }
        GreyImage image = GreyImage.of(256, 1, ramp, Rescale.IDENTITY, false, List.of(ImageIoDecoder.fullRange(8)),
                List.of());
        byte[] table = new byte[256];
        image.toGrey8(image.defaultWindow()).pixels().get(table);
        return table;
    }
}
