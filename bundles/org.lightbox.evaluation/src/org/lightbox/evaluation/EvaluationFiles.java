package org.lightbox.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads scores and labels files: CSV (optionally gzipped), a header row, one row per image, the image id in the first
 * column. Scores: one column per finding (a {@code prob_} prefix is dropped), probabilities in [0, 1]. Labels: either
 * CXR14's pipe-separated {@code Finding Labels} column (or another such column named as the reference) or one binary
 * column per finding (1/0, YES/NO, true/false, positive/negative); every other column is kept as metadata.
 */
public final class EvaluationFiles {

    /** The reference value meaning "one binary column per finding". */
    public static final String COLUMNS = "columns";
    private static final String CXR14 = "Finding Labels";

    private EvaluationFiles() {
    }

    /** A scores file; {@code probabilities} demands every score in [0, 1]. */
    public static ScoreTable readScores(Path file, boolean probabilities) throws IOException, EvaluationFileException {
        String name = file.getFileName().toString();
        List<CSVRecord> rows = read(file);
        if (rows.isEmpty()) {
            throw new EvaluationFileException(name, 0, null, "the file is empty");
        }
        CSVRecord header = rows.get(0);
        if (header.size() < 2) {
            throw new EvaluationFileException(name, 1, null, "a header with an id column and at least one score column is needed");
        }
        List<String> findings = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            String h = header.get(c).strip();
            findings.add(h.startsWith("prob_") ? h.substring(5) : h);
        }
        int n = rows.size() - 1;
        String[] ids = new String[n];
        double[][] scores = new double[findings.size()][n];
        Map<String, Integer> seen = new HashMap<>(2 * n);
        for (int r = 1; r <= n; r++) {
            CSVRecord row = rows.get(r);
            ids[r - 1] = id(name, row, header, seen, r);
            if (row.size() != header.size()) {
                throw new EvaluationFileException(name, r + 1, null, "the row has " + row.size() + " cells and the header has " + header.size());
            }
            for (int c = 1; c < header.size(); c++) {
                scores[c - 1][r - 1] = number(name, r + 1, column(header, c), row.get(c), probabilities);
            }
        }
        String model = name.replaceFirst("(?i)\\.csv(\\.gz)?$", "");
        return new ScoreTable(name, model, ids, findings, scores);
    }

    /**
     * A labels file. {@code reference}: null for automatic ({@code Finding Labels} when present, else binary columns),
     * {@link #COLUMNS}, or the header of a pipe-separated column. {@code findings}: the findings wanted (for binary
     * columns, the columns that hold them; for a pipe-separated column, which names to look for).
     */
    public static LabelTable readLabels(Path file, String reference, List<String> findings) throws IOException, EvaluationFileException {
        String name = file.getFileName().toString();
        List<CSVRecord> rows = read(file);
        if (rows.isEmpty()) {
            throw new EvaluationFileException(name, 0, null, "the file is empty");
        }
        CSVRecord header = rows.get(0);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            columns.putIfAbsent(header.get(c).strip(), c);
        }
        String ref = reference != null ? reference : columns.containsKey(CXR14) ? CXR14 : COLUMNS;
        boolean binary = ref.equalsIgnoreCase(COLUMNS);
        if (!binary && !columns.containsKey(ref)) {
            throw new EvaluationFileException(name, 1, null, "no reference column '" + ref + "' (columns: " + String.join(", ", columns.keySet()) + ")");
        }
        List<String> present = binary ? findings.stream().filter(columns::containsKey).toList() : findings;
        if (present.isEmpty()) {
            throw new EvaluationFileException(name, 1, null, "no column for any of the findings " + findings + " (columns: "
                    + String.join(", ", columns.keySet()) + ")");
        }
        int n = rows.size() - 1;
        String[] ids = new String[n];
        boolean[][] truth = new boolean[present.size()][n];
        Map<String, String[]> meta = new LinkedHashMap<>();
        Set<String> used = binary ? Set.copyOf(present) : Set.of(ref);
        columns.forEach((h, c) -> {
            if (c > 0 && !used.contains(h)) {
                meta.put(h, new String[n]);
            }
        });
        Map<String, Integer> seen = new HashMap<>(2 * n);
        Map<String, Integer> index = new HashMap<>();
        for (int f = 0; f < present.size(); f++) {
            index.put(present.get(f), f);
        }
        int refColumn = binary ? -1 : columns.get(ref);
        for (int r = 1; r <= n; r++) {
            CSVRecord row = rows.get(r);
            ids[r - 1] = id(name, row, header, seen, r);
            if (row.size() < header.size()) {
                throw new EvaluationFileException(name, r + 1, null, "the row has " + row.size() + " cells and the header has " + header.size());
            }
            if (binary) {
                for (int f = 0; f < present.size(); f++) {
                    int c = columns.get(present.get(f));
                    truth[f][r - 1] = binaryCell(name, r + 1, column(header, c), row.get(c));
                }
            } else {
                for (String label : row.get(refColumn).split("\\|")) {
                    Integer f = index.get(label.strip());
                    if (f != null) {
                        truth[f][r - 1] = true;
                    }
                }
            }
            for (Map.Entry<String, String[]> e : meta.entrySet()) {
                e.getValue()[r - 1] = row.get(columns.get(e.getKey())).strip();
            }
        }
        return new LabelTable(name, binary ? COLUMNS : ref, ids, present, truth, meta);
    }

    private static String id(String file, CSVRecord row, CSVRecord header, Map<String, Integer> seen, int r) throws EvaluationFileException {
        String id = row.size() == 0 ? "" : row.get(0).strip();
        if (id.isEmpty()) {
            throw new EvaluationFileException(file, r + 1, column(header, 0), "the image id is missing");
        }
        Integer first = seen.putIfAbsent(id, r + 1);
        if (first != null) {
            throw new EvaluationFileException(file, r + 1, column(header, 0), "duplicate image id '" + id + "' (first in row " + first + ")");
        }
        return id;
    }

    private static double number(String file, long row, String column, String cell, boolean probability) throws EvaluationFileException {
        String text = cell.strip();
        double x;
        try {
            x = text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (text.isEmpty()) {
            throw new EvaluationFileException(file, row, column, "the score is missing");
        }
        if (!Double.isFinite(x)) {
            throw new EvaluationFileException(file, row, column, "'" + text + "' is not a number");
        }
        if (probability && (x < 0 || x > 1)) {
            throw new EvaluationFileException(file, row, column, text + " is outside [0, 1]; scores must be probabilities"
                    + " (or allow any real score)");
        }
        return x;
    }

    private static boolean binaryCell(String file, long row, String column, String cell) throws EvaluationFileException {
        switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "positive", "present" -> {
                return true;
            }
            case "0", "no", "false", "negative", "absent" -> {
                return false;
            }
            case "" -> throw new EvaluationFileException(file, row, column, "the label is missing");
            default -> throw new EvaluationFileException(file, row, column, "'" + cell.strip() + "' is not a binary label"
                    + " (1/0, YES/NO, true/false, positive/negative)");
        }
    }

    private static String column(CSVRecord header, int c) {
        return (c + 1) + " '" + header.get(c).strip() + "'";
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
