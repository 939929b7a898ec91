package org.lightbox.ui.internal.evaluation;

import java.util.Locale;

import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.StatisticalTest;

/** How the evaluation view writes an estimate with its interval and a test with its p. */
final class Formats {

    private Formats() {
    }

    /** "0.818 (0.810–0.826)", or "undefined: <why>". */
    static String estimate(Estimate e, int decimals) {
        if (e == null) {
            return "";
        }
        if (!e.defined()) {
            return "undefined";
        }
        String f = "%." + decimals + "f";
        String value = String.format(Locale.ROOT, f, e.value());
        return e.interval().map(ci -> value + String.format(Locale.ROOT, " (" + f + "–" + f + ")", ci.lower(), ci.upper()))
                .orElse(value);
    }

    /** "p = 0.0632 (z = -1.86)", "p = 0.659 (χ² = 0.19, df 1)", or "not testable". */
    static String test(StatisticalTest t) {
        if (t == null) {
            return "not testable";
        }
        String p = t.p() < 1e-4 ? String.format(Locale.ROOT, "p = %.1e", t.p()) : String.format(Locale.ROOT, "p = %.4f", t.p());
        return switch (t.distribution()) {
            case Z -> String.format(Locale.ROOT, "%s (z = %.2f)", p, t.statistic());
            case T -> String.format(Locale.ROOT, "%s (t = %.2f, df %.0f)", p, t.statistic(), t.degreesOfFreedom());
            case CHI_SQUARE -> String.format(Locale.ROOT, "%s (χ² = %.2f, df %.0f)", p, t.statistic(), t.degreesOfFreedom());
        };
    }
}
