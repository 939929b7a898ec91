package org.lightbox.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One statistic's estimate with its confidence intervals and its n, or the reason it is undefined for the data (then
 * {@link #value()} is NaN and must not be shown as a number: {@link #format()} prints the reason instead).
 *
 * @param statistic what was estimated, in words ("Cohen's kappa (linear weights)")
 * @param value the estimate; NaN exactly when undefined
 * @param standardError its standard error where an analytic one exists, else NaN
 * @param intervals confidence intervals, the preferred one first (may be empty when none could be made)
 * @param n the subjects, raters, ratings and pairs behind it
 * @param undefinedReason why there is no estimate, or null
 * @param details further named numbers (z, p, observed and chance agreement, prevalence and bias indices)
 * @param notes how the data were handled (missing ratings, varying numbers of raters)
 */
public record Estimate(String statistic, double value, double standardError, List<Interval> intervals, Sample n,
        String undefinedReason, Map<String, Double> details, List<String> notes) {

    public Estimate {
        if (statistic == null || statistic.isBlank() || n == null) {
            throw new IllegalArgumentException("an estimate needs a statistic and its n");
        }
        if ((undefinedReason == null) == Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(statistic + ": a value must be finite, or undefined with a reason (value "
                    + value + ", reason " + undefinedReason + ")");
        }
        intervals = List.copyOf(intervals);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        notes = List.copyOf(notes);
    }

    /** A defined estimate without intervals yet. */
    public static Estimate of(String statistic, double value, Sample n) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(statistic + " is not a finite number (" + value + "): give a reason with undefined()");
        }
        return new Estimate(statistic, value, Double.NaN, List.of(), n, null, Map.of(), List.of());
    }

    /** An estimate that the data do not allow, with the reason in words. */
    public static Estimate undefined(String statistic, Sample n, String reason) {
        return new Estimate(statistic, Double.NaN, Double.NaN, List.of(), n, reason, Map.of(), List.of());
    }

    /** Whether there is a number. */
    public boolean defined() {
        return undefinedReason == null;
    }

    /** The estimate, empty when undefined. */
    public OptionalDouble estimate() {
        return defined() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** The preferred interval. */
    public Optional<Interval> interval() {
        return intervals.isEmpty() ? Optional.empty() : Optional.of(intervals.get(0));
    }

    /** A named detail (z, p, ...), empty when absent. */
    public OptionalDouble detail(String name) {
        Double d = details.get(name);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    /** This estimate with an analytic standard error. */
    public Estimate withStandardError(double se) {
        return new Estimate(statistic, value, se, intervals, n, undefinedReason, details, notes);
    }

    /** This estimate with one more interval, preferred (first) or last. */
    public Estimate withInterval(Interval interval, boolean preferred) {
        List<Interval> all = new ArrayList<>(intervals);
        all.add(preferred ? 0 : all.size(), interval);
        return new Estimate(statistic, value, standardError, all, n, undefinedReason, details, notes);
    }

    /** This estimate with a named detail; non-finite numbers are left out rather than shown. */
    public Estimate withDetail(String name, double number) {
        if (!Double.isFinite(number)) {
            return this;
        }
        Map<String, Double> all = new LinkedHashMap<>(details);
        all.put(name, number);
        return new Estimate(statistic, value, standardError, intervals, n, undefinedReason, all, notes);
    }

    /** This estimate with a note on how the data were handled. */
    public Estimate withNote(String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return new Estimate(statistic, value, standardError, intervals, n, undefinedReason, details, all);
    }

    /** One line for people: {@code Fleiss' kappa = 0.4302 (95% CI 0.3400 to 0.5200, percentile bootstrap ...), n = 30 subjects}. */
    public String format() {
        StringBuilder line = new StringBuilder(statistic);
        if (!defined()) {
            return line.append(": undefined (").append(undefinedReason).append("), n = ").append(n.subjects()).append(" subjects").toString();
        }
        line.append(String.format(Locale.ROOT, " = %.4f", value));
        interval().ifPresent(ci -> line.append(String.format(Locale.ROOT, " (%.0f%% CI %.4f to %.4f, %s)",
                100 * ci.confidence(), ci.lower(), ci.upper(), ci.method())));
        return line.append(", n = ").append(n.subjects()).append(" subjects").toString();
    }
}
