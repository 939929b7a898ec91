package org.lightbox.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lightbox.model.Candidate;
import org.lightbox.model.ConfounderTag;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Prediction;
import org.lightbox.model.Project;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.Read;
import org.lightbox.model.Reader;

/**
 * An open connection to one project. Every write is committed before the method returns (unless
 * it runs inside {@link #inTransaction}, then when that returns), so a {@link Read} survives a
 * crash of the application once {@link #recordRead} has returned.
 * <p>
 * Objects handed out are fresh and belong to the caller, except {@link #project()}, the session's
 * own (treat it as read-only; change it through {@link #saveProject} or {@link #addReaders}, after
 * which {@link #project()} is a newly loaded one). References from reads, labels and candidates
 * point at the readers and findings of {@link #project()} and at images loaded in the same call. Objects handed in are matched by their natural keys ({@code ImageRecord.imageId},
 * {@code Reader.id}, {@code Finding.code}), so copies made elsewhere work too.
 * <p>
 * A session may be shared between threads; calls are serialised. Close it when done.
 */
public interface ProjectSession extends AutoCloseable {

    /** Where this project lives. */
    StoreLocation location();

    /** The version of the store's database schema (the number of the last applied migration). */
    int schemaVersion();

    /** The project's metadata, label schema (findings in order) and readers, as last loaded or saved. */
    Project project();

    /**
     * Saves the project's name, description, creation time and label schema, and adds or updates
     * its findings (by code) and readers (by id). Nothing is deleted: reads refer to findings and
     * readers, so a finding or reader missing from {@code project} stays in the store.
     */
    void saveProject(Project project);

    /** Adds readers; a reader id that exists already is a constraint violation. */
    void addReaders(Collection<? extends Reader> readers);

    /**
     * Adds a batch of images with their source labels, quality flags and confounder tags, all or
     * nothing. An image id that exists already is a constraint violation.
     */
    void addImages(Collection<? extends ImageRecord> images);

    long imageCount();

    /** A page of images in the order they were added (stable while images are added). */
    List<ImageRecord> images(long offset, int limit);

    Optional<ImageRecord> image(String imageId);

    /**
     * The number of images that match a query's conditions. Answered from indexes: milliseconds, not
     * seconds (1 to 35 ms for the filters of the repository view on the 112,120 images of CXR14 in SQLite).
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} for a finding code or reader id that
     *                        is not in the project
     */
    long count(ImageQuery query);

    /**
     * A page of the images that match a query, in the query's order (stable: ties keep the order added,
     * so pages neither overlap nor skip while nothing is added).
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} for a finding code or reader id that
     *                        is not in the project
     */
    List<ImageRecord> images(ImageQuery query, long offset, int limit);

    /**
     * The images with these ids, in the order they were added; ids that are not in the store are
     * left out (so an importer learns in one call which of a batch of rows it has seen before).
     */
    List<ImageRecord> imagesById(Collection<String> imageIds);

    /**
     * An image whose file has this content hash (lower-case hex SHA-256 of the file's bytes), the
     * first added if several have; empty if none has.
     */
    Optional<ImageRecord> imageWithContentHash(String contentHash);

    /**
     * Replaces the attributes (location, content hash, format, size, patient and acquisition metadata,
     * source) and the source labels of images already in the store, matched by image id, all or
     * nothing. Their quality flags and confounder tags stay, and so do the reads, consensus labels,
     * candidates and predictions that refer to them. An image id not in the store is NOT_FOUND.
     */
    void updateImages(Collection<? extends ImageRecord> images);

    /**
     * The project's pseudonym for an identity such as a patient id: HMAC-SHA-256 under a secret of
     * 256 random bits that the store creates for this project on first use and keeps to itself, as
     * 32 lower-case hex digits (128 bits). The same identity gives the same pseudonym in this project
     * (so a patient's images stay together) and an unrelated one in any other; without the secret,
     * hashing guessed identities does not lead back from a pseudonym to its identity.
     */
    String pseudonym(String identity);

    /**
     * Records a reader's call on one finding of one image, committed and durable when this returns.
     * The store keeps one current read per reader, image and finding: a later read by the same reader
     * replaces the earlier one, which moves to the history ({@link #readHistory}). The read's
     * {@code id} is set (a replacing read keeps the id of the read it replaces).
     *
     * @return the same read, with its id set
     */
    Read recordRead(Read read);

