package org.lightbox.ui.internal.imports;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.lightbox.dataset.DatasetImporter;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.ui.OpenProject;

/**
 * One import, run as an Eclipse Job off the UI thread. Its progress is kept here for the report part to
 * poll (the part paints; this thread only counts). Cancelling stops the importer between batches: what
 * was committed stays, whole batches only, and the report says how far it got.
 */
public final class ImportJob extends Job {

    private static final String PLUGIN = "org.lightbox.ui";
    /** Progress is shown in per mille: a CSV's total is in bytes, more than an int may hold. */
    private static final int SCALE = 1000;

    private final ImportRequest request;
    private final OpenProject project;
    private final DatasetImporter importer;
    private final Consumer<ImportJob> finished;
    private volatile long total = -1;
    private volatile long done;
    private volatile String note = "";
    private volatile ImportReport report;
    private volatile String failure;

    ImportJob(ImportRequest request, OpenProject project, DatasetImporter importer, Consumer<ImportJob> finished) {
        super("Import: " + request.describe());
        this.request = Objects.requireNonNull(request, "request");
        this.project = Objects.requireNonNull(project, "project");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.finished = finished;
        setUser(true);
    }

    public ImportRequest request() {
        return request;
    }

    public OpenProject project() {
        return project;
    }

    /** The finished import's report; null while it runs or when it failed as a whole. */
    public ImportReport report() {
        return report;
    }

    /** Why the import did not run at all (wrong columns, unreadable file), or null. */
    public String failure() {
        return failure;
    }

    /** Done so far, 0..1, or -1 when the total is unknown. */
    public double fraction() {
        long t = total;
        return t <= 0 ? -1 : Math.min(1.0, (double) done / t);
    }

    public String note() {
        return note;
    }

    public boolean isDone() {
        return report != null || failure != null;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        ImportProgress progress = new ImportProgress() {
            private int reported;

            @Override
            public void begin(String task, long totalUnits) {
                total = totalUnits;
                monitor.beginTask(task, totalUnits > 0 ? SCALE : IProgressMonitor.UNKNOWN);
            }

            @Override
            public void worked(long units) {
                done += units;
                long t = total;
                if (t > 0) {
                    int now = (int) Math.min(SCALE, done * SCALE / t);
                    monitor.worked(now - reported);
                    reported = now;
                }
            }

            @Override
            public void note(String message) {
                note = message;
                monitor.subTask(message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCanceled();
            }
        };
        try {
            report = switch (request.kind()) {
                case FOLDER -> importer.importFolder(project.session(), request.source(), progress);
                case CXR14_LABELS -> importer.importCxr14Labels(project.session(), request.source(),
                        request.imagesFolder(), progress);
                case EXPERT_READS -> importer.importExpertReads(project.session(), request.source(), progress);
                case PREDICTIONS -> importer.importPredictions(project.session(), request.source(), request.model(),
                        progress);
            };
            return report.cancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        } catch (ImportException e) {
            failure = e.getMessage();
            return new Status(IStatus.ERROR, PLUGIN, failure);
        } catch (RuntimeException e) { // a store failure: say what, keep the workbench up
            failure = String.format(Locale.ROOT, "the import stopped: %s", e.getMessage() != null ? e.getMessage() : e);
            return new Status(IStatus.ERROR, PLUGIN, failure, e);
        } finally {
            monitor.done();
            if (finished != null) {
                finished.accept(this);
            }
        }
    }
}
