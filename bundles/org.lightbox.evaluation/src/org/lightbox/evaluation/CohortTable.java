package org.lightbox.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.lightbox.agreement.Distributions;


/**
 * "Check your cohorts": demographics and finding prevalence per group of images (train / validation / test, or any
 * grouping), with the standardised difference of each variable between groups; a difference above 0.1 is flagged.
 * Standardised differences: (m1 - m2) / sqrt((s1^2 + s2^2)/2) for means, (p1 - p2) / sqrt((p1 q1 + p2 q2)/2) for
 * proportions (Austin 2009); with more than two groups, the largest in absolute value over all pairs.
 *
 * @param groups the groups, in sorted order
 * @param rows one per variable
 */
public record CohortTable(List<String> groups, List<Row> rows) {

    /** A standardised difference above this is flagged. */
    public static final double FLAG = 0.1;

    /**
     * One variable.
     *
     * @param variable "images", "patients", "age, mean (SD)", "sex = M", "view = PA", "prevalence Effusion"
     * @param values one per group (count, mean or proportion)
     * @param spread SD of a mean per group, else NaN
     * @param n per group, the images the value is over
     * @param standardisedDifference between groups (first minus second with two), NaN for counts
     */
    public record Row(String variable, double[] values, double[] spread, int[] n, double standardisedDifference) {

        /**
         * The interval of group {@code g}'s value: Wilson for a proportion, mean ± z·SD/√n for a mean; null for a count.
         */
        public double[] interval(int g, double confidence) {
            if (variable.equals("images") || variable.equals("patients")) {
                return null;
            }
            if (!Double.isNaN(spread[g])) {
                double half = Distributions.normalQuantile(1 - (1 - confidence) / 2) * spread[g] / Math.sqrt(n[g]);
                return new double[] {values[g] - half, values[g] + half};
            }
            return Distributions.wilson(Math.round(values[g] * n[g]), n[g], confidence);
        }

        /** Whether the groups differ by more than {@link CohortTable#FLAG}. */
        public boolean flagged() {
            return Math.abs(standardisedDifference) > FLAG;
        }
    }

    /** The table for {@code labels} grouped by {@code group} (one level per image). */
    public static CohortTable of(LabelTable labels, String[] group) {
        List<String> groups = new ArrayList<>(new TreeSet<>(Arrays.asList(group)));
        int g = groups.size();
        boolean[][] in = new boolean[g][group.length];
        int[] size = new int[g];
        for (int i = 0; i < group.length; i++) {
            int k = groups.indexOf(group[i]);
            in[k][i] = true;
            size[k]++;
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("images", Arrays.stream(size).asDoubleStream().toArray(), nan(g), size, Double.NaN));
        String patient = labels.columnName("Patient ID", "patient");
        if (patient != null) {
            double[] patients = new double[g];
            for (int k = 0; k < g; k++) {
                Set<String> seen = new HashSet<>();
                String[] col = labels.column(patient);
                for (int i = 0; i < col.length; i++) {
                    if (in[k][i]) {
                        seen.add(col[i]);
                    }
                }
                patients[k] = seen.size();
            }
            rows.add(new Row("patients", patients, nan(g), size, Double.NaN));
        }
        String age = labels.columnName("Patient Age", "age");
        if (age != null) {
            rows.add(mean("age, mean (SD)", labels.column(age), in));
        }
        String sex = labels.columnName("Patient Gender", "Patient Sex", "sex", "gender");
        if (sex != null) {
            rows.addAll(levels("sex", labels.column(sex), in));
        }
        String view = labels.columnName("View Position", "view");
        if (view != null) {
            rows.addAll(levels("view", labels.column(view), in));
        }
        for (int f = 0; f < labels.findings().size(); f++) {
            boolean[] t = labels.truth()[f];
            rows.add(proportion("prevalence " + labels.findings().get(f), i -> t[i], in));
        }
        return new CohortTable(groups, rows);
    }

    private static Row mean(String name, String[] values, boolean[][] in) {
        int g = in.length;
        double[] m = new double[g];
        double[] sd = new double[g];
        int[] n = new int[g];
        for (int k = 0; k < g; k++) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < values.length; i++) {
                if (in[k][i] && !values[i].isEmpty()) {
                    double x = Double.parseDouble(values[i]);
                    s += x;
                    s2 += x * x;
                    n[k]++;
                }
            }
            m[k] = s / n[k];
            sd[k] = Math.sqrt((s2 - n[k] * m[k] * m[k]) / (n[k] - 1));
        }
        double d = Double.NaN;
        for (int a = 0; a < g; a++) {
            for (int b = a + 1; b < g; b++) {
                double x = (m[a] - m[b]) / Math.sqrt((sd[a] * sd[a] + sd[b] * sd[b]) / 2);
                d = Double.isNaN(d) || Math.abs(x) > Math.abs(d) ? x : d;
            }
        }
        return new Row(name, m, sd, n, d);
    }

    private static List<Row> levels(String name, String[] values, boolean[][] in) {
        List<Row> rows = new ArrayList<>();
        for (String level : new TreeSet<>(Arrays.asList(values))) {
            rows.add(proportion(name + " = " + (level.isEmpty() ? "(missing)" : level), i -> values[i].equals(level), in));
        }
        return rows;
    }

    private static Row proportion(String name, java.util.function.IntPredicate hit, boolean[][] in) {
        int g = in.length;
        double[] p = new double[g];
        int[] n = new int[g];
        for (int k = 0; k < g; k++) {
            long hits = 0;
            for (int i = 0; i < in[k].length; i++) {
                if (in[k][i]) {
                    n[k]++;
                    if (hit.test(i)) {
                        hits++;
                    }
                }
            }
            p[k] = hits / (double) n[k];
        }
        double d = Double.NaN;
        for (int a = 0; a < g; a++) {
            for (int b = a + 1; b < g; b++) {
                double v = (p[a] * (1 - p[a]) + p[b] * (1 - p[b])) / 2;
                double x = v == 0 ? 0 : (p[a] - p[b]) / Math.sqrt(v);
                d = Double.isNaN(d) || Math.abs(x) > Math.abs(d) ? x : d;
            }
        }
        return new Row(name, p, nan(g), n, d);
    }

    private static double[] nan(int g) {
        double[] x = new double[g];
        Arrays.fill(x, Double.NaN);
        return x;
    }

    /** The row of a variable, or null. */
    public Row row(String variable) {
        return rows.stream().filter(r -> r.variable().equals(variable)).findFirst().orElse(null);
    }
}
