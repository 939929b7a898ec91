package org.lightbox.ui.internal.reading;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * Shrinks 8-bit grey image data by averaging the box of source pixels behind each target pixel: done once per
 * image and size in Java (a few milliseconds for 1024²), so that painting is a plain copy instead of a cairo
 * filtered scale on every paint (150–250 ms for 1024² on a 2-core machine).
 */
final class Resample {

    private Resample() {
    }

    /** The image at {@code w} × {@code h} (each at most the source's), same palette. */
    static ImageData down(ImageData source, int w, int h, PaletteData palette) {
        int sw = source.width;
        int sh = source.height;
        int stride = source.bytesPerLine;
        byte[] src = source.data;
        int targetStride = (w + 3) & ~3;                 // SWT pads 8-bit scan lines to 4 bytes
        byte[] out = new byte[targetStride * h];
        int[] x0 = new int[w + 1];
        for (int tx = 0; tx <= w; tx++) {
            x0[tx] = (int) ((long) tx * sw / w);
        }
        int[] sums = new int[w];
        for (int ty = 0; ty < h; ty++) {
            int y0 = (int) ((long) ty * sh / h);
            int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * sh / h));
            java.util.Arrays.fill(sums, 0);
            for (int y = y0; y < y1; y++) {
                int row = y * stride;
                for (int tx = 0; tx < w; tx++) {
                    int end = Math.max(x0[tx] + 1, x0[tx + 1]);
                    int sum = 0;
                    for (int x = x0[tx]; x < end; x++) {
                        sum += src[row + x] & 0xff;
                    }
                    sums[tx] += sum;
                }
            }
            int base = ty * targetStride;
            for (int tx = 0; tx < w; tx++) {
                int n = (y1 - y0) * (Math.max(x0[tx] + 1, x0[tx + 1]) - x0[tx]);
                out[base + tx] = (byte) ((sums[tx] + n / 2) / n);
            }
        }
        return new ImageData(w, h, 8, palette, 4, out);
    }
}
