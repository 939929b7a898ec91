package org.lightbox.agreement.internal;

import org.lightbox.agreement.Weights;

/**
 * Two-rater statistics from a k x k table of (weighted) counts: Cohen's kappa, plain or weighted, with the asymptotic
 * variances of Fleiss, Cohen &amp; Everitt (1969) as SAS PROC FREQ prints them; PABAK with the prevalence and bias
 * indices of Byrt, Bishop &amp; Carlin (1993).
 */
final class PairKernels {

    private PairKernels() {
    }

    /**
     * Cohen's kappa and its parts.
     *
     * @param kappa the estimate (NaN when chance agreement is 1)
     * @param variance asymptotic variance (non-null)
     * @param nullVariance variance under kappa = 0, for the z test
     * @param observed observed (weighted) agreement
     * @param chance chance (weighted) agreement
     * @param n subjects
     */
    record Cohen(double kappa, double variance, double nullVariance, double observed, double chance, double n) {
    }

    /** The patterns in which raters {@code a} and {@code b} both rated: the only ones their table needs. */
    static int[] shared(Patterns patterns, int a, int b) {
        int[] both = new int[patterns.size];
        int n = 0;
        for (int p = 0; p < patterns.size; p++) {
            if (patterns.code(p, a) >= 0 && patterns.code(p, b) >= 0) {
                both[n++] = p;
            }
        }
        return java.util.Arrays.copyOf(both, n);
    }

    /** The pair's table from the pattern weights, over the patterns {@link #shared} found. */
    static double[][] table(Patterns patterns, double[] w, int a, int b, int[] shared) {
        int k = patterns.categories;
        double[][] t = new double[k][k];
        for (int p : shared) {
            t[patterns.code(p, a)][patterns.code(p, b)] += w[p];
        }
        return t;
    }

    static double total(double[][] t) {
        double n = 0;
        for (double[] row : t) {
            for (double v : row) {
                n += v;
            }
        }
        return n;
    }

    /** The categories either rater used: weights place categories at their positions among these (as R's irr does). */
    static boolean[] used(double[][] t) {
        boolean[] used = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (t[i][j] > 0) {
                    used[i] = true;
                    used[j] = true;
                }
            }
        }
        return used;
    }

    /**
     * Cohen's kappa with agreement weights; weights NONE gives the simple kappa (1960). Weighted: the categories in
     * {@code used} sit at positions 0..k'-1 in order, so a category neither rater chose leaves no gap (R irr
     * {@code kappa2}; SAS does the same with its default scores for equally spaced levels).
     */
    static Cohen cohen(double[][] t, Weights weights, boolean[] used) {
        int k = t.length;
        int[] position = new int[k];
        int levels = 0;
        for (int i = 0; i < k; i++) {
            position[i] = used[i] ? levels++ : -1;
        }
        double n = total(t);
        double[] row = new double[k];
        double[] col = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                row[i] += t[i][j] / n;
                col[j] += t[i][j] / n;
            }
        }
        double[][] wt = new double[k][k];
        double observed = 0;
        double chance = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                wt[i][j] = used[i] && used[j] ? weights.weight(position[i], position[j], levels) : 0;
                observed += wt[i][j] * t[i][j] / n;
                chance += wt[i][j] * row[i] * col[j];
            }
        }
        if (n == 0 || 1 - chance < 1e-12) {
            return new Cohen(Double.NaN, Double.NaN, Double.NaN, observed, chance, n);
        }
        double kappa = (observed - chance) / (1 - chance);
        double[] rowMean = new double[k]; // sum_j p.j w_ij
        double[] colMean = new double[k]; // sum_i pi. w_ij
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowMean[i] += col[j] * wt[i][j];
                colMean[j] += row[i] * wt[i][j];
            }
        }
        double a = 0;
        double a0 = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = wt[i][j] - (rowMean[i] + colMean[j]) * (1 - kappa);
                a += t[i][j] / n * d * d;
                double d0 = wt[i][j] - (rowMean[i] + colMean[j]);
                a0 += row[i] * col[j] * d0 * d0;
            }
        }
        double scale = (1 - chance) * (1 - chance) * n;
        double c = kappa - chance * (1 - kappa);
        double variance = (a - c * c) / scale;
        double nullVariance = (a0 - chance * chance) / scale;
        return new Cohen(kappa, variance, nullVariance, observed, chance, n);
    }

    /** Proportion of subjects on the diagonal. */
    static double observed(double[][] t) {
        double same = 0;
        for (int i = 0; i < t.length; i++) {
            same += t[i][i];
        }
        return same / total(t);
    }

    /** PABAK for q categories: {@code (q po - 1)/(q - 1)}; 2 po - 1 for two. */
    static double pabak(double[][] t) {
        int q = t.length;
        return q < 2 || total(t) == 0 ? Double.NaN : (q * observed(t) - 1) / (q - 1);
    }

    /** Prevalence index {@code (a - d)/n}, a = both chose the second category (YES, 1), d = both the first. */
    static double prevalenceIndex(double[][] t) {
        return (t[1][1] - t[0][0]) / total(t);
    }

    /** Bias index {@code (b - c)/n}, b = row rater second category and column rater first. */
    static double biasIndex(double[][] t) {
        return (t[1][0] - t[0][1]) / total(t);
    }
}
