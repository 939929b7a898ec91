package org.lightbox.evaluation;

import java.util.List;

import org.lightbox.agreement.Distributions;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Sample;

/**
 * Averages of one statistic over findings: the macro average (each finding counts once) and the prevalence-weighted
 * average (each finding in proportion to its reference positives). Their intervals are normal approximations that treat
 * the findings' estimates as independent, which they are not quite (the same images): the notes say so.
 *
 * @param statistic what is averaged ("AUROC", "Sensitivity")
 * @param macro the macro average
 * @param weighted the prevalence-weighted average
 */
public record Averages(String statistic, Estimate macro, Estimate weighted) {

    /** Averages {@code estimates} (one per finding; undefined ones are left out) with weights {@code positives}. */
    public static Averages of(String statistic, List<Estimate> estimates, long[] positives, double confidence) {
        double k = 0;
        double sum = 0;
        double var = 0;
        double w = 0;
        double wsum = 0;
        double wvar = 0;
        long images = 0;
        for (int i = 0; i < estimates.size(); i++) {
            Estimate e = estimates.get(i);
            if (!e.defined()) {
                continue;
            }
            double se = standardError(e);
            k++;
            sum += e.value();
            var += se * se;
            w += positives[i];
            wsum += positives[i] * e.value();
            wvar += (double) positives[i] * positives[i] * se * se;
            images = Math.max(images, e.n().subjects());
        }
        Sample sample = new Sample((int) images, 1, (long) k, (long) k);
        if (k == 0) {
            return new Averages(statistic, Estimate.undefined("Macro " + statistic, sample, "no finding has an estimate"),
                    Estimate.undefined("Weighted " + statistic, sample, "no finding has an estimate"));
        }
        Estimate macro = average("Macro-average " + statistic, sum / k, Math.sqrt(var) / k, sample, confidence, (int) k);
        Estimate weighted = w == 0 ? Estimate.undefined("Prevalence-weighted " + statistic, sample, "no reference positives")
                : average("Prevalence-weighted " + statistic, wsum / w, Math.sqrt(wvar) / w, sample, confidence, (int) k);
        return new Averages(statistic, macro, weighted);
    }

    private static Estimate average(String name, double value, double se, Sample sample, double confidence, int findings) {
        double z = Distributions.twoSidedNormal(confidence);
        Estimate e = Estimate.of(name, value, sample).withStandardError(se).withDetail("findings", findings)
                .withNote("over " + findings + " findings; interval treats the findings as independent");
        return Double.isFinite(se) ? e.withInterval(new Interval(value - z * se, value + z * se, confidence, "normal approximation"), true) : e;
    }

    /** The estimate's standard error, or for a proportion without one, sqrt(p(1 - p)/n). */
    private static double standardError(Estimate e) {
        if (Double.isFinite(e.standardError())) {
            return e.standardError();
        }
        double p = e.value();
        return p >= 0 && p <= 1 && e.n().subjects() > 0 ? Math.sqrt(p * (1 - p) / e.n().subjects()) : Double.NaN;
    }
}