    /** Current reads of one image, in the order first recorded. */
    List<Read> readsOfImage(String imageId);

    /** Current reads by one reader, in the order first recorded. */
    List<Read> readsOfReader(String readerId);

    /** All current reads, in the order first recorded. */
    List<Read> allReads();

    /**
     * Earlier reads of one image that later reads by the same reader replaced, oldest first. Each
     * carries the id of the current read that replaced it.
     */
    List<Read> readHistory(String imageId);

    /**
     * The blinded view of one reader: what a reading editor works with. Its queries take the reader's
     * identity and answer with that reader's own reads, flags, tags and lists only.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} for a reader id not in the project
     */
    ReadingDesk desk(String readerId);

    /** Every reader's quality flags (for leads: exclusion lists, agreement), by image id; {@code raisedBy} is the reader. */
    Map<String, List<QualityFlag>> readerFlags();

    /** Every reader's confounder tags (for leads), by image id; {@code taggedBy} is the reader. */
    Map<String, List<ConfounderTag>> readerTags();

    /**
     * Assigns a reader a random sample of {@code perClass} images for each finding of the label schema (in
     * schema order: images whose source labels say the finding is present) and for {@link ReadingList#NO_FINDING}
     * (images whose source labels hold no present finding). An image the reader has read already, or one drawn
     * for an earlier class, is never drawn; a class with fewer images gives all it has. The draw depends only on
     * the seed and on the images' ids and source labels (candidates sorted by image id, then
     * {@link java.util.Random} with the seed), so the same seed gives the same list on every store.
     */
    ReadingList assignRandomPerClass(String name, String readerId, int perClass, long seed);

    /** Assigns a reader the first {@code limit} images matching a repository filter, in the query's order. */
    ReadingList assignFromQuery(String name, String readerId, ImageQuery query, int limit);

    /**
     * Assigns a reader these images in this order (e.g. from {@link ReadingList#imageIdsFromCsv}); an id not
     * in the project is NOT_FOUND and nothing is assigned.
     */
    ReadingList assignImages(String name, String readerId, List<String> imageIds);

    /** As {@link #assignImages(String, String, List)}, recording where the ids came from (e.g. {@code CSV ids.csv}). */
    ReadingList assignImages(String name, String readerId, List<String> imageIds, String origin);

    /** Every reader's reading lists (for leads), oldest first. */
    List<ReadingList> readingLists();

    /** Adds or replaces consensus labels; one per image, finding and method (method is required). */
    void putConsensusLabels(Collection<? extends ConsensusLabel> labels);

    /** Consensus labels of one image, by finding then method. */
    List<ConsensusLabel> consensusLabelsOfImage(String imageId);

    /** All consensus labels of one method, by image then finding. */
    List<ConsensusLabel> consensusLabels(String method);

    /**
     * Adds candidates (id 0: the id is assigned and set) or updates them (id set: queue, score,
     * reason, status and note are replaced).
     */
    void putCandidates(Collection<? extends Candidate> candidates);

    /** The candidates of one review queue, highest score first. */
    List<Candidate> candidates(String queue);

    /** The names of the review queues that hold candidates, in text order. */
    List<String> queues();

    /**
     * Adds or replaces model predictions; one per model, finding and image (model and image are
     * required, the probability must lie in [0, 1]). All or nothing.
     */
    void putPredictions(Collection<? extends Prediction> predictions);

    /** The predictions of one model, by image (in the order images were added) then finding. */
    List<Prediction> predictions(String model);

    /** The predictions of one model for one finding (by code), in the order images were added. */
    List<Prediction> predictions(String model, String findingCode);

    /** The predictions of every model for one image, by finding then model. */
    List<Prediction> predictionsOfImage(String imageId);

    /** The models that have predictions in this project, alphabetically. */
    List<String> predictionModels();

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. Calls
     * nested inside join the outer transaction. Unchecked exceptions from the work are rethrown as
     * they are; checked ones wrapped in a {@link StoreException}.
     */
    <T> T inTransaction(StoreWork<T> work);

    /** Closes the connection; a transaction still open is rolled back. Closing twice is harmless. */
    @Override
    void close();
}
