package org.lightbox.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lightbox.model.Candidate;
import org.lightbox.model.ConfounderTag;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Prediction;
import org.lightbox.model.Project;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.Read;
import org.lightbox.model.Reader;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ReadingDesk;
import org.lightbox.store.ReadingList;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;
import org.lightbox.store.StoreLocation;
import org.lightbox.store.StoreWork;

/**
 * A {@link ProjectSession} on one JDBC connection, the same for every dialect. Each public method
 * runs under the session's monitor; writes run in a transaction of their own unless the caller
 * opened one with {@link #inTransaction}.
 */
public final class JdbcProjectSession implements ProjectSession {

    /** JDBC work of one operation; its SQLException becomes a StoreException naming the operation. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    private final SqlDialect dialect;
    private final StoreLocation location;
    private final Jdbc jdbc;
    private final ProjectRows projectRows;
    private final ImageRows imageRows;
    private final ReadRows readRows;
    private final ConsensusRows consensusRows;
    private final CandidateRows candidateRows;
    private final ImageQueryRows imageQueryRows;
    private final PredictionRows predictionRows;
    private final Secrets secrets;
    private final ReaderMarkRows markRows;
    private final ReadingListRows listRows;

    private final ProjectCache refs;
    private int transactionDepth;
    private boolean closed;

    JdbcProjectSession(Connection connection, SqlDialect dialect, StoreLocation location) {
        this.connection = connection;
        this.dialect = dialect;
        this.location = location;
        this.jdbc = new Jdbc(connection);
        this.projectRows = new ProjectRows(jdbc);
        this.refs = new ProjectCache(projectRows);
        this.imageRows = new ImageRows(jdbc, refs);
        this.readRows = new ReadRows(jdbc, refs, imageRows);
        this.consensusRows = new ConsensusRows(jdbc, refs, imageRows);
        this.candidateRows = new CandidateRows(jdbc, refs, imageRows);
        this.imageQueryRows = new ImageQueryRows(jdbc, dialect, imageRows);
        this.predictionRows = new PredictionRows(jdbc, refs, imageRows);
        this.secrets = new Secrets(jdbc);
        this.markRows = new ReaderMarkRows(jdbc);
        this.listRows = new ReadingListRows(jdbc);
    }

    // --- opening, used by JdbcProjectStore ---

    void requireStore() {
        boolean present = call("look for a project at " + location, () -> dialect.tableExists(jdbc, "schema_version"));
        if (!present) {
            throw new StoreException(Reason.NOT_FOUND, "There is no Lightbox project at " + location);
        }
    }

    void migrate(Migrations migrations) {
        write("bring the schema of " + location + " up to date", () -> {
            migrations.apply(jdbc, dialect, location.toString());
            return null;
        });
    }

    void createProject(Project project) {
        write("create project '" + project.getName() + "' at " + location, () -> {
            if (projectRows.exists()) {
                throw new StoreException(Reason.ALREADY_EXISTS,
                        location + " already holds project '" + projectRows.name() + "'");
            }
            projectRows.insert(project);
            refs.reload();
            return null;
        });
    }

    void loadProject() {
        call("load the project at " + location, () -> {
            if (!projectRows.exists()) {
                throw new StoreException(Reason.NOT_FOUND, "There is no Lightbox project at " + location);
            }
            refs.reload();
            return null;
        });
    }

    /** The migrations applied to this store, oldest first (for diagnostics and tests). */
    public List<Migrations.Applied> appliedMigrations() {
        return call("list the applied migrations", () -> Migrations.applied(jdbc));
    }

    // --- ProjectSession ---

    @Override
    public StoreLocation location() {
        return location;
    }

    @Override
    public int schemaVersion() {
        return call("read the schema version", () -> Migrations.currentVersion(jdbc));
    }

    @Override
    public synchronized Project project() {
        ensureOpen();
        return refs.project();
    }

    @Override
    public void saveProject(Project project) {
        write("save project '" + project.getName() + "'", () -> {
            projectRows.update(project);
            refs.reload();
            return null;
        });
    }

    @Override
    public void addReaders(Collection<? extends Reader> readers) {
        write("add " + readers.size() + " readers", () -> {
            projectRows.addReaders(readers);
            refs.reload();
            return null;
        });
    }

    @Override
    public void addImages(Collection<? extends ImageRecord> images) {
        write("add " + images.size() + " images", () -> {
            imageRows.insert(images);
            return null;
        });
    }

    @Override
    public long imageCount() {
        return call("count the images", imageRows::count);
    }

    @Override
    public List<ImageRecord> images(long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        return call("load images " + offset + " to " + (offset + limit), () -> imageRows.page(offset, limit));
    }

    @Override
    public long count(ImageQuery query) {
        return call("count the images (" + query.describe() + ")",
                () -> imageQueryRows.count(ImageFilter.of(query, refs)));
    }

    @Override
    public List<ImageRecord> images(ImageQuery query, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        return call("load images " + offset + " to " + (offset + limit) + " (" + query.describe() + ")",
                () -> imageQueryRows.page(ImageFilter.of(query, refs), offset, limit));
    }

