package org.lightbox.evaluation;

import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.Distributions;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Sample;

/**
 * A model at one operating point against the reference: the 2x2 table and every statistic a reader of a diagnostic
 * accuracy study expects, each with its n and interval. Proportions have Wilson score intervals (via
 * {@link DiagnosticAccuracy}); likelihood ratios the log method (Simel et al. 1991); the diagnostic odds ratio Woolf's
 * logit interval, with 0.5 added to every cell when one is zero (Haldane-Anscombe); F1 a delta-method Wald interval.
 *
 * @param finding the finding
 * @param point the operating point
 * @param truePositives score >= threshold, reference positive
 * @param falsePositives score >= threshold, reference negative
 * @param falseNegatives score below threshold, reference positive
 * @param trueNegatives score below threshold, reference negative
 * @param confidence the intervals' level
 */
public record PointMetrics(String finding, OperatingPoint point, long truePositives, long falsePositives, long falseNegatives,
        long trueNegatives, double confidence, Estimate sensitivity, Estimate specificity, Estimate accuracy, Estimate f1,
        Estimate ppv, Estimate npv, Estimate positiveLikelihoodRatio, Estimate negativeLikelihoodRatio,
        Estimate diagnosticOddsRatio) {

    /** PPV and NPV at a deployment prevalence. */
    public record PredictiveValues(double prevalence, Estimate ppv, Estimate npv) {
    }

    /** The model's calls at {@code point} on {@code data}. */
    public static PointMetrics at(BinaryScores data, OperatingPoint point, double confidence) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        double t = point.threshold();
        double[] s = data.scores();
        boolean[] truth = data.truth();
        for (int i = 0; i < s.length; i++) {
            if (s[i] >= t) {
                if (truth[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (truth[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return of(data.finding(), point, tp, fp, fn, tn, confidence);
    }

    /** From the four counts. */
    public static PointMetrics of(String finding, OperatingPoint point, long tp, long fp, long fn, long tn, double confidence) {
        DiagnosticAccuracy d = DiagnosticAccuracy.of(tp, fp, fn, tn, confidence);
        long n = tp + fp + fn + tn;
        return new PointMetrics(finding, point, tp, fp, fn, tn, confidence, d.sensitivity(), d.specificity(),
                proportion("Accuracy", tp + tn, n, confidence), f1(tp, fp, fn, n, confidence), d.ppv(), d.npv(),
                likelihoodRatio(true, tp, fp, fn, tn, confidence), likelihoodRatio(false, tp, fp, fn, tn, confidence),
                oddsRatio(tp, fp, fn, tn, confidence));
    }

    /** Images. */
    public long n() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** Reference positives over images. */
    public double prevalence() {
        return (truePositives + falseNegatives) / (double) n();
    }

    /**
     * PPV and NPV where the finding has {@code prevalence}, from this sensitivity and specificity (Bayes), with the
     * logit intervals of Mercaldo, Lau &amp; Zhou (2007): logit PPV = log LR+ + logit prevalence.
     */
    public PredictiveValues atPrevalence(double prevalence) {
        if (!(prevalence > 0 && prevalence < 1)) {
            throw new IllegalArgumentException("a deployment prevalence lies strictly between 0 and 1: " + prevalence);
        }
        double logitPrev = Math.log(prevalence / (1 - prevalence));
        String at = String.format(java.util.Locale.ROOT, " at prevalence %.4g", prevalence);
        return new PredictiveValues(prevalence, shifted("PPV" + at, positiveLikelihoodRatio, logitPrev, 1),
                shifted("NPV" + at, negativeLikelihoodRatio, -logitPrev, -1));
    }

    private Estimate shifted(String name, Estimate lr, double shift, int sign) {
        Sample sample = Sample.of((int) n());
        if (!lr.defined()) {
            return Estimate.undefined(name, sample, "the likelihood ratio is 0 or undefined (a cell of the 2x2 table is zero)");
        }
        double logit = sign * Math.log(lr.value()) + shift;
        double z = Distributions.twoSidedNormal(confidence);
        double se = lr.standardError();
        return Estimate.of(name, expit(logit), sample).withInterval(new Interval(expit(logit - z * se), expit(logit + z * se), confidence,
                "logit (Mercaldo, Lau & Zhou 2007)"), true);
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static Estimate proportion(String name, long hits, long n, double confidence) {
        Sample sample = Sample.of((int) n);
        if (n == 0) {
            return Estimate.undefined(name, sample, "no images");
        }
        double[] ci = Distributions.wilson(hits, n, confidence);
        return Estimate.of(name, hits / (double) n, sample).withInterval(new Interval(ci[0], ci[1], confidence, "Wilson score"), true);
    }

    private static Estimate f1(long tp, long fp, long fn, long n, double confidence) {
        Sample sample = Sample.of((int) n);
        long d = 2 * tp + fp + fn;
        if (d == 0) {
            return Estimate.undefined("F1", sample, "no reference positives and no positive calls");
        }
        double f = 2.0 * tp / d;
        // delta method under the multinomial: var F1 = 4 TP (FP + FN)(TP + FP + FN) / (2 TP + FP + FN)^4
        double se = 2 * Math.sqrt((double) tp * (fp + fn) * (tp + fp + fn)) / ((double) d * d);
        double z = Distributions.twoSidedNormal(confidence);
        return Estimate.of("F1", f, sample).withStandardError(se)
                .withInterval(new Interval(Math.max(0, f - z * se), Math.min(1, f + z * se), confidence, "Wald, delta method"), true);
    }

    private static Estimate likelihoodRatio(boolean positive, long tp, long fp, long fn, long tn, double confidence) {
        String name = positive ? "LR+" : "LR-";
        Sample sample = Sample.of((int) (tp + fp + fn + tn));
        long a = positive ? tp : fn;
        long b = positive ? fp : tn;
        double n1 = tp + fn;
        double n0 = fp + tn;
        if (n1 == 0 || n0 == 0 || a == 0 || b == 0) {
            return Estimate.undefined(name, sample, "a cell of the 2x2 table is zero (TP " + tp + ", FP " + fp + ", FN " + fn + ", TN " + tn
                    + "): the ratio is 0 or infinite");
        }
        double lr = (a / n1) / (b / n0);
        double se = Math.sqrt(1.0 / a - 1 / n1 + 1.0 / b - 1 / n0);
        double z = Distributions.twoSidedNormal(confidence);
        return Estimate.of(name, lr, sample).withStandardError(se).withInterval(new Interval(lr * Math.exp(-z * se), lr * Math.exp(z * se),
                confidence, "log method (Simel, Samsa & Matchar 1991)"), true);
    }

    private static Estimate oddsRatio(long tp, long fp, long fn, long tn, double confidence) {
        Sample sample = Sample.of((int) (tp + fp + fn + tn));
        boolean zero = tp == 0 || fp == 0 || fn == 0 || tn == 0;
        double add = zero ? 0.5 : 0;
        double a = tp + add;
        double b = fp + add;
        double c = fn + add;
        double d = tn + add;
        double dor = a * d / (b * c);
        double se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
        double z = Distributions.twoSidedNormal(confidence);
        Estimate e = Estimate.of("DOR", dor, sample).withStandardError(se).withInterval(new Interval(dor * Math.exp(-z * se),
                dor * Math.exp(z * se), confidence, zero ? "Woolf (logit), 0.5 added to every cell" : "Woolf (logit)"), true);
        return zero ? e.withNote("a cell of the 2x2 table is zero: 0.5 added to every cell (Haldane-Anscombe)") : e;
    }
}
