package org.lightbox.agreement;

/**
 * The n behind an estimate.
 *
 * @param subjects subjects (images) that entered the estimate
 * @param raters raters (readers) that entered it
 * @param ratings ratings used
 * @param pairs within-subject pairs of ratings compared (Krippendorff's pairable values are twice this); for a
 *        proportion such as sensitivity, its denominator
 */
public record Sample(int subjects, int raters, long ratings, long pairs) {

    public Sample {
        if (subjects < 0 || raters < 0 || ratings < 0 || pairs < 0) {
            throw new IllegalArgumentException("negative count in a sample: " + subjects + ", " + raters + ", " + ratings + ", " + pairs);
        }
    }

    /** A sample for a proportion: {@code denominator} subjects, one comparison each. */
    public static Sample of(int denominator) {
        return new Sample(denominator, 1, denominator, denominator);
    }
}
