package org.lightbox.agreement.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.Distributions;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.Sample;
import org.lightbox.agreement.Weights;

/**
 * Estimates on one table: each request adds a statistic with its analytic parts; {@link #finish()} runs one bootstrap
 * for all of them and attaches the intervals. The bootstrap interval is preferred when no analytic one exists, and when
 * patients repeat (the analytic intervals assume independent images).
 */
final class TableAnalysis {

    private record Job(Estimate estimate, ToDoubleFunction<double[]> kernel, boolean analytic) {
    }

    private final RatingTable table;
    private final AgreementOptions options;
    private final Patterns patterns;
    private final double[] w;
    private final double[] scores;
    private final double z;
    private final int fewest;
    private final int most;
    private final int singles;
    private final List<Job> jobs = new ArrayList<>();
    private int patients = -1;

    TableAnalysis(RatingTable table, AgreementOptions options) {
        this.table = table;
        this.options = options;
        this.patterns = Patterns.of(table);
        this.w = patterns.weight.clone();
        this.scores = table.scores();
        this.z = Distributions.twoSidedNormal(options.confidence());
        int low = Integer.MAX_VALUE;
        int high = 0;
        int one = 0;
        for (int p = 0; p < patterns.size; p++) {
            int n = patterns.ratings[p];
            if (n > 0) {
                low = Math.min(low, n);
                high = Math.max(high, n);
                one += n == 1 ? (int) w[p] : 0;
            }
        }
        this.fewest = low == Integer.MAX_VALUE ? 0 : low;
        this.most = high;
        this.singles = one;
    }

    /** Whether subjects have different numbers of ratings. */
    boolean varying() {
        return fewest != most;
    }