    @Override
    public Optional<ImageRecord> image(String imageId) {
        return call("load image '" + imageId + "'",
                () -> imageRows.load("image_id = ?", imageId).values().stream().findFirst());
    }

    @Override
    public List<ImageRecord> imagesById(Collection<String> imageIds) {
        return call("load " + imageIds.size() + " images by id", () -> List.copyOf(imageRows.byIds(imageIds).values()));
    }

    @Override
    public Optional<ImageRecord> imageWithContentHash(String contentHash) {
        return call("look for an image with content hash " + contentHash, () -> imageRows.load(
                "id = (SELECT MIN(id) FROM images WHERE content_hash = ?)", contentHash).values().stream().findFirst());
    }

    @Override
    public void updateImages(Collection<? extends ImageRecord> images) {
        write("update " + images.size() + " images", () -> {
            imageRows.update(images);
            return null;
        });
    }

    @Override
    public String pseudonym(String identity) {
        synchronized (this) {
            if (secrets.ready()) {
                return call("make a pseudonym", () -> secrets.pseudonym(identity));
            }
        }
        return write("make a pseudonym", () -> secrets.pseudonym(identity)); // the first creates the secret
    }

    @Override
    public Read recordRead(Read read) {
        String what = "record the read of reader '" + (read.getReader() == null ? null : read.getReader().getId())
                + "' on image '" + (read.getImage() == null ? null : read.getImage().getImageId())
                + "' for finding '" + (read.getFinding() == null ? null : read.getFinding().getCode()) + "'";
        return write(what, () -> readRows.record(read));
    }

    @Override
    public List<Read> readsOfImage(String imageId) {
        return call("load the reads of image '" + imageId + "'",
                () -> readRows.current("image_ref = " + ImageRows.IMAGE_REF, imageId));
    }

    @Override
    public List<Read> readsOfReader(String readerId) {
        return call("load the reads of reader '" + readerId + "'",
                () -> readRows.current("reader_ref = (SELECT id FROM readers WHERE reader_key = ?)", readerId));
    }

    @Override
    public List<Read> allReads() {
        return call("load all reads", () -> readRows.current("1 = 1"));
    }

    @Override
    public List<Read> readHistory(String imageId) {
        return call("load the read history of image '" + imageId + "'", () -> readRows.historyOfImage(imageId));
    }

    @Override
    public ReadingDesk desk(String readerId) {
        return call("open the reading desk of reader '" + readerId + "'", () -> {
            Reader reader = project().getReaders().stream().filter(r -> r.getId().equals(readerId)).findFirst()
                    .orElse(null);
            if (reader == null) {
                refs.reload();
                reader = refs.project().getReaders().stream().filter(r -> r.getId().equals(readerId)).findFirst()
                        .orElseThrow(() -> new StoreException(Reason.NOT_FOUND,
                                "Reader '" + readerId + "' is not a reader of this project"));
            }
            return new JdbcReadingDesk(this, reader, refs.readerRef(reader));
        });
    }

    @Override
    public Map<String, List<QualityFlag>> readerFlags() {
        return call("load every reader's flags", () -> markRows.flags("1 = 1"));
    }

    @Override
    public Map<String, List<ConfounderTag>> readerTags() {
        return call("load every reader's tags", () -> markRows.tags("1 = 1"));
    }

    @Override
    public ReadingList assignRandomPerClass(String name, String readerId, int perClass, long seed) {
        if (perClass < 0) {
            throw new IllegalArgumentException("perClass must not be negative: " + perClass);
        }
        return assign(name, readerId, reader -> listRows.drawPerClass(project().getLabelSchema().getFindings(), refs,
                reader, perClass, seed), "random " + perClass + " per class, seed " + seed);
    }

    @Override
    public ReadingList assignFromQuery(String name, String readerId, ImageQuery query, int limit) {
        return assign(name, readerId, reader -> imageQueryRows.page(ImageFilter.of(query, refs), 0, limit).stream()
                .map(i -> new ReadingList.Item(i.getImageId(), null)).toList(),
                "filter: " + query.describe() + ", first " + limit);
    }

    @Override
    public ReadingList assignImages(String name, String readerId, List<String> imageIds) {
        return assignImages(name, readerId, imageIds, "image list");
    }

    @Override
    public ReadingList assignImages(String name, String readerId, List<String> imageIds, String origin) {
        return assign(name, readerId, reader -> {
            List<String> missing = listRows.missing(imageIds);
            if (!missing.isEmpty()) {
                throw new StoreException(Reason.NOT_FOUND, missing.size() + " of the " + imageIds.size()
                        + " image ids are not in this project, e.g. '" + missing.getFirst() + "'");
            }
            return imageIds.stream().map(id -> new ReadingList.Item(id, null)).toList();
        }, origin + " of " + imageIds.size());
    }

    /** Draws a list's items for a reader (by surrogate key). */
    private interface ItemDraw {
        List<ReadingList.Item> draw(long readerRef) throws SQLException;
    }

