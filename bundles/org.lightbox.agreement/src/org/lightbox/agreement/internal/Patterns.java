package org.lightbox.agreement.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.agreement.RatingTable;

/**
 * A rating table folded into its distinct rows ("patterns": which rater gave which category) with the number of
 * subjects showing each. Every statistic here is a function of the pattern weights, so a point estimate costs one pass
 * over the subjects and a bootstrap resample only re-weights the patterns. Clusters (patients) are kept as lists of
 * (pattern, count) so that a resample of patients is as cheap as one of images.
 */
final class Patterns {

    final int raters;
    final int categories;
    final int size;
    /** size x raters codes */
    final int[] rows;
    /** subjects per pattern in the data */
    final double[] weight;
    /** size x categories: how often each category occurs in a pattern */
    final int[] counts;
    /** ratings in a pattern */
    final int[] ratings;
    private final RatingTable table;
    private final int[] patternOfSubject;
    /** resampling units (patients, or subjects when none repeat): CSR lists of patterns and counts, made when needed */
    private int[][] units;

    private Patterns(RatingTable table, int[] rows, int size, int[] patternOfSubject) {
        this.raters = table.raterCount();
        this.categories = table.categoryCount();
        this.size = size;
        this.rows = Arrays.copyOf(rows, size * raters);
        this.weight = new double[size];
        for (int p : patternOfSubject) {
            weight[p]++;
        }
        this.counts = new int[size * categories];
        this.ratings = new int[size];
        for (int p = 0; p < size; p++) {
            for (int r = 0; r < raters; r++) {
                int c = this.rows[p * raters + r];
                if (c != RatingTable.MISSING) {
                    counts[p * categories + c]++;
                    ratings[p]++;
                }
            }
        }
        this.table = table;
        this.patternOfSubject = patternOfSubject;
    }

    /** Folds the table. */
    static Patterns of(RatingTable table) {
        int m = table.raterCount();
        int n = table.subjectCount();
        int[] patternOfSubject = new int[n];
        int[] rows = new int[Math.max(1, Math.min(n, 1024)) * m];
        int size = 0;
        double base = table.categoryCount() + 1.0;
        if (m * Math.log(base) / Math.log(2) <= 62) {
            // a row fits a long: code + 1 as digits in base k + 1
            // few possible rows (binary findings, a handful of readers): index them directly, without boxing
            int[] dense = Math.pow(base, m) <= 1 << 16 ? new int[(int) Math.pow(base, m)] : null;
            Map<Long, Integer> index = dense == null ? new HashMap<>() : null;
            for (int s = 0; s < n; s++) {
                long key = 0;
                for (int r = 0; r < m; r++) {
                    key = key * (long) base + table.code(s, r) + 1;
                }
                Integer p = dense != null ? (dense[(int) key] == 0 ? null : Integer.valueOf(dense[(int) key] - 1)) : index.get(key);
                if (p == null) {
                    p = size++;
                    if (dense != null) {
                        dense[(int) key] = p + 1;
                    } else {
                        index.put(key, p);
                    }
                    rows = grow(rows, size * m);
                    for (int r = 0; r < m; r++) {
                        rows[p * m + r] = table.code(s, r);
                    }
                }
                patternOfSubject[s] = p;
            }
        } else {
            Map<List<Integer>, Integer> index = new HashMap<>();
            for (int s = 0; s < n; s++) {
                List<Integer> key = new ArrayList<>(m);
                for (int r = 0; r < m; r++) {
                    key.add(table.code(s, r));
                }
                Integer p = index.get(key);
                if (p == null) {
                    p = size++;
                    index.put(key, p);
                    rows = grow(rows, size * m);
                    for (int r = 0; r < m; r++) {
                        rows[p * m + r] = key.get(r);
                    }
                }
                patternOfSubject[s] = p;
            }
        }
        return new Patterns(table, rows, size, patternOfSubject);
    }

    /** Whether patients repeat, so that the bootstrap resamples patients. */
    boolean clustered() {
        return units()[3].length == 1;
    }

    /** Number of resampling units (patients when clustered, else subjects). */
    int unitCount() {
        return units()[0].length - 1;
    }

    /** {start, pattern, count, clustered marker}: unit u holds count[i] subjects of pattern[i] for start[u] <= i < start[u+1]. */
    int[][] units() {
        if (units == null) {
            units = units(table, patternOfSubject);
        }
        return units;
    }

    /** The code of rater {@code r} in pattern {@code p}. */
    int code(int p, int r) {
        return rows[p * raters + r];
    }

    /** How often category {@code c} occurs in pattern {@code p}. */
    int count(int p, int c) {
        return counts[p * categories + c];
    }

    private static int[] grow(int[] rows, int needed) {
        return needed <= rows.length ? rows : Arrays.copyOf(rows, Math.max(needed, rows.length * 2));
    }

    private static int[][] units(RatingTable table, int[] patternOfSubject) {
        int n = patternOfSubject.length;
        if (!table.clustered()) { // subjects are the units
            int[] start = new int[n + 1];
            int[] count = new int[n];
            for (int s = 0; s <= n; s++) {
                start[s] = s;
            }
            Arrays.fill(count, 1);
            return new int[][] {start, patternOfSubject.clone(), count, new int[0]};
        }
        Map<String, Map<Integer, Integer>> byCluster = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            String cluster = table.clusters().get(s);
            Map<Integer, Integer> patterns = byCluster.get(cluster);
            if (patterns == null) {
                patterns = new HashMap<>();
                byCluster.put(cluster, patterns);
                order.add(cluster);
            }
            patterns.merge(patternOfSubject[s], 1, Integer::sum);
        }
        int[] start = new int[order.size() + 1];
        List<int[]> entries = new ArrayList<>();
        for (int u = 0; u < order.size(); u++) {
            start[u] = entries.size();
            byCluster.get(order.get(u)).forEach((p, c) -> entries.add(new int[] {p, c}));
        }
        start[order.size()] = entries.size();
        int[] pattern = new int[entries.size()];
        int[] count = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            pattern[i] = entries.get(i)[0];
            count[i] = entries.get(i)[1];
        }
        return new int[][] {start, pattern, count, new int[1]};
    }
}
