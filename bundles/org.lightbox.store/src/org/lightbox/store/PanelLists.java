package org.lightbox.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.lightbox.model.Candidate;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Read;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.store.StoreException.Reason;

/**
 * A lead's side of reading lists: the same list, by name, for every reader of a panel, from one {@link Source}
 * (the workbench's Image › Assign Reading Lists and the {@code assign} command both come here). Readers not yet
 * in the project are added as radiologists. Every reader gets their own list: a random draw skips what that reader
 * has read, so lists of readers who read different images before may differ; for fresh readers they are the same.
 */
public final class PanelLists {

    /** What a reading list is made of. */
    public sealed interface Source {

        /** {@code perClass} random images for each finding and for "No Finding", seeded: see {@link ProjectSession#assignRandomPerClass}. */
        record RandomPerClass(int perClass, long seed) implements Source {
            public RandomPerClass {
                if (perClass < 1) {
                    throw new IllegalArgumentException("images per class must be at least 1, not " + perClass);
                }
            }
        }

        /**
         * The first {@code limit} images matching a repository filter, in its order; with {@code skipRead}, for each
         * reader only images that reader has not read yet (the next ones of a finding, without repeats).
         */
        record Filter(ImageQuery query, int limit, boolean skipRead) implements Source {
            public Filter {
                Objects.requireNonNull(query, "query");
                if (limit < 1) {
                    throw new IllegalArgumentException("the number of images must be at least 1, not " + limit);
                }
            }
        }

        /**
         * These images in this order (e.g. the ids of a CSV file, {@link ReadingList#imageIdsFromCsv}); {@code origin}
         * says where they came from, for the record (e.g. {@code CSV ids.csv}).
         */
        record Images(List<String> imageIds, String origin) implements Source {
            public Images {
                imageIds = List.copyOf(imageIds);
                Objects.requireNonNull(origin, "origin");
                if (imageIds.isEmpty()) {
                    throw new IllegalArgumentException("the list of image ids is empty");
                }
            }
        }

        /** The images of a review queue (the adjudication queue, a learning queue), highest score first, once each. */
        record Queue(String queue) implements Source {
            public Queue {
                Objects.requireNonNull(queue, "queue");
            }
        }
    }

    /** How far a reader is through a list: {@code read} of its images have a call of theirs (on any finding). */
    public record Progress(ReadingList list, int read) {
        public int total() {
            return list.items().size();
        }
    }

    private PanelLists() {
    }

    /** Each list with how much of it its reader has read, from everyone's reads (a lead's view), in the lists' order. */
    public static List<Progress> progress(List<ReadingList> lists, Collection<? extends Read> reads) {
        Map<String, Set<String>> readBy = new HashMap<>();
        for (Read read : reads) {
            readBy.computeIfAbsent(read.getReader().getId(), r -> new HashSet<>()).add(read.getImage().getImageId());
        }
        List<Progress> progress = new ArrayList<>();
        for (ReadingList list : lists) {
            Set<String> done = readBy.getOrDefault(list.readerId(), Set.of());
            progress.add(new Progress(list, (int) list.imageIds().stream().filter(done::contains).count()));
        }
        return progress;
    }

    /**
     * Assigns a list named {@code name} to each of these readers. Nothing is assigned when a reader already has a
     * list of that name, when the queue is empty or when an image id is not in the project.
     *
     * @return the lists, in the order of the readers
     * @throws StoreException       {@link Reason#ALREADY_EXISTS} for a name a reader already has,
     *                              {@link Reason#NOT_FOUND} for an empty queue or unknown image ids
     * @throws IllegalArgumentException for no readers or a blank name
     */
    public static List<ReadingList> assign(ProjectSession session, String name, List<String> readerIds, Source source) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reading list needs a name");
        }
        Set<String> readers = new LinkedHashSet<>();
        readerIds.stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(readers::add);
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("name at least one reader to assign the list to");
        }
        String listName = name.strip();
        for (ReadingList existing : session.readingLists()) {
            if (existing.name().equals(listName) && readers.contains(existing.readerId())) {
                throw new StoreException(Reason.ALREADY_EXISTS, "Reader '" + existing.readerId()
                        + "' already has a reading list named '" + listName + "'; nothing was assigned");
            }
        }
        List<String> queued = source instanceof Source.Queue q ? queueImages(session, q.queue()) : null;
        if (source instanceof Source.Images images) {
            requireKnown(session, images.imageIds());
        }
        List<ReadingList> lists = new ArrayList<>();
        for (String reader : readers) {
            ensureReader(session, reader);
            lists.add(switch (source) {
                case Source.RandomPerClass r -> session.assignRandomPerClass(listName, reader, r.perClass(), r.seed());
                case Source.Filter f -> session.assignFromQuery(listName, reader, f.skipRead()
                        ? f.query().toBuilder().unreadBy(reader).build() : f.query(), f.limit());
                case Source.Images i -> session.assignImages(listName, reader, i.imageIds(), i.origin());
                case Source.Queue q -> session.assignImages(listName, reader, queued, "review queue '" + q.queue() + "'");
            });
        }
        return lists;
    }

    /** The reader's desk, adding the reader to the project as a radiologist (name = id) when new. */
    public static ReadingDesk ensureReader(ProjectSession session, String readerId) {
        try {
            return session.desk(readerId); // looks the reader up again when another client added it meanwhile
        } catch (StoreException e) {
            if (e.reason() != Reason.NOT_FOUND) {
                throw e;
            }
        }
        Reader reader = LightboxFactory.eINSTANCE.createReader();
        reader.setId(readerId);
        reader.setName(readerId);
        reader.setRole(ReaderRole.RADIOLOGIST);
        session.addReaders(List.of(reader));
        return session.desk(readerId);
    }

    private static List<String> queueImages(ProjectSession session, String queue) {
        Set<String> ids = new LinkedHashSet<>();
        for (Candidate candidate : session.candidates(queue)) {
            ids.add(candidate.getImage().getImageId());
        }
        if (ids.isEmpty()) {
            throw new StoreException(Reason.NOT_FOUND, "The review queue '" + queue + "' holds no images"
                    + (session.queues().isEmpty() ? "; this project has no review queues" : "; queues: "
                            + String.join(", ", session.queues())));
        }
        return List.copyOf(ids);
    }

    private static void requireKnown(ProjectSession session, List<String> imageIds) {
        Set<String> known = new HashSet<>();
        session.imagesById(imageIds).forEach(i -> known.add(i.getImageId()));
        List<String> missing = imageIds.stream().filter(id -> !known.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new StoreException(Reason.NOT_FOUND, missing.size() + " of the " + imageIds.size()
                    + " image ids are not in this project, e.g. '" + missing.getFirst() + "'; nothing was assigned");
        }
    }
}
