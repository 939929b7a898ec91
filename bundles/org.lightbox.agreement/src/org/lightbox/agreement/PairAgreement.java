package org.lightbox.agreement;

import java.util.List;

/**
 * Agreement of one pair of raters over the subjects both rated.
 *
 * @param raterA the first rater (rows of the pair's table)
 * @param raterB the second rater (columns)
 * @param estimates percent agreement, Cohen's kappa (with the options' weights) and PABAK
 */
public record PairAgreement(String raterA, String raterB, List<Estimate> estimates) {

    public PairAgreement {
        estimates = List.copyOf(estimates);
    }

    /** The estimate whose statistic starts with {@code name}, e.g. "Cohen's kappa". */
    public Estimate get(String name) {
        return estimates.stream().filter(e -> e.statistic().startsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + name + " for " + raterA + " and " + raterB));
    }
}
