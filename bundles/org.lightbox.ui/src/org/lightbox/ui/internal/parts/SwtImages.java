package org.lightbox.ui.internal.parts;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.lightbox.imaging.Grey8Image;

/** Grey display images as SWT images, without a trip through AWT. */
final class SwtImages {

    private static final PaletteData GREY = greyPalette();

    private SwtImages() {
    }

    /** The image as 8-bit grey image data, at its own size. */
    static ImageData data(Grey8Image image) {
        byte[] pixels = new byte[image.width() * image.height()];
        image.pixels().get(pixels);
        return new ImageData(image.width(), image.height(), 8, GREY, 1, pixels);
    }

    /**
     * An SWT image at most {@code size} pixels on its longer side: the image itself when it fits, else shrunk
     * by averaging boxes of pixels (a 128-pixel thumbnail becomes the table's 64-pixel one without aliasing).
     */
    static Image grey(Display display, Grey8Image image, int size) {
        int w = image.width();
        int h = image.height();
        int longer = Math.max(w, h);
        if (longer <= size) {
            return new Image(display, data(image));
        }
        int tw = Math.max(1, Math.round((float) w * size / longer));
        int th = Math.max(1, Math.round((float) h * size / longer));
        byte[] src = new byte[w * h];
        image.pixels().get(src);
        byte[] out = new byte[tw * th];
        for (int ty = 0; ty < th; ty++) {
            int y0 = ty * h / th;
            int y1 = Math.max(y0 + 1, (ty + 1) * h / th);
            for (int tx = 0; tx < tw; tx++) {
                int x0 = tx * w / tw;
                int x1 = Math.max(x0 + 1, (tx + 1) * w / tw);
                int sum = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        sum += Byte.toUnsignedInt(src[y * w + x]);
                    }
                }
                int n = (y1 - y0) * (x1 - x0);
                out[ty * tw + tx] = (byte) ((sum + n / 2) / n);
            }
        }
        return new Image(display, new ImageData(tw, th, 8, GREY, 1, out));
    }

    private static PaletteData greyPalette() {
        RGB[] rgbs = new RGB[256];
        for (int i = 0; i < 256; i++) {
            rgbs[i] = new RGB(i, i, i);
        }
        return new PaletteData(rgbs);
    }
}
