package org.lightbox.evaluation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference labels of a set of images, one row per image: which findings are present, and the image's metadata
 * (patient, age, sex, view position, or any other column) as text.
 *
 * @param source where the labels came from (a file name), for messages
 * @param reference the column the findings were read from, or {@code columns} for one binary column per finding
 * @param ids image ids, unique
 * @param findings finding names
 * @param truth {@code truth[f][i]}: finding f present in image i
 * @param metadata further columns by header name, each parallel to {@code ids}
 */
public record LabelTable(String source, String reference, String[] ids, List<String> findings, boolean[][] truth, Map<String, String[]> metadata) {

    public LabelTable {
        findings = List.copyOf(findings);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (truth.length != findings.size()) {
            throw new IllegalArgumentException("one row of truth per finding is needed");
        }
    }

    /** Images. */
    public int size() {
        return ids.length;
    }

    /** Row of {@code finding}, or -1. */
    public int findingIndex(String finding) {
        return findings.indexOf(finding);
    }

    /** A metadata column, or null. */
    public String[] column(String name) {
        return metadata.get(name);
    }

    /** The first metadata column whose name matches one of {@code candidates} (ignoring case, spaces and '_'), or null. */
    public String columnName(String... candidates) {
        for (String c : candidates) {
            for (String name : metadata.keySet()) {
                if (normal(name).equals(normal(c))) {
                    return name;
                }
            }
        }
        return null;
    }

    private static String normal(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace(" ", "").replace("_", "");
    }

    /** The rows where {@code keep} is true. */
    public LabelTable subset(boolean[] keep) {
        int[] rows = java.util.stream.IntStream.range(0, keep.length).filter(i -> keep[i]).toArray();
        return rows(rows);
    }

    /** The given rows, in that order. */
    public LabelTable rows(int[] rows) {
        String[] id = new String[rows.length];
        boolean[][] t = new boolean[truth.length][rows.length];
        Map<String, String[]> meta = new LinkedHashMap<>();
        metadata.forEach((k, v) -> meta.put(k, new String[rows.length]));
        for (int j = 0; j < rows.length; j++) {
            int i = rows[j];
            id[j] = ids[i];
            for (int f = 0; f < truth.length; f++) {
                t[f][j] = truth[f][i];
            }
            for (Map.Entry<String, String[]> e : metadata.entrySet()) {
                meta.get(e.getKey())[j] = e.getValue()[i];
            }
        }
        return new LabelTable(source, reference, id, findings, t, meta);
    }

    @Override
    public String toString() {
        return "LabelTable[" + source + ", " + ids.length + " images, findings " + findings + ", columns " + metadata.keySet() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelTable l && Arrays.equals(ids, l.ids) && findings.equals(l.findings) && Arrays.deepEquals(truth, l.truth);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }
}