    /** How the table's shape was handled, for the report. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (varying()) {
            notes.add(String.format(Locale.ROOT, "ratings per subject vary from %d to %d%s", fewest, most,
                    singles > 0 ? String.format(Locale.ROOT, "; %,d subjects with a single rating carry no agreement", singles) : ""));
        }
        if (clustered()) {
            notes.add(String.format(Locale.ROOT, "%,d subjects from %,d patients: bootstrap intervals resample patients and are"
                    + " preferred; analytic intervals assume independent subjects", table.subjectCount(), patients));
        }
        return notes;
    }

    void percentAgreement() {
        String name = "Percent agreement";
        double value = CountKernels.percentAgreement(patterns, w);
        Estimate e = define(name, value, CountKernels.sample(patterns, w), "no subject has two ratings or more");
        if (e.defined() && table.raterCount() == 2) {
            e = wilson(e, value, e.n().subjects(), 0);
        }
        e = varying() ? e.withNote("subjects with fewer than two ratings are left out; each subject counts once, whatever its number of ratings") : e;
        add(e, x -> CountKernels.percentAgreement(patterns, x), table.raterCount() == 2);
    }

    void fleiss() {
        double value = CountKernels.fleiss(patterns, w);
        Estimate e = define("Fleiss' kappa", value, CountKernels.sample(patterns, w), chanceOne());
        if (e.defined()) {
            double observed = CountKernels.percentAgreement(patterns, w);
            e = e.withDetail("observed agreement", observed).withDetail("chance agreement", CountKernels.fleissChance(patterns, w));
            if (!varying()) {
                double zValue = CountKernels.fleissZ(patterns, w, most, value, -1);
                e = e.withDetail("z", zValue).withDetail("p", Distributions.twoSidedP(zValue));
            } else {
                e = e.withNote("ratings per subject vary: each subject's agreement uses its own number of ratings and chance the"
                        + " pooled category proportions (subjects with fewer than two ratings left out); Fleiss (1971) assumes a"
                        + " fixed number, so its z test (Fleiss, Nee & Landis 1979) is not given");
            }
        }
        add(e, x -> CountKernels.fleiss(patterns, x), false);
    }

    void fleissPerCategory() {
        for (int c = 0; c < table.categoryCount(); c++) {
            int category = c;
            double value = CountKernels.fleissCategory(patterns, w, c);
            String label = table.categories().get(c);
            Estimate e = define("Fleiss' kappa, category " + label, value, CountKernels.sample(patterns, w),
                    "no subject has two ratings or more, or every rating is, or none is, '" + label + "'");
            if (e.defined() && !varying()) {
                double zValue = CountKernels.fleissZ(patterns, w, most, value, c);
                e = e.withDetail("z", zValue).withDetail("p", Distributions.twoSidedP(zValue));
            }
            add(e, x -> CountKernels.fleissCategory(patterns, x, category), false);
        }
    }

    void krippendorff() {
        Level level = table.level();
        double[] parts = CountKernels.krippendorffParts(patterns, w, level, scores);
        Estimate e = define("Krippendorff's alpha (" + level.label() + ")", parts[2], CountKernels.sample(patterns, w),
                parts[3] < 2 ? "fewer than two pairable values" : chanceOne());
        if (e.defined()) {
            e = e.withDetail("observed disagreement", parts[0]).withDetail("expected disagreement", parts[1])
                    .withDetail("pairable values", parts[3]);
        }
        if (e.defined() && varying()) {
            e = e.withNote("missing ratings allowed: subjects with fewer than two values are not pairable and left out; each"
                    + " subject's pairs weigh 1/(m - 1), so every pairable value counts once");
        }
        add(e, x -> CountKernels.krippendorff(patterns, x, level, scores), false);
    }

    void ac1() {
        double[] parts = CountKernels.ac1Parts(patterns, w);
        Estimate e = define("Gwet's AC1", parts[0], CountKernels.sample(patterns, w),
                table.categoryCount() < 2 ? "fewer than two categories" : "no subject has two ratings or more");
        if (e.defined()) {
            e = e.withDetail("observed agreement", parts[2]).withDetail("chance agreement", parts[3]);
            int rated = ratedSubjects();
            if (rated > 1 && parts[1] >= 0) {
                double se = Math.sqrt(parts[1]);
                double t = Distributions.twoSidedStudent(options.confidence(), rated - 1L);
                e = e.withStandardError(se).withInterval(new Interval(parts[0] - t * se, parts[0] + t * se, options.confidence(),
                        "Gwet (2008) variance, t with " + (rated - 1) + " degrees of freedom"), false);
            }
            if (table.level() != Level.NOMINAL) {
                e = e.withNote("unweighted: categories compared as nominal");
            }
            if (varying()) {
                e = e.withNote("subjects with a single rating count in the category proportions, not in observed agreement (Gwet 2014)");
            }
        }
        add(e, x -> CountKernels.ac1(patterns, x), e.interval().isPresent());
    }

    void brennanPrediger() {
        int q = table.categoryCount();
        double value = CountKernels.brennanPrediger(patterns, w);
        Estimate e = define("PABAK", value, CountKernels.sample(patterns, w),
                q < 2 ? "fewer than two categories" : "no subject has two ratings or more");
        if (e.defined() && table.raterCount() == 2) {
            double po = CountKernels.percentAgreement(patterns, w);
            e = wilson(e, po, e.n().subjects(), q);
            e = binaryIndices(e, PairKernels.table(patterns, w, 0, 1, PairKernels.shared(patterns, 0, 1)));
        } else if (e.defined()) {
            e = e.withNote("for more than two raters: Brennan & Prediger's coefficient with chance 1/" + q + " on mean pairwise agreement");
        }
        add(e, x -> CountKernels.brennanPrediger(patterns, x), table.raterCount() == 2);
    }

    void pairPercent(int a, int b) {
        int[] shared = PairKernels.shared(patterns, a, b);
        double[][] t = PairKernels.table(patterns, w, a, b, shared);
        double n = PairKernels.total(t);
        double po = n == 0 ? Double.NaN : PairKernels.observed(t);
        Estimate e = define("Percent agreement", po, pairSample(n), "the two raters rated no subject in common");
        if (e.defined()) {
            e = wilson(e, po, n, 0);
        }
        add(e, x -> PairKernels.observed(PairKernels.table(patterns, x, a, b, shared)), true);
    }

    void pairPabak(int a, int b) {
        int[] shared = PairKernels.shared(patterns, a, b);
        double[][] t = PairKernels.table(patterns, w, a, b, shared);
        double n = PairKernels.total(t);
        int q = t.length;
        Estimate e = define("PABAK", n == 0 ? Double.NaN : PairKernels.pabak(t), pairSample(n),
                n == 0 ? "the two raters rated no subject in common" : "fewer than two categories");
        if (e.defined()) {
            e = binaryIndices(wilson(e, PairKernels.observed(t), n, q), t);
        }
        add(e, x -> PairKernels.pabak(PairKernels.table(patterns, x, a, b, shared)), true);
    }

    void cohen(int a, int b) {
        Weights weights = options.weights();
        int[] shared = PairKernels.shared(patterns, a, b);
        double[][] t = PairKernels.table(patterns, w, a, b, shared);
        boolean[] used = PairKernels.used(t);
        PairKernels.Cohen c = PairKernels.cohen(t, weights, used);
        String name = weights == Weights.NONE ? "Cohen's kappa" : "Cohen's kappa (" + weights.label() + " weights)";
        Estimate e = define(name, c.kappa(), pairSample(c.n()), c.n() == 0 ? "the two raters rated no subject in common"
                : "both raters chose one and the same category for every subject: chance agreement is 1");
        if (e.defined()) {
            double z0 = c.kappa() / Math.sqrt(c.nullVariance());
            e = e.withDetail("observed agreement", c.observed()).withDetail("chance agreement", c.chance()).withDetail("z", z0)
                    .withDetail("p", Distributions.twoSidedP(z0));
            if (c.variance() > -1e-12 && c.n() > 1) { // rounding can leave a zero variance slightly negative
                double se = Math.sqrt(Math.max(0, c.variance()));
                e = e.withStandardError(se).withInterval(new Interval(c.kappa() - z * se, c.kappa() + z * se, options.confidence(),
                        "asymptotic standard error (Fleiss, Cohen & Everitt 1969)"), false);
            } else {
                e = e.withNote("too few subjects (" + (long) c.n() + ") for the asymptotic standard error");
            }
        }
        add(e, x -> PairKernels.cohen(PairKernels.table(patterns, x, a, b, shared), weights, used).kappa(), true);
    }

    /** Runs the bootstrap for every defined estimate and returns them in the order requested. */
    List<Estimate> finish() {
        List<ToDoubleFunction<double[]>> kernels = new ArrayList<>();
        for (Job job : jobs) {
            kernels.add(job.kernel());
        }
        double[][] values = null;
        Bootstrap bootstrap = new Bootstrap(patterns, options.replicates(), options.seed());
        if (options.replicates() > 0 && jobs.stream().anyMatch(j -> j.estimate().defined())) {
            values = bootstrap.run(kernels);
        }
        List<Estimate> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Estimate e = jobs.get(i).estimate();
            if (e.defined() && values != null) {
                Interval ci = bootstrap.percentile(values[i], options.confidence());
                if (ci != null) {
                    e = e.withInterval(ci, !jobs.get(i).analytic() || clustered() || e.intervals().isEmpty());
                }
            }
            if (e.defined() && e.intervals().isEmpty()) {
                e = e.withNote("no interval: there is no analytic one and the bootstrap is off or failed");
            }
            out.add(e);
        }
        jobs.clear();
        return out;
    }

    /** Whether patients repeat; asked only when it matters, as it hashes every subject's patient. */
    private boolean clustered() {
        if (patients < 0) {
            patients = table.clusters().isEmpty() ? table.subjectCount() : new java.util.HashSet<>(table.clusters()).size();
        }
        return patients < table.subjectCount();
    }

    private void add(Estimate e, ToDoubleFunction<double[]> kernel, boolean analytic) {
        jobs.add(new Job(e, kernel, analytic && e.intervals().size() > 0));
    }

    private static Estimate define(String name, double value, Sample n, String reason) {
        return Double.isFinite(value) ? Estimate.of(name, value, n) : Estimate.undefined(name, n, reason);
    }

    /** Wilson's interval for agreement {@code po} over {@code n}; for PABAK ({@code q > 0}) mapped through (q po - 1)/(q - 1). */
    private Estimate wilson(Estimate e, double po, double n, int q) {
        double[] ci = Distributions.wilson(po * n, n, options.confidence());
        if (q == 0) {
            return e.withInterval(new Interval(ci[0], ci[1], options.confidence(), "Wilson score"), false);
        }
        return e.withInterval(new Interval((q * ci[0] - 1) / (q - 1), (q * ci[1] - 1) / (q - 1), options.confidence(),
                "Wilson score interval of the observed agreement, mapped to PABAK"), false);
    }

    private Estimate binaryIndices(Estimate e, double[][] t) {
        if (t.length != 2) {
            return e;
        }
        return e.withDetail("prevalence index", PairKernels.prevalenceIndex(t)).withDetail("bias index", PairKernels.biasIndex(t))
                .withNote("prevalence index (a - d)/n with a = both '" + table.categories().get(1) + "', d = both '"
                        + table.categories().get(0) + "'; bias index (b - c)/n with b = first rater '" + table.categories().get(1) + "' only");
    }

    private Sample pairSample(double n) {
        return new Sample((int) n, 2, (long) (2 * n), (long) n);
    }

    private int ratedSubjects() {
        int n = 0;
        for (int p = 0; p < patterns.size; p++) {
            n += patterns.ratings[p] > 0 ? (int) w[p] : 0;
        }
        return n;
    }

    private String chanceOne() {
        double[] share = CountKernels.pooledProportions(patterns, w);
        for (int c = 0; c < share.length; c++) {
            if (share[c] > 1 - 1e-12) {
                return "every rating is '" + table.categories().get(c) + "': chance agreement is 1";
            }
        }
        return "no subject has two ratings or more";
    }
}
