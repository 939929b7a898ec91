package org.lightbox.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Ratings of subjects (images) by raters (readers): one category code per subject and rater, {@link #MISSING} where a
 * rater did not rate a subject. Categories are listed in their order (numeric order for numeric levels). Subjects may
 * carry a cluster (the patient), so that a bootstrap resamples patients rather than images when patients repeat.
 *
 * @param subjects subject ids, unique
 * @param raters rater ids, unique
 * @param categories category labels in order; for numeric levels, numbers in increasing order
 * @param level level of measurement
 * @param codes subject-major codes: {@code codes[s * raters + r]} is a category index or {@link #MISSING}
 * @param clusters the cluster (patient) of each subject, or empty when subjects are independent
 * @param ratersIdentified false when the table came from per-subject category counts, whose rater columns are slots
 *        rather than people (then per-rater-pair statistics do not apply)
 */
public record RatingTable(List<String> subjects, List<String> raters, List<String> categories, Level level, int[] codes,
        List<String> clusters, boolean ratersIdentified) {

    /** The code of a missing rating. */
    public static final int MISSING = -1;

    public RatingTable {
        subjects = List.copyOf(subjects);
        raters = List.copyOf(raters);
        categories = List.copyOf(categories);
        clusters = List.copyOf(clusters);
        codes = codes.clone();
        requireUnique("subject", subjects);
        requireUnique("rater", raters);
        requireUnique("category", categories);
        if ((long) subjects.size() * raters.size() != codes.length) {
            throw new IllegalArgumentException(codes.length + " codes for " + subjects.size() + " subjects and " + raters.size() + " raters");
        }
        if (!clusters.isEmpty() && clusters.size() != subjects.size()) {
            throw new IllegalArgumentException(clusters.size() + " clusters for " + subjects.size() + " subjects");
        }
        for (int code : codes) {
            if (code < MISSING || code >= categories.size()) {
                throw new IllegalArgumentException("category code " + code + " outside 0.." + (categories.size() - 1));
            }
        }
        scores(categories, level);
    }

    /** A table of independent subjects with identified raters. */
    public static RatingTable of(List<String> subjects, List<String> raters, List<String> categories, Level level, int[] codes) {
        return new RatingTable(subjects, raters, categories, level, codes, List.of(), true);
    }

    /** A builder that collects ratings by name, as a file reader meets them. */
    public static RatingTableBuilder builder(Level level) {
        return new RatingTableBuilder(level);
    }

    /**
     * The table behind a two-rater contingency table: one subject per counted pair of ratings, the row rater first.
     * Contingency counts are what SAS, R and published tables give for Cohen's kappa.
     */
    public static RatingTable fromContingency(ContingencyTable table) {
        int k = table.categories().size();
        long total = table.total();
        if (total > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a table of " + total + " subjects is too large");
        }
        int[] codes = new int[(int) total * 2];
        List<String> ids = new ArrayList<>((int) total);
        int s = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (long c = 0; c < table.counts()[i][j]; c++, s++) {
                    codes[2 * s] = i;
                    codes[2 * s + 1] = j;
                    ids.add(String.valueOf(s + 1));
                }
            }
        }
        return of(ids, List.of(table.rowRater(), table.columnRater()), table.categories(), table.level(), codes);
    }

    /**
     * The table behind per-subject category counts (the form Fleiss 1971 and statsmodels use): rater columns are slots
     * filled in category order, so only statistics that depend on the counts alone apply.
     */
    public static RatingTable fromCounts(List<String> subjects, List<String> categories, Level level, int[][] counts) {
        int slots = 0;
        for (int[] row : counts) {
            if (row.length != categories.size()) {
                throw new IllegalArgumentException("a count row has " + row.length + " entries for " + categories.size() + " categories");
            }
            slots = Math.max(slots, Arrays.stream(row).peek(c -> {
                if (c < 0) {
                    throw new IllegalArgumentException("negative count " + c);
                }
            }).sum());
        }
        int[] codes = new int[counts.length * slots];
        Arrays.fill(codes, MISSING);
        for (int s = 0; s < counts.length; s++) {
            int slot = 0;
            for (int c = 0; c < categories.size(); c++) {
                for (int t = 0; t < counts[s][c]; t++) {
                    codes[s * slots + slot++] = c;
                }
            }
        }
        List<String> raters = new ArrayList<>();
        for (int r = 1; r <= slots; r++) {
            raters.add("rating " + r);
        }
        return new RatingTable(subjects, raters, categories, level, codes, List.of(), false);
    }

    /** Number of subjects. */
    public int subjectCount() {
        return subjects.size();
    }

    /** Number of raters. */
    public int raterCount() {
        return raters.size();
    }

    /** Number of categories. */
    public int categoryCount() {
        return categories.size();
    }

    /** The category code of subject {@code s} by rater {@code r}, or {@link #MISSING}. */
    public int code(int s, int r) {
        return codes[s * raters.size() + r];
    }

    /** The codes, copied. */
    @Override
    public int[] codes() {
        return codes.clone();
    }

    /** The label of subject {@code s}'s rating by rater {@code r}, or null when missing. */
    public String label(int s, int r) {
        int code = code(s, r);
        return code == MISSING ? null : categories.get(code);
    }

    /** The number of ratings (cells that are not missing). */
    public long ratingCount() {
        return Arrays.stream(codes).filter(c -> c != MISSING).count();
    }

    /** The number of ratings by rater {@code r}. */
    public int ratingsBy(int r) {
        int n = 0;
        for (int s = 0; s < subjects.size(); s++) {
            n += code(s, r) == MISSING ? 0 : 1;
        }
        return n;
    }

    /** The numeric value of each category: the number itself for numeric levels, its position for nominal data. */
    public double[] scores() {
        return scores(categories, level);
    }

    /** Whether some cluster holds more than one subject, so that subjects are not independent. */
    public boolean clustered() {
        return !clusters.isEmpty() && new HashSet<>(clusters).size() < clusters.size();
    }

    /** The same ratings read at another level of measurement (numeric levels need numeric categories). */
    public RatingTable withLevel(Level other) {
        return new RatingTable(subjects, raters, categories, other, codes, clusters, ratersIdentified);
    }

    /** The same ratings with a cluster (patient) for each subject. */
    public RatingTable withClusters(List<String> clusterOfSubject) {
        return new RatingTable(subjects, raters, categories, level, codes, clusterOfSubject, ratersIdentified);
    }

    /** Only the subjects that pass {@code keep}, with their clusters; categories stay as they are. */
    public RatingTable filterSubjects(IntPredicate keep) {
        List<String> ids = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int m = raters.size();
        int[] out = new int[codes.length];
        int n = 0;
        for (int s = 0; s < subjects.size(); s++) {
            if (keep.test(s)) {
                ids.add(subjects.get(s));
                if (!clusters.isEmpty()) {
                    kept.add(clusters.get(s));
                }
                System.arraycopy(codes, s * m, out, n++ * m, m);
            }
        }
        return new RatingTable(ids, raters, categories, level, Arrays.copyOf(out, n * m), kept, ratersIdentified);
    }

    /** Only the given raters, in the given order; categories stay as they are. */
    public RatingTable selectRaters(int... keep) {
        List<String> ids = new ArrayList<>();
        for (int r : keep) {
            ids.add(raters.get(r));
        }
        int[] out = new int[subjects.size() * keep.length];
        for (int s = 0; s < subjects.size(); s++) {
            for (int i = 0; i < keep.length; i++) {
                out[s * keep.length + i] = code(s, keep[i]);
            }
        }
        return new RatingTable(subjects, ids, categories, level, out, clusters, ratersIdentified);
    }

    /** The number of ratings of each subject. */
    public int ratingsOf(int s) {
        int n = 0;
        for (int r = 0; r < raters.size(); r++) {
            n += code(s, r) == MISSING ? 0 : 1;
        }
        return n;
    }

    /** Arrays make the generated equality by identity; tables are equal when their contents are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RatingTable t && subjects.equals(t.subjects) && raters.equals(t.raters)
                && categories.equals(t.categories) && level == t.level && Arrays.equals(codes, t.codes)
                && clusters.equals(t.clusters) && ratersIdentified == t.ratersIdentified;
    }

    @Override
    public int hashCode() {
        return 31 * subjects.hashCode() + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "RatingTable[" + subjects.size() + " subjects, " + raters.size() + " raters, categories " + categories + ", " + level.label() + "]";
    }

    private static double[] scores(List<String> categories, Level level) {
        double[] scores = new double[categories.size()];
        for (int c = 0; c < scores.length; c++) {
            if (!level.numeric()) {
                scores[c] = c;
                continue;
            }
            try {
                scores[c] = Double.parseDouble(categories.get(c));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("category '" + categories.get(c) + "' is not a number, and the "
                        + level.label() + " level needs numbers", e);
            }
            if (!Double.isFinite(scores[c]) || (c > 0 && scores[c] <= scores[c - 1])) {
                throw new IllegalArgumentException("numeric categories must be finite and increasing: " + categories);
            }
            if (level == Level.RATIO && scores[c] < 0) {
                throw new IllegalArgumentException("category " + categories.get(c) + " is negative, and the ratio level needs values of 0 or more");
            }
        }
        return scores;
    }

    private static void requireUnique(String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null) {
                throw new IllegalArgumentException("a " + what + " id is missing");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException(what + " '" + id + "' occurs twice");
            }
        }
    }
}
