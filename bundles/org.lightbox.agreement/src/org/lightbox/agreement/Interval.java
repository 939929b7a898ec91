package org.lightbox.agreement;

/**
 * A confidence interval and how it was made.
 *
 * @param lower lower limit
 * @param upper upper limit
 * @param confidence its level, e.g. 0.95
 * @param method how it was computed, in words a reader can check ("Wilson score", "percentile bootstrap, 1000
 *        resamples of 1,695 patients, seed 1")
 */
public record Interval(double lower, double upper, double confidence, String method) {

    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("not an interval: " + lower + " to " + upper);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie between 0 and 1: " + confidence);
        }
    }
}
