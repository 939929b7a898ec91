package org.lightbox.agreement.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated rows as spreadsheets write them (RFC 4180 quotes within a line; tab-separated when the first line has
 * tabs and no commas). Blank lines are skipped; each row keeps its line number for error messages.
 */
public final class Csv {

    /** One row: its 1-based line number and its cells, trimmed. */
    public record Row(int line, List<String> cells) {
    }

    private Csv() {
    }

    /** The non-blank rows of a file. */
    public static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            char separator = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                if (separator == 0) {
                    separator = text.indexOf('\t') >= 0 && text.indexOf(',') < 0 ? '\t' : ',';
                }
                rows.add(new Row(line, split(text, separator, line)));
            }
        }
        return rows;
    }

    /** A line that cannot be split into cells, with where the problem is. */
    public static final class Malformed extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;
        private final String problem;

        Malformed(int line, int column, String problem) {
            super("line " + line + ", column " + column + ": " + problem);
            this.line = line;
            this.column = column;
            this.problem = problem;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        public String problem() {
            return problem;
        }
    }

    private static List<String> split(String text, char separator, int line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int quotedColumn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                quotedColumn = cells.size() + 1;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new Malformed(line, quotedColumn, "a quoted cell is not closed on its line");
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}
