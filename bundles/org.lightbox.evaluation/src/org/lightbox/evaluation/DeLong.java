package org.lightbox.evaluation;

import java.util.Arrays;
import java.util.List;

import org.lightbox.agreement.Distributions;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Sample;

/**
 * The area under the ROC curve as the exact Mann-Whitney statistic (ties count one half), with DeLong, DeLong &amp;
 * Clarke-Pearson's (1988) variance from the placement values, the paired test of two models on the same images and
 * the unpaired test of two independent samples (as R's pROC {@code ci.auc} and {@code roc.test(method = "delong")}).
 */
public final class DeLong {

    /** The placement values: for each positive, the share of negatives it outranks; for each negative, of positives above. */
    record Placements(double auc, double[] positives, double[] negatives) {

        double variance() {
            return variance(positives, positives) / positives.length + variance(negatives, negatives) / negatives.length;
        }

        double covariance(Placements other) {
            return variance(positives, other.positives) / positives.length + variance(negatives, other.negatives) / negatives.length;
        }

        private static double variance(double[] a, double[] b) {
            double ma = mean(a);
            double mb = mean(b);
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += (a[i] - ma) * (b[i] - mb);
            }
            return s / (a.length - 1);
        }

        private static double mean(double[] a) {
            double s = 0;
            for (double x : a) {
                s += x;
            }
            return s / a.length;
        }
    }

    private DeLong() {
    }

    /** AUROC with its DeLong interval and standard error; undefined without positives or negatives. */
    public static Estimate auroc(BinaryScores data, double confidence) {
        int m = data.positives();
        int n = data.size() - m;
        return m == 0 || n == 0 ? estimate(data, m, null, confidence) : estimate(data, m, placements(data), confidence);
    }

    private static Estimate estimate(BinaryScores data, int m, Placements p, double confidence) {
        int n = data.size() - m;
        Sample sample = new Sample(data.size(), 1, data.size(), (long) m * n);
        String name = "AUROC " + data.finding();
        if (m == 0 || n == 0) {
            return Estimate.undefined(name, sample, "the reference has no " + (m == 0 ? "positives" : "negatives"));
        }
        Estimate e = Estimate.of(name, p.auc, sample).withDetail("positives", m).withDetail("negatives", n);
        if (m < 2 || n < 2) {
            return e.withNote("DeLong's variance needs two positives and two negatives: no interval");
        }
        double variance = p.variance();
        double se = Math.sqrt(variance);
        double z = Distributions.twoSidedNormal(confidence);
        return e.withStandardError(se).withDetail("variance", variance).withInterval(new Interval(Math.max(0, p.auc - z * se),
                Math.min(1, p.auc + z * se), confidence, "DeLong (1988)"), true);
    }

    /** Placement values of every positive and negative, in image order; exact with ties (one half each). */
    static Placements placements(BinaryScores data) {
        double[] pos = data.sortedScores(true);
        double[] neg = data.sortedScores(false);
        double[] v10 = new double[pos.length];
        double[] v01 = new double[neg.length];
        long twiceWins = 0;
        int i = 0;
        int j = 0;
        double[] s = data.scores();
        boolean[] t = data.truth();
        for (int k = 0; k < s.length; k++) {
            if (t[k]) {
                long below = lowerBound(neg, s[k]);
                long twice = 2 * below + (upperBound(neg, s[k]) - below);
                twiceWins += twice;
                v10[i++] = twice / (2.0 * neg.length);
            } else {
                int above = upperBound(pos, s[k]);
                long twice = 2L * (pos.length - above) + (above - lowerBound(pos, s[k]));
                v01[j++] = twice / (2.0 * pos.length);
            }
        }
        return new Placements(twiceWins / (2.0 * pos.length * (double) neg.length), v10, v01);
    }

    /** Two models on the same images against the same reference: both AUROCs, their difference with its CI, and the test. */
    public static ModelComparison paired(BinaryScores a, BinaryScores b, double confidence) {
        if (!Arrays.equals(a.truth(), b.truth())) {
            throw new IllegalArgumentException("a paired comparison needs the same images and reference for both models");
        }
        int m = a.positives();
        String name = "AUROC difference " + a.finding();
        if (m < 2 || a.size() - m < 2) {
            Estimate ea = auroc(a, confidence);
            return new ModelComparison(ea, auroc(b, confidence), Estimate.undefined(name, ea.n(), "no AUROC variance"), null);
        }
        Placements pa = placements(a);
        Placements pb = placements(b);
        Estimate ea = estimate(a, m, pa, confidence);
        Estimate eb = estimate(b, m, pb, confidence);
        double variance = pa.variance() + pb.variance() - 2 * pa.covariance(pb);
        double diff = pa.auc - pb.auc;
        double se = Math.sqrt(variance);
        double zq = Distributions.twoSidedNormal(confidence);
        Estimate d = Estimate.of(name, diff, ea.n()).withStandardError(se)
                .withInterval(new Interval(diff - zq * se, diff + zq * se, confidence, "paired DeLong"), true);
        double z = diff / se;
        return new ModelComparison(ea, eb, d, new StatisticalTest("paired DeLong", StatisticalTest.Distribution.Z, z, Double.NaN,
                Distributions.twoSidedP(z)));
    }

    /**
     * Unpaired DeLong test of two AUROCs from independent samples (e.g. men and women): the difference over the root of
     * the summed variances, against Student's t with Welch-Satterthwaite degrees of freedom from the two sample sizes
     * (as pROC's {@code roc.test(paired = FALSE)}).
     */
    public static StatisticalTest unpaired(Estimate a, Estimate b) {
        double va = a.standardError() * a.standardError();
        double vb = b.standardError() * b.standardError();
        double t = (a.value() - b.value()) / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.n().subjects() - 1) + vb * vb / (b.n().subjects() - 1));
        return new StatisticalTest("unpaired DeLong", StatisticalTest.Distribution.T, t, df, Distributions.studentTwoSidedP(t, df));
    }

    /**
     * Whether several independent AUROCs differ: with two, the unpaired DeLong z; with more, the chi-square of their
     * inverse-variance weighted deviations from the pooled AUROC on k - 1 degrees of freedom. Null when fewer than two
     * strata have an AUROC with a variance.
     */
    public static StatisticalTest difference(List<Estimate> strata) {
        List<Estimate> usable = strata.stream().filter(e -> e.defined() && e.standardError() > 0).toList();
        if (usable.size() < 2) {
            return null;
        }
        if (usable.size() == 2) {
            return unpaired(usable.get(0), usable.get(1));
        }
        double sw = 0;
        double swx = 0;
        for (Estimate e : usable) {
            double w = 1 / (e.standardError() * e.standardError());
            sw += w;
            swx += w * e.value();
        }
        double pooled = swx / sw;
        double q = 0;
        for (Estimate e : usable) {
            double d = e.value() - pooled;
            q += d * d / (e.standardError() * e.standardError());
        }
        int df = usable.size() - 1;
        return new StatisticalTest("chi-square test of equal AUROCs (DeLong variances)", StatisticalTest.Distribution.CHI_SQUARE, q, df,
                Distributions.chiSquareSurvival(q, df));
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
