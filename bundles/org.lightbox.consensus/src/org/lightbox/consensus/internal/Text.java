package org.lightbox.consensus.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/** CSV and JSON spelling shared by the exporters. */
final class Text {

    private Text() {
    }

    /** Writes a CSV header: the columns, then the identifying ones only when the export may identify. */
    static void header(Writer out, List<String> columns, boolean identifiers, List<String> identifying) throws IOException {
        List<String> header = new ArrayList<>(columns);
        if (identifiers) {
            header.addAll(identifying);
        }
        out.write(csv(header) + "\n");
    }

    /** One CSV line (RFC 4180 quoting, no line break). */
    static String csv(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                line.append(',');
            }
            String text = cell == null ? "" : cell;
            boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
            line.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        return line.toString();
    }

    /** ISO-8601 UTC, or empty. */
    static String time(Date date) {
        return date == null ? "" : DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
    }

    /** A JSON string literal, or {@code null}. */
    static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** A JSON number; non-finite numbers are null. */
    static String json(double number) {
        return Double.isFinite(number) ? Double.toString(number) : "null";
    }
}
