package org.lightbox.agreement.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.lightbox.agreement.Interval;

/**
 * Seeded nonparametric bootstrap over resampling units: patients when a patient has several images, else subjects.
 * One resample feeds every statistic, so their intervals come from the same resamples. Percentile intervals with R's
 * default (type 7) quantiles; resamples on which a statistic is undefined are left out and counted.
 */
final class Bootstrap {

    private final Patterns patterns;
    private final int replicates;
    private final long seed;

    Bootstrap(Patterns patterns, int replicates, long seed) {
        this.patterns = patterns;
        this.replicates = replicates;
        this.seed = seed;
    }

    /** {@code values[kernel][replicate]}. */
    double[][] run(List<ToDoubleFunction<double[]>> kernels) {
        double[][] values = new double[kernels.size()][replicates];
        SplittableRandom random = new SplittableRandom(seed);
        int[][] lists = patterns.units();
        int[] start = lists[0];
        int[] pattern = lists[1];
        int[] count = lists[2];
        int units = start.length - 1;
        // units with the same (pattern, count) lists are interchangeable: count draws per kind of unit, then expand
        java.util.Map<java.util.List<Integer>, Integer> kinds = new java.util.HashMap<>();
        int[] kindOf = new int[units];
        List<int[]> kindLists = new java.util.ArrayList<>();
        for (int u = 0; u < units; u++) {
            java.util.List<Integer> key = new java.util.ArrayList<>();
            for (int i = start[u]; i < start[u + 1]; i++) {
                key.add(pattern[i]);
                key.add(count[i]);
            }
            Integer kind = kinds.get(key);
            if (kind == null) {
                kind = kindLists.size();
                kinds.put(key, kind);
                kindLists.add(key.stream().mapToInt(Integer::intValue).toArray());
            }
            kindOf[u] = kind;
        }
        int[] drawn = new int[kindLists.size()];
        double[] w = new double[patterns.size];
        for (int b = 0; b < replicates; b++) {
            Arrays.fill(drawn, 0);
            for (int draw = 0; draw < units; draw++) {
                drawn[kindOf[random.nextInt(units)]]++;
            }
            Arrays.fill(w, 0);
            for (int kind = 0; kind < drawn.length; kind++) {
                if (drawn[kind] > 0) {
                    int[] list = kindLists.get(kind);
                    for (int i = 0; i < list.length; i += 2) {
                        w[list[i]] += (double) drawn[kind] * list[i + 1];
                    }
                }
            }
            for (int k = 0; k < kernels.size(); k++) {
                values[k][b] = kernels.get(k).applyAsDouble(w);
            }
        }
        return values;
    }

    /** The percentile interval, or null when fewer than half of the resamples gave a value. */
    Interval percentile(double[] values, double confidence) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length < Math.max(2, values.length / 2)) {
            return null;
        }
        String method = String.format(Locale.ROOT, "percentile bootstrap, %,d resamples of %,d %s, seed %d", replicates,
                patterns.unitCount(), patterns.clustered() ? "patients" : "subjects", seed);
        if (finite.length < values.length) {
            method += String.format(Locale.ROOT, " (%,d resamples undefined, left out)", values.length - finite.length);
        }
        return new Interval(quantile(finite, (1 - confidence) / 2), quantile(finite, (1 + confidence) / 2), confidence, method);
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
