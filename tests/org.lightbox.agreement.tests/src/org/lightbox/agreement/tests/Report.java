package org.lightbox.agreement.tests;

import java.util.Locale;

import org.lightbox.agreement.Estimate;

/** Table cells for the printed reports of the real-data tests. */
final class Report {

    private Report() {
    }

    /** "0.4302 (0.3086-0.5335)" or "undefined". */
    static String cell(Estimate e) {
        if (!e.defined()) {
            return "undefined";
        }
        return e.interval().map(ci -> String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", e.value(), ci.lower(), ci.upper()))
                .orElse(String.format(Locale.ROOT, "%.4f (no CI)", e.value()));
    }

    /** A proportion with its interval and n: "0.4580 (0.3959-0.5214) n=238". */
    static String proportion(Estimate e) {
        return cell(e) + String.format(Locale.ROOT, " n=%d", e.n().subjects());
    }
}
