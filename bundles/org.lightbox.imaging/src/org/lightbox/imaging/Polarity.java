package org.lightbox.imaging;

/**
 * Whether a frontal chest film, as it would be displayed, looks like a negative: lung fields brighter than the
 * mediastinum and spine. Used to catch files whose photometric interpretation contradicts their pixels (a
 * MONOCHROME2 film re-labelled MONOCHROME1 by a converter shows as a negative in a viewer that follows the
 * header). Radiologists read bone white; such a file is shown the other way round, with a note saying so.
 * <p>
 * The measure is deliberately coarse: mean displayed grey of two lateral bands (x 20–35 % and 65–80 %) against a
 * central band (x 45–55 %), all over y 30–65 % of the image, sampled every few pixels.
 */
public final class Polarity {

    /** How much brighter (in 8-bit grey) the lung bands must be than the centre before a film counts as negative. */
    static final int MARGIN = 25;

    private Polarity() {
    }

    /** True when {@code image}, displayed with its default window, has lung fields clearly brighter than its centre. */
    public static boolean looksLikeNegativeChest(GreyImage image) {
        Grey8Image shown = image.toGrey8(image.defaultWindow());
        double centre = mean(shown, 0.45, 0.55);
        double lungs = (mean(shown, 0.20, 0.35) + mean(shown, 0.65, 0.80)) / 2;
        return lungs - centre > MARGIN;
    }

    private static double mean(Grey8Image image, double fromX, double toX) {
        int x0 = (int) (image.width() * fromX);
        int x1 = Math.max(x0 + 1, (int) (image.width() * toX));
        int y0 = (int) (image.height() * 0.30);
        int y1 = Math.max(y0 + 1, (int) (image.height() * 0.65));
        int step = Math.max(1, Math.min(image.width(), image.height()) / 256);
        long sum = 0;
        long n = 0;
        for (int y = y0; y < y1; y += step) {
            for (int x = x0; x < x1; x += step) {
                sum += image.grey(x, y);
                n++;
            }
        }
        return (double) sum / n;
    }
}
