package org.lightbox.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random samples of the images in each cell of the 2x2 table of one finding at an operating point, for looking
 * at the errors (the reading editor's contact sheets). The same data, point, size and seed always give the same ids,
 * whatever the order of the input rows.
 *
 * @param finding the finding
 * @param point the operating point
 * @param seed the seed
 * @param cells per cell, the total number of images in it and the sampled ids
 */
public record ErrorSample(String finding, OperatingPoint point, long seed, Map<Cell, Sampled> cells) {

    /** A cell of the 2x2 table. */
    public enum Cell { TRUE_POSITIVE, FALSE_POSITIVE, FALSE_NEGATIVE, TRUE_NEGATIVE }

    /** The images of a cell: how many there are, and the sampled ids. */
    public record Sampled(int total, List<String> ids) {
    }

    /** Up to {@code perCell} ids from each cell. */
    public static ErrorSample of(BinaryScores data, OperatingPoint point, int perCell, long seed) {
        if (data.ids() == null) {
            throw new IllegalArgumentException("sampling images needs their ids");
        }
        Map<Cell, List<String>> all = new EnumMap<>(Cell.class);
        for (Cell c : Cell.values()) {
            all.put(c, new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            boolean called = data.scores()[i] >= point.threshold();
            Cell c = data.truth()[i] ? (called ? Cell.TRUE_POSITIVE : Cell.FALSE_NEGATIVE) : (called ? Cell.FALSE_POSITIVE : Cell.TRUE_NEGATIVE);
            all.get(c).add(data.ids()[i]);
        }
        Map<Cell, Sampled> cells = new EnumMap<>(Cell.class);
        for (Cell c : Cell.values()) {
            String[] ids = all.get(c).toArray(String[]::new);
            Arrays.sort(ids);
            // a separate stream per cell, so that one cell's sample does not change when another cell grows
            SplittableRandom random = new SplittableRandom(seed * 31 + c.ordinal());
            int k = Math.min(perCell, ids.length);
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(ids.length - i);
                String t = ids[i];
                ids[i] = ids[j];
                ids[j] = t;
            }
            cells.put(c, new Sampled(ids.length, List.of(Arrays.copyOf(ids, k))));
        }
        return new ErrorSample(data.finding(), point, seed, cells);
    }
}
