package org.lightbox.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * How to evaluate.
 *
 * @param confidence level of every interval, e.g. 0.95
 * @param operatingPoint {@code youden}, {@code fixed:T}, {@code sensitivity:X} or {@code specificity:X}
 * @param split where the operating point is chosen: {@code patients} (on the images of even patient ids, numeric ids by
 *        value and others by their hash, then applied to the rest; needs a patient column) or {@code none} (chosen and
 *        applied on all images)
 * @param deploymentPrevalence a prevalence to report PPV and NPV at, or NaN for none
 * @param strata metadata columns to split the results by
 * @param cohortColumn the column to group the cohort table by, or null for the tuning / evaluation split
 */
public record EvaluationOptions(double confidence, String operatingPoint, String split, double deploymentPrevalence, List<String> strata,
        String cohortColumn) {

    public EvaluationOptions {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("the confidence level lies strictly between 0 and 1: " + confidence);
        }
        if (!Double.isNaN(deploymentPrevalence) && !(deploymentPrevalence > 0 && deploymentPrevalence < 1)) {
            throw new IllegalArgumentException("the deployment prevalence lies strictly between 0 and 1: " + deploymentPrevalence);
        }
        if (!split.equals("patients") && !split.equals("none")) {
            throw new IllegalArgumentException("split must be 'patients' or 'none': " + split);
        }
        strata = List.copyOf(strata);
        rule(operatingPoint);
    }

    /** 95%, Youden's point chosen on even patients, no deployment prevalence, no strata. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(0.95, "youden", "patients", Double.NaN, List.of(), null);
    }

    /** The rule's kind ({@code youden}, {@code fixed}, {@code sensitivity}, {@code specificity}) and its number (NaN for youden). */
    public static Object[] rule(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("youden")) {
            return new Object[] {"youden", Double.NaN};
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        double x;
        try {
            x = Double.parseDouble(s.substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            x = Double.NaN;
        }
        boolean known = kind.equals("fixed") || kind.equals("sensitivity") || kind.equals("specificity");
        if (colon < 0 || !known || !Double.isFinite(x) || (!kind.equals("fixed") && !(x > 0 && x <= 1))) {
            throw new IllegalArgumentException("operating point '" + spec + "' is not one of youden, fixed:T, sensitivity:X, specificity:X"
                    + " (X in (0, 1])");
        }
        return new Object[] {kind, x};
    }

    /** The same options with other strata. */
    public EvaluationOptions withStrata(List<String> columns) {
        return new EvaluationOptions(confidence, operatingPoint, split, deploymentPrevalence, columns, cohortColumn);
    }
}
