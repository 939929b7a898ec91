package org.lightbox.agreement;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lightbox.agreement.internal.Csv;
import org.lightbox.agreement.internal.Csv.Row;

/**
 * Reads ratings from CSV files in the layouts other tools use, and says exactly where a file is wrong (file, row,
 * column) without reading anything half-way:
 * <ul>
 * <li>{@link Layout#WIDE}: a header row (subject column, then one column per rater), one row per subject; an empty
 * cell is a missing rating. {@code transpose}: raters in rows, subjects in columns (Krippendorff's layout).</li>
 * <li>{@link Layout#LONG}: {@code subject,rater,value[,finding]}, one rating per row; a first row naming the columns is
 * skipped; one table per finding.</li>
 * <li>{@link Layout#TABLE}: a two-rater contingency table, column labels in the first row, row labels in the first
 * column.</li>
 * <li>{@link Layout#COUNTS}: one row per subject, one column per category, the number of raters who chose it.</li>
 * </ul>
 */
public final class RatingFiles {

    /** File layouts. */
    public enum Layout {
        WIDE, LONG, TABLE, COUNTS;

        /** The layout for a name such as {@code wide}, case-insensitive. */
        public static Layout parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown layout '" + name + "' (wide, long, table or counts)", e);
            }
        }
    }

    private static final Set<String> LONG_HEADER = Set.of("rater", "reader", "coder", "observer", "value", "rating", "label");

    private RatingFiles() {
    }

    /**
     * Reads a file; the key of each table is its finding, or the empty string when the file has one table.
     *
     * @throws RatingFileException when the file does not fit the layout, naming the row and column
     * @throws IOException when it cannot be read
     */
    public static Map<String, RatingTable> read(Path file, Layout layout, Level level, boolean transpose) throws IOException {
        List<Row> rows;
        try {
            rows = Csv.read(file);
        } catch (Csv.Malformed e) {
            throw new RatingFileException(file, e.line(), e.column(), e.problem());
        } catch (IllegalArgumentException e) {
            throw new RatingFileException(file, 0, 0, e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new RatingFileException(file, 0, 0, "the file has no rows");
        }
        return switch (layout) {
            case WIDE -> Map.of("", wide(file, rows, level, transpose));
            case LONG -> longLayout(file, rows, level);
            case TABLE -> Map.of("", RatingTable.fromContingency(table(file, rows, level)));
            case COUNTS -> Map.of("", counts(file, rows, level));
        };
    }

    /** Reads a two-rater contingency table ({@link Layout#TABLE}). */
    public static ContingencyTable readTable(Path file, Level level) throws IOException {
        List<Row> rows;
        try {
            rows = Csv.read(file);
        } catch (Csv.Malformed e) {
            throw new RatingFileException(file, e.line(), e.column(), e.problem());
        } catch (IllegalArgumentException e) {
            throw new RatingFileException(file, 0, 0, e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new RatingFileException(file, 0, 0, "the file has no rows");
        }
        return table(file, rows, level);
    }

    private static RatingTable wide(Path file, List<Row> rows, Level level, boolean transpose) {
        Row header = rows.get(0);
        int width = header.cells().size();
        if (width < 2) {
            throw new RatingFileException(file, header.line(), 0, "the header has no " + (transpose ? "subject" : "rater") + " columns");
        }
        RatingTableBuilder builder = RatingTable.builder(level);
        Map<String, Integer> firstRow = new HashMap<>();
        for (int c = 1; c < width; c++) {
            String id = header.cells().get(c);
            if (id.isEmpty()) {
                throw new RatingFileException(file, header.line(), c + 1, "the header names no " + (transpose ? "subject" : "rater"));
            }
            if (firstRow.put(id, c + 1) != null) {
                throw new RatingFileException(file, header.line(), c + 1, "'" + id + "' also heads column " + firstRow.get(id));
            }
            if (transpose) {
                builder.subject(id);
            } else {
                builder.rater(id);
            }
        }
        Map<String, Integer> lineOf = new HashMap<>();
        int[] ratingsInColumn = new int[width];
        for (Row row : rows.subList(1, rows.size())) {
            requireWidth(file, row, width, "the header");
            String id = row.cells().get(0);
            if (id.isEmpty()) {
                throw new RatingFileException(file, row.line(), 1, "the row names no " + (transpose ? "rater" : "subject"));
            }
            Integer earlier = lineOf.putIfAbsent(id, row.line());
            if (earlier != null) {
                throw new RatingFileException(file, row.line(), 1, "'" + id + "' is already the row at line " + earlier);
            }
            int rated = 0;
            if (transpose) {
                builder.rater(id);
            } else {
                builder.subject(id);
            }
            for (int c = 1; c < width; c++) {
                String value = row.cells().get(c);
                if (value.isEmpty()) {
                    continue;
                }
                String subject = transpose ? header.cells().get(c) : id;
                String rater = transpose ? id : header.cells().get(c);
                rate(file, row, c, builder, subject, rater, value);
                ratingsInColumn[c]++;
                rated++;
            }
            if (transpose && rated == 0) {
                throw new RatingFileException(file, row.line(), 0, "rater '" + id + "' has no ratings");
            }
        }
        if (rows.size() < 2) {
            throw new RatingFileException(file, header.line(), 0, "there are no rows below the header");
        }
        for (int c = 1; c < width && !transpose; c++) {
            if (ratingsInColumn[c] == 0) {
                throw new RatingFileException(file, header.line(), c + 1, "rater '" + header.cells().get(c) + "' has no ratings");
            }
        }
        return builder.build();
    }

    private static Map<String, RatingTable> longLayout(Path file, List<Row> rows, Level level) {
        List<Row> data = rows;
        Row first = rows.get(0);
        if (first.cells().size() >= 3 && (LONG_HEADER.contains(first.cells().get(1).toLowerCase(Locale.ROOT))
                || LONG_HEADER.contains(first.cells().get(2).toLowerCase(Locale.ROOT)))) {
            data = rows.subList(1, rows.size());
        }
        if (data.isEmpty()) {
            throw new RatingFileException(file, first.line(), 0, "there are no ratings below the header");
        }
        int width = data.get(0).cells().size();
        if (width < 3 || width > 4) {
            throw new RatingFileException(file, data.get(0).line(), 0, "a long file has 3 columns (subject, rater, value) or 4 (and"
                    + " finding); this row has " + width);
        }
        Map<String, RatingTableBuilder> builders = new LinkedHashMap<>();
        Map<List<String>, Integer> lineOf = new HashMap<>();
        Map<String, Integer> ratersWithout = new LinkedHashMap<>();
        Map<String, Boolean> raterRated = new HashMap<>();
        for (Row row : data) {
            requireWidth(file, row, width, "the first row");
            List<String> cells = row.cells();
            for (int c = 0; c < 2; c++) {
                if (cells.get(c).isEmpty()) {
                    throw new RatingFileException(file, row.line(), c + 1, "the " + (c == 0 ? "subject" : "rater") + " is empty");
                }
            }
            String finding = width == 4 ? cells.get(3) : "";
            RatingTableBuilder builder = builders.computeIfAbsent(finding, f -> RatingTable.builder(level));
            builder.subject(cells.get(0));
            raterRated.putIfAbsent(cells.get(1), false);
            ratersWithout.putIfAbsent(cells.get(1), row.line());
            if (cells.get(2).isEmpty()) {
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(List.of(cells.get(0), cells.get(1), finding), row.line());
            if (earlier != null) {
                throw new RatingFileException(file, row.line(), 2, "rater '" + cells.get(1) + "' already rated subject '" + cells.get(0)
                        + "'" + (finding.isEmpty() ? "" : " for " + finding) + " at row " + earlier);
            }
            rate(file, row, 2, builder, cells.get(0), cells.get(1), cells.get(2));
            raterRated.put(cells.get(1), true);
        }
        raterRated.forEach((rater, rated) -> {
            if (!rated) {
                throw new RatingFileException(file, ratersWithout.get(rater), 2, "rater '" + rater + "' has no ratings");
            }
        });
        Map<String, RatingTable> tables = new LinkedHashMap<>();
        builders.forEach((finding, builder) -> tables.put(finding, builder.build()));
        return tables;
    }

    private static ContingencyTable table(Path file, List<Row> rows, Level level) {
        Row header = rows.get(0);
        int width = header.cells().size();
        int k = width - 1;
        List<String> labels = new ArrayList<>(header.cells().subList(1, width));
        for (int c = 0; c < k; c++) {
            if (labels.get(c).isEmpty()) {
                throw new RatingFileException(file, header.line(), c + 2, "the column has no category label");
            }
        }
        int counted = rows.size() - 1;
        if (counted != k) {
            Row at = counted > k ? rows.get(k + 1) : rows.get(rows.size() - 1);
            throw new RatingFileException(file, at.line(), counted > k ? 1 : 0, "the table has " + counted + " rows of counts and " + k
                    + " category columns; a two-rater table must be square");
        }
        long[][] counts = new long[k][k];
        for (int i = 0; i < k; i++) {
            Row row = rows.get(i + 1);
            requireWidth(file, row, width, "the header");
            for (int j = 0; j < k; j++) {
                String cell = row.cells().get(j + 1);
                try {
                    counts[i][j] = Long.parseLong(cell);
                } catch (NumberFormatException e) {
                    counts[i][j] = -1;
                }
                if (counts[i][j] < 0) {
                    throw new RatingFileException(file, row.line(), j + 2, "'" + cell + "' is not a count (a whole number, 0 or more)");
                }
            }
        }
        try {
            RatingTable.of(List.of(), List.of("rows", "columns"), labels, level, new int[0]);
        } catch (IllegalArgumentException e) {
            throw new RatingFileException(file, header.line(), 0, e.getMessage());
        }
        String corner = header.cells().get(0);
        String[] raters = corner.contains("\\") ? corner.split("\\\\", 2) : new String[] {"rows", "columns"};
        return new ContingencyTable(raters[0].isBlank() ? "rows" : raters[0].trim(), raters[1].isBlank() ? "columns" : raters[1].trim(),
                labels, level, counts);
    }

    private static RatingTable counts(Path file, List<Row> rows, Level level) {
        Row header = rows.get(0);
        int width = header.cells().size();
        List<String> categories = new ArrayList<>(header.cells().subList(1, width));
        List<String> subjects = new ArrayList<>();
        int[][] counts = new int[rows.size() - 1][width - 1];
        for (int s = 0; s < counts.length; s++) {
            Row row = rows.get(s + 1);
            requireWidth(file, row, width, "the header");
            subjects.add(row.cells().get(0));
            for (int c = 1; c < width; c++) {
                String cell = row.cells().get(c);
                try {
                    counts[s][c - 1] = Integer.parseInt(cell);
                } catch (NumberFormatException e) {
                    counts[s][c - 1] = -1;
                }
                if (counts[s][c - 1] < 0) {
                    throw new RatingFileException(file, row.line(), c + 1, "'" + cell + "' is not a count (a whole number, 0 or more)");
                }
            }
        }
        try {
            return RatingTable.fromCounts(subjects, categories, level, counts);
        } catch (IllegalArgumentException e) {
            throw new RatingFileException(file, header.line(), 0, e.getMessage());
        }
    }

    private static void rate(Path file, Row row, int column, RatingTableBuilder builder, String subject, String rater, String value) {
        try {
            builder.rate(subject, rater, value);
        } catch (IllegalArgumentException e) {
            throw new RatingFileException(file, row.line(), column + 1, e.getMessage());
        }
    }

    private static void requireWidth(Path file, Row row, int width, String what) {
        int have = row.cells().size();
        if (have != width) {
            throw new RatingFileException(file, row.line(), Math.min(have, width) + 1, "the row has " + have + " cells and "
                    + what + " has " + width);
        }
    }
}
