package org.lightbox.dataset.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportException.Reason;

/**
 * A CSV header matched against the columns a format knows. Names are compared without case, spaces
 * and punctuation, so that the 2017 ({@code Follow_Up_#}) and 2020 ({@code Follow-up #}) spellings of
 * the CXR14 columns are the same column. Columns without a name (a trailing comma) are ignored.
 */
final class Columns {

    private final List<String> header;
    private final Map<String, Integer> matched = new LinkedHashMap<>();
    private final List<Integer> unmatched = new ArrayList<>();

    /**
     * @param known the canonical names of the columns the format knows, as they should be shown
     */
    Columns(List<String> header, Collection<String> known) {
        this.header = header;
        Map<String, String> byKey = new LinkedHashMap<>();
        known.forEach(name -> byKey.put(key(name), name));
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String canonical = byKey.get(key(name));
            if (canonical != null && !matched.containsKey(canonical)) {
                matched.put(canonical, i);
            } else if (!key(name).isEmpty()) {
                unmatched.add(i);
            }
        }
    }

    /** The comparison key of a column name: lower-case letters and digits only. */
    static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The index of a known column, or -1 if the file lacks it. */
    int index(String canonical) {
        return matched.getOrDefault(canonical, -1);
    }

    boolean has(String canonical) {
        return matched.containsKey(canonical);
    }

    /** Those of {@code required} that the file lacks, in the order given. */
    List<String> missing(Collection<String> required) {
        return required.stream().filter(name -> !matched.containsKey(name)).toList();
    }

    /** The indexes of named columns that are none of the known ones, in file order. */
    List<Integer> unmatched() {
        return unmatched;
    }

    int headerSize() {
        return header.size();
    }

    String name(int index) {
        return header.get(index);
    }

    /**
     * The error for a file whose columns do not fit: names the missing and the unexpected columns and
     * what was expected, and says that nothing was written.
     */
    static ImportException wrong(Path file, String format, List<String> missing, List<String> unexpected,
            String expected) {
        StringBuilder message = new StringBuilder(file.getFileName() + " does not have the columns of " + format + ":");
        if (!missing.isEmpty()) {
            message.append(" missing ").append(quoted(missing)).append(';');
        }
        if (!unexpected.isEmpty()) {
            message.append(" unexpected ").append(quoted(unexpected)).append(';');
        }
        message.append(" expected ").append(expected).append(". Nothing was imported.");
        return new ImportException(Reason.WRONG_COLUMNS, file, message.toString());
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
