package org.lightbox.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects ratings by subject, rater and value text, as a file reader meets them, and makes a {@link RatingTable}.
 * Values are checked against the level as they come, so a reader can name the row and column of a bad one.
 */
public final class RatingTableBuilder {

    private final Level level;
    private final Map<String, Integer> subjects = new LinkedHashMap<>();
    private final List<String> clusters = new ArrayList<>();
    private final Map<String, Integer> raters = new LinkedHashMap<>();
    /** canonical value key (the number for numeric values) to the spelling first met */
    private final Map<Object, String> values = new HashMap<>();
    private final Map<Long, Object> ratings = new HashMap<>();
    private List<String> declared;
    private boolean anyCluster;

    RatingTableBuilder(Level level) {
        this.level = level;
    }

    /** Declares the categories and their order; any other value is then refused. */
    public RatingTableBuilder categories(List<String> order) {
        this.declared = List.copyOf(order);
        for (String value : declared) {
            values.put(key(value), value.trim());
        }
        return this;
    }

    /** Adds a subject (once); returns its index. */
    public int subject(String id) {
        return subject(id, null);
    }

    /** Adds a subject with its cluster (patient); a later call may fill in a cluster the first one lacked. */
    public int subject(String id, String cluster) {
        Integer index = subjects.get(id);
        if (index == null) {
            index = subjects.size();
            subjects.put(id, index);
            clusters.add(cluster);
        } else if (cluster != null && clusters.get(index) == null) {
            clusters.set(index, cluster);
        }
        anyCluster |= cluster != null;
        return index;
    }

    /** Adds a rater (once); returns its index. */
    public int rater(String id) {
        return raters.computeIfAbsent(id, r -> raters.size());
    }

    /** Number of raters so far. */
    public int raterCount() {
        return raters.size();
    }

    /**
     * Records {@code rater}'s rating of {@code subject}. Returns the spelling of the rating this one replaces, or null.
     *
     * @throws IllegalArgumentException when the value is empty, not a number at a numeric level, negative at the ratio
     *         level, or not one of the declared categories
     */
    public String rate(String subject, String rater, String value) {
        Object key = key(value);
        if (declared != null && !values.containsKey(key)) {
            throw new IllegalArgumentException("'" + value + "' is not one of the categories " + String.join(", ", declared));
        }
        values.putIfAbsent(key, value.trim());
        long cell = ((long) subject(subject) << 32) | rater(rater);
        Object previous = ratings.put(cell, key);
        return previous == null ? null : values.get(previous);
    }

    /** The table: categories as declared, else in numeric order when all are numbers, else in text order. */
    public RatingTable build() {
        List<Object> keys = new ArrayList<>();
        if (declared != null) {
            declared.forEach(v -> keys.add(key(v)));
        } else {
            keys.addAll(values.keySet());
            boolean numbers = keys.stream().allMatch(Double.class::isInstance);
            keys.sort(numbers ? Comparator.comparingDouble(k -> (Double) k) : Comparator.comparing(k -> values.get(k)));
        }
        Map<Object, Integer> code = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (Object k : keys) {
            code.put(k, labels.size());
            labels.add(values.get(k));
        }
        int m = raters.size();
        int[] codes = new int[subjects.size() * m];
        Arrays.fill(codes, RatingTable.MISSING);
        ratings.forEach((cell, k) -> codes[(int) (cell >>> 32) * m + (int) (long) cell] = code.get(k));
        List<String> clusterIds = new ArrayList<>();
        if (anyCluster) {
            List<String> ids = new ArrayList<>(subjects.keySet());
            for (int s = 0; s < ids.size(); s++) {
                // a subject without a patient is its own cluster
                clusterIds.add(clusters.get(s) != null ? clusters.get(s) : "subject:" + ids.get(s));
            }
        }
        return new RatingTable(new ArrayList<>(subjects.keySet()), new ArrayList<>(raters.keySet()), labels, level, codes,
                clusterIds, true);
    }

    private Object key(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty value is a missing rating, not a category");
        }
        boolean looksNumeric = !text.isEmpty() && (Character.isDigit(text.charAt(0)) || "+-.".indexOf(text.charAt(0)) >= 0);
        if (looksNumeric) {
            try {
                double number = Double.parseDouble(text);
                if (Double.isFinite(number)) {
                    if (level == Level.RATIO && number < 0) {
                        throw new IllegalArgumentException("'" + text + "' is negative, and the ratio level needs values of 0 or more");
                    }
                    return number == 0 ? 0.0 : number; // -0 and 0 are one value
                }
            } catch (NumberFormatException e) {
                // not a number: a nominal label
            }
        }
        if (level.numeric()) {
            throw new IllegalArgumentException("'" + text + "' is not a number, and the " + level.label() + " level needs numbers");
        }
        return text;
    }
}
