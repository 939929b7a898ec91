package org.lightbox.phantom.internal;

import java.util.Random;

/**
 * Whole-field filters on square float fields: box and multi-scale blurs, bilinear resampling, smooth
 * random textures and the detector's unsharpness. Large blurs run at a reduced resolution, where
 * they cost almost nothing.
 */
final class Filters {

    private Filters() {
    }

    /** Box blur of a square field of side {@code n}; the column pass runs row by row to stay in cache. */
    static void boxBlur(float[] field, int n, int r) {
        if (r <= 0) {
            return;
        }
        float norm = 1f / (2 * r + 1);
        float[] line = new float[n];
        for (int y = 0; y < n; y++) {
            int base = y * n;
            System.arraycopy(field, base, line, 0, n);
            double sum = 0;
            for (int i = -r - 1; i < r; i++) {
                sum += line[clamp(i, n)];
            }
            for (int i = 0; i < n; i++) {
                sum += line[clamp(i + r, n)] - line[clamp(i - r - 1, n)];
                field[base + i] = (float) (sum * norm);
            }
        }
        float[] copy = field.clone();
        float[] sums = new float[n];
        for (int i = -r - 1; i < r; i++) {
            int base = clamp(i, n) * n;
            for (int x = 0; x < n; x++) {
                sums[x] += copy[base + x];
            }
        }
        for (int y = 0; y < n; y++) {
            int add = clamp(y + r, n) * n;
            int sub = clamp(y - r - 1, n) * n;
            int base = y * n;
            for (int x = 0; x < n; x++) {
                sums[x] += copy[add + x] - copy[sub + x];
                field[base + x] = sums[x] * norm;
            }
        }
    }

    static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    /**
     * A smooth version of {@code field} at full size, computed at 1/{@code factor} resolution: mean
     * of factor² blocks, three box passes of radius {@code r / factor}, bilinear expansion. Large blurs
     * cost almost nothing this way.
     */
    static float[] smooth(float[] field, int size, int factor, int r) {
        int m = size / factor;
        float[] small = new float[m * m];
        float norm = 1f / (factor * factor);
        for (int y = 0; y < m * factor; y++) {
            int row = (y / factor) * m;
            int base = y * size;
            for (int bx = 0; bx < m; bx++) {
                float sum = 0;
                for (int k = 0, x = bx * factor; k < factor; k++, x++) {
                    sum += field[base + x];
                }
                small[row + bx] += sum * norm;
            }
        }
        int rs = Math.max(1, r / factor);
        boxBlur(small, m, rs);
        boxBlur(small, m, rs);
        boxBlur(small, m, rs);
        return expand(small, m, size);
    }

    /** Bilinear expansion of an m×m field to size×size (cell centres aligned). */
    static float[] expand(float[] small, int m, int size) {
        float[] out = new float[size * size];
        Resampler resampler = new Resampler(small, m, size);
        float[] row = new float[size];
        for (int y = 0; y < size; y++) {
            resampler.row(y, row);
            System.arraycopy(row, 0, out, y * size, size);
        }
        return out;
    }

    /** Bilinear resampling of an m×m field to size×size, one output row at a time (cell centres aligned). */
    static final class Resampler {

        private final float[] field;
        private final int m;
        private final int size;
        private final int[] x0s;
        private final int[] x1s;
        private final float[] fxs;
        private final float[] rowBuf;

        Resampler(float[] field, int m, int size) {
            this.field = field;
            this.m = m;
            this.size = size;
            double factor = (double) size / m;
            x0s = new int[size];
            x1s = new int[size];
            fxs = new float[size];
            rowBuf = new float[m];
            for (int x = 0; x < size; x++) {
                double sx = Math.max(0, (x + 0.5) / factor - 0.5);   // edges repeat the outermost cell
                x0s[x] = clamp((int) Math.floor(sx), m);
                x1s[x] = clamp(x0s[x] + 1, m);
                fxs[x] = (float) Math.min(1, sx - Math.floor(sx));
            }
        }

        void row(int y, float[] out) {
            if (m == size) {
                System.arraycopy(field, y * size, out, 0, size);
                return;
            }
            double sy = Math.max(0, (y + 0.5) * m / size - 0.5);
            int y0 = clamp((int) Math.floor(sy), m);
            int y1 = clamp(y0 + 1, m);
            float fy = (float) Math.min(1, sy - Math.floor(sy));
            int r0 = y0 * m;
            int r1 = y1 * m;
            for (int x = 0; x < m; x++) {
                rowBuf[x] = field[r0 + x] + fy * (field[r1 + x] - field[r0 + x]);
            }
            if (size == 2 * m) {
                // doubling: each source cell gives two pixels, 3:1 mixes with its left and right neighbours
                out[0] = rowBuf[0];
                for (int k = 0; k < m - 1; k++) {
                    float a = rowBuf[k];
                    float b = rowBuf[k + 1];
                    out[2 * k + 1] = 0.75f * a + 0.25f * b;
                    out[2 * k + 2] = 0.25f * a + 0.75f * b;
                }
                out[size - 1] = rowBuf[m - 1];
                return;
            }
            for (int x = 0; x < size; x++) {
                float a = rowBuf[x0s[x]];
                out[x] = a + fxs[x] * (rowBuf[x1s[x]] - a);
            }
        }
    }

    /** Smooth random texture in −1..1 with features about size/cells wide (lung parenchyma, bowel). */
    static float[] texture(Random random, int cells, int size) {
        float[] small = new float[cells * cells];
        for (int i = 0; i < small.length; i++) {
            small[i] = (float) (2 * random.nextDouble() - 1);
        }
        boxBlur(small, cells, 1);
        for (int i = 0; i < small.length; i++) {
            small[i] *= 2.2f;                      // a 3×3 mean has a third of the spread; restore most of it
        }
        return expand(small, cells, size);
    }

    /** The 1-2-1 binomial filter in both directions: the focal-spot and detector unsharpness of a radiograph. */
    static void soften(float[] field, int size) {
        float[] line = new float[size];
        for (int y = 0; y < size; y++) {
            int base = y * size;
            System.arraycopy(field, base, line, 0, size);
            for (int x = 0; x < size; x++) {
                field[base + x] = 0.25f * line[clamp(x - 1, size)] + 0.5f * line[x] + 0.25f * line[clamp(x + 1, size)];
            }
        }
        float[] copy = field.clone();
        for (int y = 0; y < size; y++) {
            int up = clamp(y - 1, size) * size;
            int down = clamp(y + 1, size) * size;
            int base = y * size;
            for (int x = 0; x < size; x++) {
                field[base + x] = 0.25f * copy[up + x] + 0.5f * copy[base + x] + 0.25f * copy[down + x];
            }
        }
    }
}
