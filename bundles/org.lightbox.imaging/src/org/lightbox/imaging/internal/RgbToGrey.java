package org.lightbox.imaging.internal;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.Rescale;

/** Turns whatever ImageIO returned into grey stored values, noting any conversion. */
final class RgbToGrey {

    private RgbToGrey() {
    }

    static GreyImage convert(BufferedImage image, String format) {
        Raster raster = image.getRaster();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int bits = raster.getSampleModel().getSampleSize(0);
        List<String> notes = new ArrayList<>();
        int[] grey;
        if (image.getColorModel() instanceof IndexColorModel palette) {
            grey = fromPalette(raster, palette, notes);
            bits = 8;
        } else if (bands <= 2) {
            grey = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            if (bands == 2) {
                noteAlpha(raster, 1, bits, notes);
            }
        } else {
            grey = fromColour(raster, bands, notes);
            if (bands >= 4) {
                noteAlpha(raster, 3, bits, notes);
            }
        }
        return GreyImage.of(w, h, grey, Rescale.IDENTITY, false, List.of(ImageIoDecoder.fullRange(bits)), notes);
    }

    private static int[] fromColour(Raster raster, int bands, List<String> notes) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] r = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        int[] g = raster.getSamples(0, 0, w, h, 1, (int[]) null);
        int[] b = raster.getSamples(0, 0, w, h, 2, (int[]) null);
        return fromColour(r, g, b, bands >= 4 ? "RGBA" : "RGB", notes);
    }

    /** Grey from colour planes: the red plane when all channels agree, else BT.601 luma; says which in a note. */
    static int[] fromColour(int[] r, int[] g, int[] b, String kind, List<String> notes) {
        boolean identical = true;
        for (int i = 0; i < r.length && identical; i++) {
            identical = r[i] == g[i] && g[i] == b[i];
        }
        if (identical) {
            notes.add(kind + " image with identical colour channels: took them as grey unchanged");
            return r;
        }
        int[] grey = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            grey[i] = luma(r[i], g[i], b[i]);
        }
        notes.add(kind + " image with differing colour channels: converted to grey as ITU-R BT.601 luma");
        return grey;
    }

    private static int[] fromPalette(Raster raster, IndexColorModel palette, List<String> notes) {
        int[] index = raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), 0, (int[]) null);
        int[] grey = new int[index.length];
        boolean identical = true;
        for (int i = 0; i < index.length; i++) {
            int r = palette.getRed(index[i]);
            int g = palette.getGreen(index[i]);
            int b = palette.getBlue(index[i]);
            identical &= r == g && g == b;
            grey[i] = luma(r, g, b);
        }
        notes.add(identical ? "palette image with grey entries: took the palette's grey levels"
                : "palette colour image: converted to grey as ITU-R BT.601 luma");
        return grey;
    }

    private static void noteAlpha(Raster raster, int band, int bits, List<String> notes) {
        noteAlpha(raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), band, (int[]) null), bits, notes);
    }

    static void noteAlpha(int[] alpha, int bits, List<String> notes) {
        int opaque = (1 << bits) - 1;
        for (int a : alpha) {
            if (a != opaque) {
                notes.add("alpha channel ignored although some pixels are not opaque");
                return;
            }
        }
        notes.add("alpha channel ignored (all pixels opaque)");
    }

    private static int luma(int r, int g, int b) {
        return (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
}
