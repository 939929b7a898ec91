package org.lightbox.imaging;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Small display images for grids. The frame is windowed at full size first and then shrunk by
 * averaging whole boxes of display pixels, so a thumbnail looks like the full view seen from afar
 * (no aliasing of fine wires and lines, no contrast change from averaging before the window).
 */
public final class Thumbnails {

    private Thumbnails() {
    }

    /** A thumbnail at most {@code maxSize} pixels on its longer side, with the image's default window. */
    public static Grey8Image of(GreyImage image, int maxSize) {
        return of(image, maxSize, image.defaultWindow());
    }

    /** A thumbnail at most {@code maxSize} pixels on its longer side; images already that small are not enlarged. */
    public static Grey8Image of(GreyImage image, int maxSize, Window window) {
        Objects.requireNonNull(image, "image");
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
        }
        int w = image.width();
        int h = image.height();
        int longer = Math.max(w, h);
        if (longer <= maxSize) {
            return image.toGrey8(window);
        }
        int tw = Math.max(1, (int) Math.round((double) w * maxSize / longer));
        int th = Math.max(1, (int) Math.round((double) h * maxSize / longer));
        if (image.hasSmallRange()) { // window each pixel through the table while summing: no full-size copy
            byte[] lut = image.lookupTable(window);
            int[] stored = image.storedArray();
            int min = image.minStored();
            return shrink(w, h, i -> Byte.toUnsignedInt(lut[stored[i] - min]), tw, th);
        }
        Grey8Image full = image.toGrey8(window);
        byte[] src = new byte[w * h];
        full.pixels().get(src);
        return shrink(w, h, i -> Byte.toUnsignedInt(src[i]), tw, th);
    }

    /** Box average of display grey values, {@code grey.applyAsInt(i)} for pixel i in row-major order. */
    private static Grey8Image shrink(int w, int h, IntUnaryOperator grey, int tw, int th) {
        byte[] out = new byte[tw * th];
        for (int ty = 0; ty < th; ty++) {
            int y0 = (int) ((long) ty * h / th);
            int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * h / th));
            for (int tx = 0; tx < tw; tx++) {
                int x0 = (int) ((long) tx * w / tw);
                int x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * w / tw));
                long sum = 0;
                for (int y = y0; y < y1; y++) {
                    int row = y * w;
                    for (int x = x0; x < x1; x++) {
                        sum += grey.applyAsInt(row + x);
                    }
                }
                long n = (long) (y1 - y0) * (x1 - x0);
                out[ty * tw + tx] = (byte) ((sum + n / 2) / n);
            }
        }
        return Grey8Image.wrap(tw, th, out);
    }
}
