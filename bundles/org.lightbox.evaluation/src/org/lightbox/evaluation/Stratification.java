package org.lightbox.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import org.lightbox.agreement.Distributions;
import org.lightbox.agreement.Estimate;

/**
 * One finding's results split by a metadata column (sex, view position, age band, a confounder tag): per stratum the
 * AUROC with its DeLong interval and the metrics at a fixed operating point, and tests of whether the strata differ
 * (AUROC: unpaired DeLong with two strata, a chi-square of inverse-variance weighted deviations with more; sensitivity
 * and specificity: the chi-square test of homogeneity of proportions, as R's {@code prop.test(correct = FALSE)}).
 *
 * @param finding the finding
 * @param column the metadata column
 * @param strata one entry per level, in sorted order
 * @param auroc test of equal AUROCs, or null when fewer than two strata have one
 * @param sensitivity test of equal sensitivities, or null
 * @param specificity test of equal specificities, or null
 */
public record Stratification(String finding, String column, List<Stratum> strata, StatisticalTest auroc, StatisticalTest sensitivity,
        StatisticalTest specificity) {

    /**
     * One stratum.
     *
     * @param level the level ("M", "PA", "40-59")
     * @param images images in it
     * @param auroc its AUROC (undefined without positives or negatives)
     * @param metrics its metrics at the operating point
     */
    public record Stratum(String level, int images, Estimate auroc, PointMetrics metrics) {
    }

    /** Splits {@code data} by {@code levels} (one per image) and evaluates each part at {@code point}. */
    public static Stratification of(BinaryScores data, String column, String[] levels, OperatingPoint point, double confidence) {
        List<Stratum> strata = new ArrayList<>();
        for (String level : new TreeMap<>(count(levels)).keySet()) {
            boolean[] keep = new boolean[levels.length];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = level.equals(levels[i]);
            }
            BinaryScores part = data.subset(keep);
            strata.add(new Stratum(level, part.size(), DeLong.auroc(part, confidence), PointMetrics.at(part, point, confidence)));
        }
        List<long[]> sens = new ArrayList<>();
        List<long[]> spec = new ArrayList<>();
        for (Stratum s : strata) {
            PointMetrics m = s.metrics();
            sens.add(new long[] {m.truePositives(), m.falseNegatives()});
            spec.add(new long[] {m.trueNegatives(), m.falsePositives()});
        }
        return new Stratification(data.finding(), column, strata, DeLong.difference(strata.stream().map(Stratum::auroc).toList()),
                homogeneity(sens), homogeneity(spec));
    }

    /**
     * Pearson's chi-square test that k proportions are equal; each row is {hits, misses}. Rows with no observations are
     * left out; null when fewer than two remain or when every row has the same single outcome.
     */
    public static StatisticalTest homogeneity(List<long[]> rows) {
        List<long[]> used = rows.stream().filter(r -> r[0] + r[1] > 0).toList();
        if (used.size() < 2) {
            return null;
        }
        double hits = 0;
        double total = 0;
        for (long[] r : used) {
            hits += r[0];
            total += r[0] + r[1];
        }
        double p = hits / total;
        if (p == 0 || p == 1) {
            return null;
        }
        double chi = 0;
        for (long[] r : used) {
            double n = r[0] + r[1];
            double e1 = n * p;
            double e0 = n * (1 - p);
            chi += (r[0] - e1) * (r[0] - e1) / e1 + (r[1] - e0) * (r[1] - e0) / e0;
        }
        int df = used.size() - 1;
        return new StatisticalTest("chi-square test of equal proportions", StatisticalTest.Distribution.CHI_SQUARE, chi, df,
                Distributions.chiSquareSurvival(chi, df));
    }

    /**
     * The strata of a metadata column: its values, or for a numeric column with more than 12 distinct values (an age),
     * 20-year bands ("0-19", "20-39", ..., "80+"). Empty cells become "(missing)".
     */
    public static String[] levels(String[] values) {
        Set<String> distinct = new HashSet<>();
        boolean numeric = true;
        for (String v : values) {
            distinct.add(v);
            if (numeric && !v.isEmpty()) {
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i].strip();
            if (v.isEmpty()) {
                out[i] = "(missing)";
            } else if (numeric && distinct.size() > 12) {
                int band = (int) Math.floor(Double.parseDouble(v) / 20);
                out[i] = band >= 4 ? "80+" : band < 0 ? "<0" : String.format(Locale.ROOT, "%d-%d", 20 * band, 20 * band + 19);
            } else {
                out[i] = v;
            }
        }
        return out;
    }

    private static TreeMap<String, Integer> count(String[] levels) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String l : levels) {
            counts.merge(l, 1, Integer::sum);
        }
        return counts;
    }
}
