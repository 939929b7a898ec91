package org.lightbox.agreement.internal;

import org.lightbox.agreement.Level;
import org.lightbox.agreement.Sample;

/**
 * Statistics that depend only on how many ratings of each category every subject got (not on who gave them): percent
 * agreement, Fleiss' kappa (overall and per category), Krippendorff's alpha, Gwet's AC1 and the Brennan-Prediger
 * coefficient (PABAK for many raters). Each takes the pattern weights (subjects per pattern) and returns NaN when the
 * statistic is undefined for them, so that a bootstrap can call it on every resample.
 * <p>
 * Subjects with fewer than two ratings carry no agreement and are left out of everything here; for Gwet's AC1 they
 * still count in the category proportions, as in Gwet (2014).
 */
final class CountKernels {

    private CountKernels() {
    }

    /** Within-subject agreement of pattern {@code p}: the share of its ordered pairs of ratings that agree. */
    static double subjectAgreement(Patterns patterns, int p) {
        int n = patterns.ratings[p];
        double same = 0;
        for (int c = 0; c < patterns.categories; c++) {
            int x = patterns.count(p, c);
            same += (double) x * (x - 1);
        }
        return same / ((double) n * (n - 1));
    }

    /** Mean pairwise agreement over subjects with two ratings or more. */
    static double percentAgreement(Patterns patterns, double[] w) {
        double sum = 0;
        double subjects = 0;
        for (int p = 0; p < patterns.size; p++) {
            if (patterns.ratings[p] >= 2 && w[p] > 0) {
                sum += w[p] * subjectAgreement(patterns, p);
                subjects += w[p];
            }
        }
        return subjects == 0 ? Double.NaN : sum / subjects;
    }

    /** Pooled category proportions over the ratings of subjects with two ratings or more. */
    static double[] pooledProportions(Patterns patterns, double[] w) {
        double[] share = new double[patterns.categories];
        double total = 0;
        for (int p = 0; p < patterns.size; p++) {
            if (patterns.ratings[p] >= 2 && w[p] > 0) {
                for (int c = 0; c < patterns.categories; c++) {
                    share[c] += w[p] * patterns.count(p, c);
                }
                total += w[p] * patterns.ratings[p];
            }
        }
        for (int c = 0; c < share.length; c++) {
            share[c] /= total;
        }
        return share;
    }

    /** Chance agreement of Fleiss' kappa: the sum of squared pooled proportions. */
    static double fleissChance(Patterns patterns, double[] w) {
        double chance = 0;
        for (double share : pooledProportions(patterns, w)) {
            chance += share * share;
        }
        return chance;
    }

    /**
     * Fleiss' kappa (1971). With the same number of ratings for every subject this is Fleiss' formula exactly; when
     * the numbers differ, each subject's agreement uses its own number and chance uses the pooled proportions.
     */
    static double fleiss(Patterns patterns, double[] w) {
        double observed = percentAgreement(patterns, w);
        double chance = fleissChance(patterns, w);
        return Double.isNaN(observed) || 1 - chance < 1e-12 ? Double.NaN : (observed - chance) / (1 - chance);
    }

    /** Fleiss' kappa for category {@code c} against all others: the overall kappa of the dichotomised counts. */
    static double fleissCategory(Patterns patterns, double[] w, int c) {
        double disagreement = 0;
        double subjects = 0;
        double ofCategory = 0;
        double ratings = 0;
        for (int p = 0; p < patterns.size; p++) {
            int n = patterns.ratings[p];
            if (n >= 2 && w[p] > 0) {
                int x = patterns.count(p, c);
                disagreement += w[p] * x * (double) (n - x) / ((double) n * (n - 1));
                subjects += w[p];
                ofCategory += w[p] * x;
                ratings += w[p] * n;
            }
        }
        double share = ofCategory / ratings;
        double spread = share * (1 - share);
        return subjects == 0 || spread < 1e-15 ? Double.NaN : 1 - disagreement / subjects / spread;
    }

    /**
     * The z of Fleiss, Nee &amp; Landis (1979) for the overall kappa under the null hypothesis, as R's irr reports it;
     * defined only when every subject has the same number {@code m} of ratings. {@code perCategory}: the z of one
     * category's kappa, whose null standard error is {@code sqrt(2 / (N m (m - 1)))}.
     */
    static double fleissZ(Patterns patterns, double[] w, int m, double kappa, int category) {
        double subjects = 0;
        for (int p = 0; p < patterns.size; p++) {
            subjects += patterns.ratings[p] >= 2 ? w[p] : 0;
        }
        double base = 2 / (subjects * m * (m - 1.0));
        if (category >= 0) {
            return kappa / Math.sqrt(base);
        }
        double spread = 0;
        double skew = 0;
        for (double share : pooledProportions(patterns, w)) {
            spread += share * (1 - share);
            skew += share * (1 - share) * (1 - 2 * share);
        }
        double variance = base * (spread * spread - skew) / (spread * spread);
        return kappa / Math.sqrt(variance);
    }

    /** Krippendorff's coincidence matrix: {@code o[c][k]} pairable values of c coinciding with k (Krippendorff 2011). */
    static double[][] coincidences(Patterns patterns, double[] w) {
        int k = patterns.categories;
        double[][] o = new double[k][k];
        for (int p = 0; p < patterns.size; p++) {
            int n = patterns.ratings[p];
            if (n < 2 || w[p] == 0) {
                continue;
            }
            double unit = w[p] / (n - 1);
            for (int c = 0; c < k; c++) {
                int x = patterns.count(p, c);
                if (x == 0) {
                    continue;
                }
                for (int d = 0; d < k; d++) {
                    int y = patterns.count(p, d);
                    o[c][d] += unit * x * (c == d ? y - 1 : y);
                }
            }
        }
        return o;
    }

