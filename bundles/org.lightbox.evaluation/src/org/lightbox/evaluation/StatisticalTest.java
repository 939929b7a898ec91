package org.lightbox.evaluation;

import java.util.Locale;

/**
 * A test of a difference (between two models, or between strata) with its statistic and p-value.
 *
 * @param test the test in words ("paired DeLong", "chi-square test of homogeneity")
 * @param distribution the statistic's reference distribution
 * @param statistic z, t or chi-square
 * @param degreesOfFreedom of a t or chi-square statistic; NaN for z
 * @param p two-sided p-value (for chi-square, the upper tail)
 */
public record StatisticalTest(String test, Distribution distribution, double statistic, double degreesOfFreedom, double p) {

    /** The reference distribution of a statistic. */
    public enum Distribution { Z, T, CHI_SQUARE }

    /** One line for people. */
    public String format() {
        return switch (distribution) {
            case Z -> String.format(Locale.ROOT, "%s: z = %.3f, p = %.3g", test, statistic, p);
            case T -> String.format(Locale.ROOT, "%s: t = %.3f, df = %.1f, p = %.3g", test, statistic, degreesOfFreedom, p);
            case CHI_SQUARE -> String.format(Locale.ROOT, "%s: chi-square = %.3f, df = %.0f, p = %.3g", test, statistic, degreesOfFreedom, p);
        };
    }
}
