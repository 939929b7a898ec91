package org.lightbox.dataset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lightbox.dataset.ImportOutcome;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.model.ImageRecord;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreException;

/**
 * Images waiting to be written, and the outcomes that depend on them: committed together in one
 * transaction, so that a report never says IMPORTED about something the store does not hold.
 */
final class Batch {

    private final ProjectSession project;
    private final ImportReport.Builder report;
    private final List<ImageRecord> added = new ArrayList<>();
    private final List<ImageRecord> updated = new ArrayList<>();
    private final List<ImportOutcome> outcomes = new ArrayList<>();
    private long committedItems;

    Batch(ProjectSession project, ImportReport.Builder report) {
        this.project = project;
        this.report = report;
    }

    void add(ImageRecord image) {
        added.add(image);
    }

    void update(ImageRecord image) {
        updated.add(image);
    }

    void outcome(ImportOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Images waiting. */
    int size() {
        return added.size() + updated.size();
    }

    /**
     * Writes the waiting images in one transaction and hands their outcomes to the report.
     *
     * @return false when the store refused the batch: its items are reported FAILED with the store's
     *         reason and the import should stop (what was committed before stays)
     */
    boolean commit(ImportProgress progress) {
        boolean stored = true;
        if (size() > 0) {
            try {
                project.inTransaction(session -> {
                    session.addImages(added);
                    session.updateImages(updated);
                    return null;
                });
            } catch (StoreException e) {
                stored = false;
                outcomes.replaceAll(o -> o.status() == ImportOutcome.Status.IMPORTED
                        ? ImportOutcome.failed(o.item(), o.imageId(), "not stored, the store refused its batch: "
                                + e.getMessage())
                        : o);
                report.note("stopped: the store refused a batch (" + e.getMessage() + "); earlier batches are in the project");
            }
        }
        committedItems += outcomes.size();
        report.addAll(outcomes);
        if (stored && size() > 0) {
            progress.note(String.format(Locale.ROOT, "%,d items done", committedItems));
        }
        added.clear();
        updated.clear();
        outcomes.clear();
        return stored;
    }
}
