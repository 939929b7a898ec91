package org.lightbox.agreement;

import java.util.Arrays;
import java.util.List;

/**
 * Two raters' ratings cross-tabulated: {@code counts[i][j]} subjects got category {@code i} from the row rater and
 * {@code j} from the column rater. Square by construction; categories are matched by position.
 *
 * @param rowRater the rater whose ratings are the rows
 * @param columnRater the rater whose ratings are the columns
 * @param categories category labels in order
 * @param level level of measurement of the categories
 * @param counts k by k non-negative counts
 */
public record ContingencyTable(String rowRater, String columnRater, List<String> categories, Level level, long[][] counts) {

    public ContingencyTable {
        categories = List.copyOf(categories);
        int k = categories.size();
        if (counts.length != k) {
            throw new IllegalArgumentException("a two-rater table must be square: " + counts.length + " rows for " + k + " categories");
        }
        long[][] copy = new long[k][];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException("a two-rater table must be square: row " + (i + 1) + " has " + counts[i].length
                        + " columns for " + k + " categories");
            }
            copy[i] = counts[i].clone();
            for (long c : copy[i]) {
                if (c < 0) {
                    throw new IllegalArgumentException("negative count " + c + " in row " + (i + 1));
                }
            }
        }
        counts = copy;
    }

    /** Cross-tabulates raters {@code a} (rows) and {@code b} (columns) over the subjects both rated. */
    public static ContingencyTable of(RatingTable table, int a, int b) {
        int k = table.categoryCount();
        long[][] counts = new long[k][k];
        for (int s = 0; s < table.subjectCount(); s++) {
            int x = table.code(s, a);
            int y = table.code(s, b);
            if (x != RatingTable.MISSING && y != RatingTable.MISSING) {
                counts[x][y]++;
            }
        }
        return new ContingencyTable(table.raters().get(a), table.raters().get(b), table.categories(), table.level(), counts);
    }

    /** The counts, copied. */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The count in row {@code i}, column {@code j}. */
    public long count(int i, int j) {
        return counts[i][j];
    }

    /** Subjects counted. */
    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContingencyTable t && rowRater.equals(t.rowRater) && columnRater.equals(t.columnRater)
                && categories.equals(t.categories) && level == t.level && Arrays.deepEquals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ContingencyTable[" + rowRater + " x " + columnRater + ", " + categories + ", " + Arrays.deepToString(counts) + "]";
    }
}