    /** Squared distances between categories for the level (Krippendorff 2011, section 3); ordinal needs the marginals. */
    static double[][] distances(Level level, double[] scores, double[] marginals) {
        int k = scores.length;
        double[][] delta = new double[k][k];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                delta[c][d] = c == d ? 0 : distance(level, scores, marginals, c, d);
            }
        }
        return delta;
    }

    // a method with plain returns: the Eclipse compiler emitted unverifiable code for a switch expression with yield here
    private static double distance(Level level, double[] scores, double[] marginals, int c, int d) {
        switch (level) {
            case NOMINAL:
                return 1;
            case ORDINAL:
                double between = 0;
                for (int g = Math.min(c, d); g <= Math.max(c, d); g++) {
                    between += marginals[g];
                }
                double v = between - (marginals[c] + marginals[d]) / 2;
                return v * v;
            case INTERVAL:
                return (scores[c] - scores[d]) * (scores[c] - scores[d]);
            case RATIO:
                double sum = scores[c] + scores[d];
                return sum == 0 ? 0 : Math.pow((scores[c] - scores[d]) / sum, 2);
            default:
                throw new IllegalArgumentException("unknown level " + level);
        }
    }

    /** Krippendorff's alpha: {observed disagreement, expected disagreement, alpha, pairable values}. */
    static double[] krippendorffParts(Patterns patterns, double[] w, Level level, double[] scores) {
        double[][] o = coincidences(patterns, w);
        int k = o.length;
        double[] marginals = new double[k];
        double n = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                marginals[c] += o[c][d];
            }
            n += marginals[c];
        }
        double[][] delta = distances(level, scores, marginals);
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                observed += o[c][d] * delta[c][d];
                expected += marginals[c] * marginals[d] * delta[c][d];
            }
        }
        double doObs = observed / n;
        double deExp = expected / (n * (n - 1));
        double alpha = n < 2 || expected <= 0 ? Double.NaN : 1 - (n - 1) * observed / expected;
        return new double[] {doObs, deExp, alpha, n};
    }

    /** Krippendorff's alpha alone, for the bootstrap. */
    static double krippendorff(Patterns patterns, double[] w, Level level, double[] scores) {
        return krippendorffParts(patterns, w, level, scores)[2];
    }

    /**
     * Gwet's AC1 for any number of raters (Gwet 2008; 2014, ch. 4): {AC1, variance, observed, chance}. The variance is
     * Gwet's linearisation without finite-population correction.
     */
    static double[] ac1Parts(Patterns patterns, double[] w) {
        int q = patterns.categories;
        double rated = 0;
        double paired = 0;
        double agreement = 0;
        double[] share = new double[q];
        for (int p = 0; p < patterns.size; p++) {
            int n = patterns.ratings[p];
            if (n == 0 || w[p] == 0) {
                continue;
            }
            rated += w[p];
            for (int c = 0; c < q; c++) {
                share[c] += w[p] * patterns.count(p, c) / (double) n;
            }
            if (n >= 2) {
                paired += w[p];
                agreement += w[p] * subjectAgreement(patterns, p);
            }
        }
        if (q < 2 || paired == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double chance = 0;
        for (int c = 0; c < q; c++) {
            share[c] /= rated;
            chance += share[c] * (1 - share[c]) / (q - 1);
        }
        double observed = agreement / paired;
        double ac1 = (observed - chance) / (1 - chance);
        double squares = 0;
        for (int p = 0; p < patterns.size; p++) {
            int n = patterns.ratings[p];
            if (n == 0 || w[p] == 0) {
                continue;
            }
            double own = n >= 2 ? (rated / paired) * (subjectAgreement(patterns, p) - chance) / (1 - chance) : 0;
            double ownChance = 0;
            for (int c = 0; c < q; c++) {
                ownChance += patterns.count(p, c) * (1 - share[c]) / (n * (q - 1.0));
            }
            double linear = own - 2 * (1 - ac1) * (ownChance - chance) / (1 - chance);
            squares += w[p] * (linear - ac1) * (linear - ac1);
        }
        double variance = rated > 1 ? squares / (rated * (rated - 1)) : Double.NaN;
        return new double[] {ac1, variance, observed, chance};
    }

    /** Gwet's AC1 alone, for the bootstrap. */
    static double ac1(Patterns patterns, double[] w) {
        return ac1Parts(patterns, w)[0];
    }

    /** Brennan &amp; Prediger's coefficient, chance 1/q: PABAK generalised to many raters and q categories. */
    static double brennanPrediger(Patterns patterns, double[] w) {
        int q = patterns.categories;
        double observed = percentAgreement(patterns, w);
        return q < 2 ? Double.NaN : (observed - 1.0 / q) / (1 - 1.0 / q);
    }

    /** The n of the count statistics: subjects with two ratings or more, the raters among them, ratings and pairs. */
    static Sample sample(Patterns patterns, double[] w) {
        double subjects = 0;
        double ratings = 0;
        double pairs = 0;
        boolean[] rater = new boolean[patterns.raters];
        for (int p = 0; p < patterns.size; p++) {
            int n = patterns.ratings[p];
            if (n >= 2 && w[p] > 0) {
                subjects += w[p];
                ratings += w[p] * n;
                pairs += w[p] * n * (n - 1) / 2.0;
                for (int r = 0; r < patterns.raters; r++) {
                    rater[r] |= patterns.code(p, r) != -1;
                }
            }
        }
        int raters = 0;
        for (boolean b : rater) {
            raters += b ? 1 : 0;
        }
        return new Sample((int) subjects, raters, (long) ratings, (long) pairs);
    }
}
