package org.lightbox.store.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.lightbox.model.Finding;
import org.lightbox.store.ReadingList;
import org.lightbox.store.ReadingList.Item;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/** Reading lists and their items; the stratified random draw of {@code ProjectSession.assignRandomPerClass}. */
final class ReadingListRows {

    private final Jdbc jdbc;

    ReadingListRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    ReadingList insert(String name, long readerRef, String readerId, String origin, List<Item> items)
            throws SQLException {
        long created = System.currentTimeMillis();
        long id = jdbc.first("INSERT INTO reading_lists (name, reader_ref, origin, created_at) VALUES (?, ?, ?, ?)"
                + " RETURNING id", rs -> rs.getLong(1), name, readerRef, origin, created).orElseThrow();
        try (Jdbc.Batch batch = jdbc.batch("INSERT INTO reading_list_items (list_ref, position, image_ref, stratum)"
                + " VALUES (?, ?, " + ImageRows.IMAGE_REF + ", ?)")) {
            int position = 0;
            for (Item item : items) {
                batch.add(id, position++, item.imageId(), item.stratum());
            }
            batch.flush();
        }
        return new ReadingList(name, readerId, origin, created, items);
    }

    /** The image ids of {@code ids} that are not in the store. */
    List<String> missing(List<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            found.addAll(jdbc.list("SELECT image_id FROM images WHERE image_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", rs -> rs.getString(1),
                    chunk.toArray()));
        }
        return ids.stream().filter(id -> !found.contains(id)).toList();
    }

    /** Lists matching a condition on {@code reading_lists l}, oldest first. */
    List<ReadingList> find(String condition, Object... params) throws SQLException {
        record Head(long id, String name, String reader, String origin, long created) {
        }
        List<Head> heads = jdbc.list("SELECT l.id, l.name, r.reader_key, l.origin, l.created_at FROM reading_lists l"
                + " JOIN readers r ON r.id = l.reader_ref WHERE " + condition + " ORDER BY l.id",
                rs -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)), params);
        Map<Long, List<Item>> items = new HashMap<>();
        jdbc.forEach("SELECT it.list_ref, i.image_id, it.stratum FROM reading_list_items it"
                + " JOIN images i ON i.id = it.image_ref WHERE it.list_ref IN (SELECT l.id FROM reading_lists l WHERE "
                + condition + ") ORDER BY it.list_ref, it.position",
                rs -> items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Item(rs.getString(2), rs.getString(3))), params);
        return heads.stream().map(h -> new ReadingList(h.name(), h.reader(), h.origin(), h.created(),
                items.getOrDefault(h.id(), List.of()))).toList();
    }

    /** The stratified draw: see {@code ProjectSession.assignRandomPerClass}. */
    List<Item> drawPerClass(List<Finding> findings, Refs refs, long readerRef, int perClass, long seed)
            throws SQLException {
        Map<String, TreeSet<String>> byClass = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byClass.put(finding.getCode(), new TreeSet<>());
        }
        TreeSet<String> none = new TreeSet<>();
        Map<Long, String> codes = new HashMap<>();
        for (Finding finding : findings) {
            codes.put(refs.findingRef(finding), finding.getCode());
        }
        jdbc.forEach("SELECT i.image_id, s.finding_ref FROM source_labels s JOIN images i ON i.id = s.image_ref"
                + " WHERE s.value = 1", rs -> {
                    String code = codes.get(rs.getLong(2));
                    if (code != null) {
                        byClass.get(code).add(rs.getString(1));
                    }
                });
        jdbc.forEach("SELECT image_id FROM images WHERE source_findings = 0", rs -> none.add(rs.getString(1)));
        byClass.put(ReadingList.NO_FINDING, none);
        Set<String> excluded = new HashSet<>(jdbc.list("SELECT DISTINCT i.image_id FROM reads r"
                + " JOIN images i ON i.id = r.image_ref WHERE r.reader_ref = ?", rs -> rs.getString(1), readerRef));
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> stratum : byClass.entrySet()) {
            List<String> candidates = new ArrayList<>(stratum.getValue()); // sorted by image id
            candidates.removeIf(excluded::contains);
            int n = Math.min(perClass, candidates.size());
            for (int k = 0; k < n; k++) {                                  // partial Fisher-Yates
                Collections.swap(candidates, k, k + random.nextInt(candidates.size() - k));
                items.add(new Item(candidates.get(k), stratum.getKey()));
                excluded.add(candidates.get(k));
            }
        }
        return items;
    }

    static void requireSome(String name) {
        if (name == null || name.isBlank()) {
            throw new StoreException(Reason.CONSTRAINT_VIOLATION, "A reading list needs a name");
        }
    }
}
