package org.lightbox.consensus;

/**
 * Dawid and Skene's (1979) maximum-likelihood estimate of each observer's error rates and each item's true class, by
 * the EM algorithm. Items may be observed any number of times by each observer (the 1979 anaesthetist read each form
 * three times) and not at all by some (missing reads).
 * <p>
 * Starts, as the paper does (its equation 3.1), from each item's share of observations in each class; the M step is its
 * equations 2.3 and 2.4, the E step 2.5, computed in logarithms so that many observers do not underflow. Stops when the
 * class marginals and the error rates each change by less than the tolerance in sum of absolute differences, or after
 * the maximum number of iterations (then {@link Fit#converged()} is false).
 */
public final class DawidSkene {

    /**
     * The estimate.
     *
     * @param classMarginals p_j, the share of items in each class
     * @param errorRates {@code [observer][true class][observed class]}: pi_kjl
     * @param posteriors {@code [item][class]}: the probability of each item's true class
     * @param iterations EM iterations run
     * @param logLikelihood the log likelihood of the data at the estimate (equation 2.7)
     * @param converged whether the tolerance was met
     */
    public record Fit(double[] classMarginals, double[][][] errorRates, double[][] posteriors, int iterations,
            double logLikelihood, boolean converged) {
    }

    private final int maxIterations;
    private final double tolerance;

    /** At most {@code maxIterations} iterations, stopping when parameters change by less than {@code tolerance}. */
    public DawidSkene(int maxIterations, double tolerance) {
        if (maxIterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("need at least one iteration and a positive tolerance");
        }
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * Fits the model.
     *
     * @param counts {@code [item][observer][class]}: how often each observer put each item in each class
     * @throws IllegalArgumentException when the array is ragged, negative, or an item has no observation
     */
    public Fit fit(int[][][] counts) {
        int items = counts.length;
        if (items == 0) {
            throw new IllegalArgumentException("no items to fit");
        }
        int observers = counts[0].length;
        int classes = observers == 0 ? 0 : counts[0][0].length;
        double[][] posteriors = initial(counts, observers, classes);
        double[] marginals = null;
        double[][][] rates = null;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double[] newMarginals = marginals(posteriors, classes);
            double[][][] newRates = errorRates(counts, posteriors, observers, classes);
            double likelihood = expect(counts, newMarginals, newRates, posteriors);
            boolean converged = marginals != null && change(marginals, newMarginals) < tolerance
                    && change(rates, newRates) < tolerance;
            marginals = newMarginals;
            rates = newRates;
            if (converged || iteration == maxIterations) {
                return new Fit(marginals, rates, posteriors, iteration, likelihood, converged);
            }
        }
        throw new AssertionError("unreachable");
    }

    private static double[][] initial(int[][][] counts, int observers, int classes) {
        double[][] posteriors = new double[counts.length][classes];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != observers) {
                throw new IllegalArgumentException("item " + i + " has " + counts[i].length + " observers, not " + observers);
            }
            double total = 0;
            for (int k = 0; k < observers; k++) {
                if (counts[i][k].length != classes) {
                    throw new IllegalArgumentException("item " + i + ", observer " + k + " has " + counts[i][k].length + " classes");
                }
                for (int l = 0; l < classes; l++) {
                    if (counts[i][k][l] < 0) {
                        throw new IllegalArgumentException("negative count at item " + i + ", observer " + k);
                    }
                    posteriors[i][l] += counts[i][k][l];
                    total += counts[i][k][l];
                }
            }
            if (total == 0) {
                throw new IllegalArgumentException("item " + i + " has no observation");
            }
            for (int l = 0; l < classes; l++) {
                posteriors[i][l] /= total;
            }
        }
        return posteriors;
    }

    private static double[] marginals(double[][] posteriors, int classes) {
        double[] marginals = new double[classes];
        for (double[] item : posteriors) {
            for (int j = 0; j < classes; j++) {
                marginals[j] += item[j] / posteriors.length;
            }
        }
        return marginals;
    }

    private static double[][][] errorRates(int[][][] counts, double[][] posteriors, int observers, int classes) {
        double[][][] rates = new double[observers][classes][classes];
        for (int i = 0; i < counts.length; i++) {
            for (int k = 0; k < observers; k++) {
                for (int j = 0; j < classes; j++) {
                    for (int l = 0; l < classes; l++) {
                        rates[k][j][l] += posteriors[i][j] * counts[i][k][l];
                    }
                }
            }
        }
        for (double[][] observer : rates) {
            for (double[] row : observer) {
                double sum = 0;
                for (double r : row) {
                    sum += r;
                }
                for (int l = 0; sum > 0 && l < classes; l++) {
                    row[l] /= sum;
                }
            }
        }
        return rates;
    }

    /** The E step: fills {@code posteriors}; returns the log likelihood. */
    private static double expect(int[][][] counts, double[] marginals, double[][][] rates, double[][] posteriors) {
        double logLikelihood = 0;
        int classes = marginals.length;
        double[] log = new double[classes];
        for (int i = 0; i < counts.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                double sum = Math.log(marginals[j]);
                for (int k = 0; k < counts[i].length && sum > Double.NEGATIVE_INFINITY; k++) {
                    for (int l = 0; l < classes; l++) {
                        if (counts[i][k][l] > 0) {
                            sum += counts[i][k][l] * Math.log(rates[k][j][l]);
                        }
                    }
                }
                log[j] = sum;
                max = Math.max(max, sum);
            }
            double total = 0;
            for (int j = 0; j < classes; j++) {
                posteriors[i][j] = max == Double.NEGATIVE_INFINITY ? 1.0 / classes : Math.exp(log[j] - max);
                total += posteriors[i][j];
            }
            for (int j = 0; j < classes; j++) {
                posteriors[i][j] /= total;
            }
            logLikelihood += max + Math.log(total);
        }
        return logLikelihood;
    }

    private static double change(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    private static double change(double[][][] a, double[][][] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            for (int j = 0; j < a[k].length; j++) {
                sum += change(a[k][j], b[k][j]);
            }
        }
        return sum;
    }
}
