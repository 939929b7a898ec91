package org.lightbox.agreement;

/**
 * How agreement is estimated.
 *
 * @param weights agreement weights for Cohen's kappa
 * @param confidence level of every interval, e.g. 0.95
 * @param replicates bootstrap resamples; 0 turns the bootstrap off (statistics without an analytic interval then have
 *        none)
 * @param seed seed of the bootstrap, so that a run can be repeated exactly
 */
public record AgreementOptions(Weights weights, double confidence, int replicates, long seed) {

    /** No weights, 95%, 1000 bootstrap resamples, seed 1. */
    public static final AgreementOptions DEFAULT = new AgreementOptions(Weights.NONE, 0.95, 1000, 1);

    public AgreementOptions {
        if (weights == null) {
            throw new IllegalArgumentException("weights are needed (NONE for simple kappa)");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie between 0 and 1: " + confidence);
        }
        if (replicates < 0) {
            throw new IllegalArgumentException("bootstrap resamples cannot be negative: " + replicates);
        }
    }

    /** The same options with other weights. */
    public AgreementOptions withWeights(Weights other) {
        return new AgreementOptions(other, confidence, replicates, seed);
    }

    /** The same options with another number of bootstrap resamples (0: none). */
    public AgreementOptions withReplicates(int other) {
        return new AgreementOptions(weights, confidence, other, seed);
    }
}