    private ReadingList assign(String name, String readerId, ItemDraw draw, String origin) {
        ReadingListRows.requireSome(name);
        return write("assign reading list '" + name + "' to reader '" + readerId + "'", () -> {
            Reader reader = desk(readerId).reader();
            long ref = refs.readerRef(reader);
            return listRows.insert(name, ref, readerId, origin, draw.draw(ref));
        });
    }

    @Override
    public List<ReadingList> readingLists() {
        return call("load the reading lists", () -> listRows.find("1 = 1"));
    }

    @Override
    public void putConsensusLabels(Collection<? extends ConsensusLabel> labels) {
        write("save " + labels.size() + " consensus labels", () -> {
            consensusRows.put(labels);
            return null;
        });
    }

    @Override
    public List<ConsensusLabel> consensusLabelsOfImage(String imageId) {
        return call("load the consensus labels of image '" + imageId + "'",
                () -> consensusRows.find("image_ref = " + ImageRows.IMAGE_REF, imageId));
    }

    @Override
    public List<ConsensusLabel> consensusLabels(String method) {
        return call("load the consensus labels of method '" + method + "'",
                () -> consensusRows.find("method = ?", method));
    }

    @Override
    public void putCandidates(Collection<? extends Candidate> candidates) {
        write("save " + candidates.size() + " candidates", () -> {
            candidateRows.put(candidates);
            return null;
        });
    }

    @Override
    public List<Candidate> candidates(String queue) {
        return call("load the candidates of queue '" + queue + "'", () -> candidateRows.ofQueue(queue));
    }

    @Override
    public List<String> queues() {
        return call("list the review queues", candidateRows::queues);
    }

    @Override
    public void putPredictions(Collection<? extends Prediction> predictions) {
        write("save " + predictions.size() + " predictions", () -> {
            predictionRows.put(predictions);
            return null;
        });
    }

    @Override
    public List<Prediction> predictions(String model) {
        return call("load the predictions of model '" + model + "'", () -> predictionRows.find("model = ?", model));
    }

    @Override
    public List<Prediction> predictions(String model, String findingCode) {
        return call("load the predictions of model '" + model + "' for finding '" + findingCode + "'",
                () -> predictionRows.find("model = ? AND finding_ref = (SELECT id FROM findings WHERE code = ?)",
                        model, findingCode));
    }

    @Override
    public List<Prediction> predictionsOfImage(String imageId) {
        return call("load the predictions for image '" + imageId + "'",
                () -> predictionRows.find("image_ref = " + ImageRows.IMAGE_REF, imageId));
    }

    @Override
    public List<String> predictionModels() {
        return call("list the prediction models", predictionRows::models);
    }

    @Override
    public synchronized <T> T inTransaction(StoreWork<T> work) {
        ensureOpen();
        if (transactionDepth > 0) {
            return runJoined(work);
        }
        call("begin a transaction", () -> {
            connection.setAutoCommit(false);
            return null;
        });
        transactionDepth = 1;
        boolean committed = false;
        try {
            T result = work.run(this);
            connection.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            throw dialect.translate("commit the transaction", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(Reason.FAILURE, "The transaction failed and was rolled back: " + e.getMessage(), e);
        } finally {
            transactionDepth = 0;
            endTransaction(committed);
        }
    }

    private <T> T runJoined(StoreWork<T> work) {
        try {
            return work.run(this);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(Reason.FAILURE, "The transaction failed: " + e.getMessage(), e);
        }
    }

    private void endTransaction(boolean committed) {
        try {
            if (!committed) {
                connection.rollback();
                secrets.forget(); // a secret created in the rolled-back work was never stored
            }
            connection.setAutoCommit(true);
            if (!committed && refs.loaded()) {
                refs.reload(); // the cached project may hold rolled-back readers or findings
            }
        } catch (SQLException e) {
            // the connection is unusable; the work's own exception, if any, is the one to report
            closeQuietly();
            if (committed) {
                throw dialect.translate("end the transaction", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        closed = true;
        try {
            connection.close(); // rolls back an open transaction
        } catch (SQLException e) {
            // nothing left to save; closing is best effort
        }
    }

    // --- plumbing ---

    // --- for JdbcReadingDesk ---

    Refs refs() {
        return refs;
    }

    Jdbc jdbc() {
        return jdbc;
    }

    ImageRows imageRows() {
        return imageRows;
    }

    ReadRows readRows() {
        return readRows;
    }

    ReaderMarkRows markRows() {
        return markRows;
    }

    ReadingListRows listRows() {
        return listRows;
    }

    synchronized <T> T call(String action, SqlWork<T> work) {
        ensureOpen();
        try {
            return work.run();
        } catch (SQLException e) {
            throw dialect.translate(action, e);
        }
    }

    <T> T write(String action, SqlWork<T> work) {
        return inTransaction(session -> call(action, work));
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(Reason.CLOSED, "The session on " + location + " is closed");
        }
    }
}
