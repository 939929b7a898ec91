package org.lightbox.imaging;

/**
 * A VOI window in modality units (after {@link Rescale}), with the linear function of
 * DICOM PS3.3 C.11.2.1.2.1, which maps centre − 0.5 to the middle of the output range.
 *
 * @param centre      window centre (DICOM Window Center)
 * @param width       window width, at least 1 (DICOM Window Width)
 * @param explanation the preset's name (DICOM Window Center &amp; Width Explanation), or ""
 */
public record Window(double centre, double width, String explanation) {

    public Window {
        if (!Double.isFinite(centre) || !Double.isFinite(width) || width < 1) {
            throw new IllegalArgumentException("a window needs a finite centre and a width of at least 1, got "
                    + centre + "/" + width);
        }
        explanation = explanation == null ? "" : explanation;
    }

    public static Window of(double centre, double width) {
        return new Window(centre, width, "");
    }

    /** The window that spans [min, max] exactly, for images that carry no preset. */
    public static Window spanning(double min, double max) {
        double width = Math.max(1, max - min + 1);
        return of(min + width / 2, width);
    }

    /** Maps a modality value to 0..255 (0 = black for MONOCHROME2 images). */
    public int toGrey8(double value) {
        double lower = centre - 0.5 - (width - 1) / 2;
        double upper = centre - 0.5 + (width - 1) / 2;
        if (value <= lower) {
            return 0;
        }
        if (value > upper) {
            return 255;
        }
        double y = ((value - (centre - 0.5)) / (width - 1) + 0.5) * 255;
        return (int) Math.round(Math.min(255, Math.max(0, y)));
    }
}
