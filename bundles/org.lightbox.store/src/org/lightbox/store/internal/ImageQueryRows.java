package org.lightbox.store.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.lightbox.model.ImageRecord;

/**
 * Counts and pages of the images an {@link ImageFilter} selects. A page is found in two steps: the
 * keys of the page, read in order, then those images with their contents through {@link ImageRows#load},
 * put back into the page's order.
 */
final class ImageQueryRows {

    /** Keys per IN (...) list: both databases cap the parameters of one statement. */
    private static final int CHUNK = 500;

    private final Jdbc jdbc;
    private final SqlDialect dialect;
    private final ImageRows images;
    private long statisticsCheckedAt;

    ImageQueryRows(Jdbc jdbc, SqlDialect dialect, ImageRows images) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.images = images;
    }

    /**
     * The number of matching images. A single negated condition is counted through its complement,
     * count(rest) − count(rest and complement), which reads two indexes instead of testing every image.
     */
    long count(ImageFilter filter) throws SQLException {
        checkStatistics();
        List<ImageFilter.Condition> negated = filter.conditions().stream().filter(ImageFilter.Condition::isNegated)
                .toList();
        if (negated.size() == 1) {
            ImageFilter.Condition not = negated.getFirst();
            ImageFilter.Condition complement = ImageFilter.Condition.of(not.complement(), not.params().toArray());
            return plainCount(filter.without(not)) - plainCount(filter.replace(not, complement));
        }
        return plainCount(filter);
    }

    private long plainCount(ImageFilter filter) throws SQLException {
        return jdbc.count("SELECT COUNT(*) FROM images WHERE " + filter.where(), filter.params().toArray());
    }

    List<ImageRecord> page(ImageFilter filter, long offset, int limit) throws SQLException {
        checkStatistics();
        List<Object> params = new ArrayList<>(filter.params());
        params.add(limit);
        params.add(offset);
        List<Long> keys = jdbc.list("SELECT id FROM images WHERE " + filter.where() + " ORDER BY " + filter.orderBy()
                + " LIMIT ? OFFSET ?", rs -> rs.getLong(1), params.toArray());
        List<ImageRecord> page = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            Map<Long, ImageRecord> loaded = images.load(
                    "id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
            for (Long key : chunk) {
                ImageRecord image = loaded.get(key);
                if (image != null) { // null only if another client deleted it in between
                    page.add(image);
                }
            }
        }
        return page;
    }

    /** Before the first query and then at most once a minute (images may be imported while a view is open). */
    private void checkStatistics() throws SQLException {
        long now = System.nanoTime();
        if (statisticsCheckedAt == 0 || now - statisticsCheckedAt > 60_000_000_000L) {
            statisticsCheckedAt = now == 0 ? 1 : now;
            dialect.refreshStatistics(jdbc);
        }
    }
}
