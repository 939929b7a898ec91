package org.lightbox.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Images assigned to one reader, in the order they are to be read.
 *
 * @param name     unique per reader (a lead may give the same list name to every reader of a panel)
 * @param readerId the reader it is assigned to
 * @param origin   how it was made, for the record (e.g. {@code random 100 per class, seed 42})
 * @param created  epoch milliseconds
 * @param items    the images in reading order
 */
public record ReadingList(String name, String readerId, String origin, long created, List<Item> items) {

    /** The class a random list drew an image for when its source labels hold none of the findings. */
    public static final String NO_FINDING = "No Finding";

    /**
     * One image of a list.
     *
     * @param imageId the image
     * @param stratum the class it was drawn for (a finding code or {@link #NO_FINDING}); null when the list
     *                was not stratified
     */
    public record Item(String imageId, String stratum) {
        public Item {
            Objects.requireNonNull(imageId, "imageId");
        }
    }

    public ReadingList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(readerId, "readerId");
        items = List.copyOf(items);
    }

    public List<String> imageIds() {
        return items.stream().map(Item::imageId).toList();
    }

    /**
     * The image ids of a CSV file, in file order, duplicates dropped: the first column of each row, or the
     * column headed {@code Image Index} (CXR14), {@code image_id} or {@code Image ID} when the first row has
     * one of these; blank lines are skipped; fields may be quoted.
     */
    public static List<String> imageIdsFromCsv(Reader csv) throws IOException {
        BufferedReader lines = new BufferedReader(csv);
        Set<String> ids = new LinkedHashSet<>();
        String line;
        int column = 0;
        boolean first = true;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line);
            if (first) {
                first = false;
                int header = header(fields);
                if (header >= 0) {
                    column = header;
                    continue;
                }
            }
            if (column < fields.size() && !fields.get(column).isBlank()) {
                ids.add(fields.get(column).strip());
            }
        }
        return List.copyOf(ids);
    }

    private static int header(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.equals("image_index") || name.equals("image_id")) {
                return i;
            }
        }
        return -1;
    }

    /** The fields of one CSV line (RFC 4180 quoting within the line). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
