package org.lightbox.ui.internal.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.lightbox.dataset.ImportOutcome;
import org.lightbox.dataset.ImportReport;
import org.lightbox.ui.internal.parts.RepositoryPart;

import jakarta.annotation.PostConstruct;

/**
 * The Import view: the running import's progress with a Cancel button, then its report: the summary, one
 * row per file or CSV row (imported, skipped with the reason, failed with the reason), a filter by outcome,
 * and Save as CSV. Widgets carry ids under {@link RepositoryPart#WIDGET_ID} for tests.
 */
public final class ImportReportPart {

    public static final String PART_ID = "org.lightbox.ui.part.importReport";
    public static final String TITLE_ID = "import.title";
    public static final String PROGRESS_ID = "import.progress";
    public static final String CANCEL_ID = "import.cancel";
    public static final String SUMMARY_ID = "import.summary";
    public static final String OUTCOMES_ID = "import.outcomes";
    public static final String SHOW_ID = "import.show";
    public static final String SAVE_ID = "import.save";
    private static final String[] SHOW = {"All outcomes", "Imported", "Skipped", "Failed"};
    private static final int POLL_MILLIS = 150;

    private Label title;
    private ProgressBar progress;
    private Label note;
    private Button cancel;
    private Text summary;
    private Combo show;
    private Table outcomes;
    private Button save;
    private ImportJob job;
    private List<ImportOutcome> shown = List.of();

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        title = new Label(parent, SWT.WRAP);
        title.setText("No import yet: File › Import brings images, labels, reads or predictions into the open project.");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        id(title, TITLE_ID);
        progress = new ProgressBar(parent, SWT.SMOOTH);
        progress.setMaximum(1000);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        id(progress, PROGRESS_ID);
        cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Stop after the batch being written: what was committed stays, the report says how far it got");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            if (job != null) {
                job.cancel();
                note.setText("Cancelling after the batch being written…");
            }
        });
        id(cancel, CANCEL_ID);
        note = new Label(parent, SWT.NONE);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        summary = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        id(summary, SUMMARY_ID);
        show = new Combo(parent, SWT.READ_ONLY);
        show.setItems(SHOW);
        show.select(0);
        show.addListener(SWT.Selection, e -> fillTable());
        id(show, SHOW_ID);
        save = new Button(parent, SWT.PUSH);
        save.setText("Save as CSV…");
        save.setEnabled(false);
        save.addListener(SWT.Selection, e -> saveCsv());
        id(save, SAVE_ID);
        outcomes = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER);
        outcomes.setHeaderVisible(true);
        outcomes.setLinesVisible(true);
        outcomes.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        String[] columns = {"Item", "Outcome", "Image", "Detail"};
        int[] widths = {200, 80, 160, 420};
        for (int i = 0; i < columns.length; i++) {
            TableColumn column = new TableColumn(outcomes, SWT.LEFT);
            column.setText(columns[i]);
            column.setWidth(widths[i]);
        }
        outcomes.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            ImportOutcome o = shown.get(e.index);
            item.setText(new String[] {o.item(), o.status().name().toLowerCase(java.util.Locale.ROOT),
                o.imageId() == null ? "" : o.imageId(), o.detail() == null ? "" : o.detail()});
            if (o.status() == ImportOutcome.Status.FAILED) {
                item.setForeground(item.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        });
        id(outcomes, OUTCOMES_ID);
    }

    private static void id(org.eclipse.swt.widgets.Control control, String id) {
        control.setData(RepositoryPart.WIDGET_ID, id);
    }

    /** Shows an import from its start to its report. UI thread. */
    void track(ImportJob tracked) {
        job = tracked;
        shown = List.of();
        outcomes.setItemCount(0);
        summary.setText("");
        save.setEnabled(false);
        title.setText(tracked.request().describe() + " into the project ‘"
                + tracked.project().session().project().getName() + "’");
        progress.setSelection(0);
        note.setText("Starting…");
        cancel.setEnabled(true);
        title.getParent().layout(true, true);
        poll(tracked);
    }

    private void poll(ImportJob tracked) {
        if (progress.isDisposed() || tracked != job) {
            return;
        }
        double fraction = tracked.fraction();
        progress.setSelection(fraction < 0 ? 0 : (int) Math.round(fraction * 1000));
        if (!tracked.isDone()) {
            if (!tracked.note().isEmpty() && !note.getText().startsWith("Cancelling")) {
                note.setText(tracked.note());
            }
            progress.getDisplay().timerExec(POLL_MILLIS, () -> poll(tracked));
            return;
        }
        cancel.setEnabled(false);
        ImportReport report = tracked.report();
        if (report == null) {
            note.setText("Nothing was imported.");
            summary.setText(tracked.failure());
            summary.setForeground(summary.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        } else {
            progress.setSelection(report.cancelled() ? progress.getSelection() : 1000);
            note.setText(report.cancelled() ? "Cancelled." : "Done.");
            summary.setForeground(null);
            summary.setText(report.summary());
            save.setEnabled(true);
            fillTable();
        }
        title.getParent().layout(true, true);
    }

    private void fillTable() {
        ImportReport report = job == null ? null : job.report();
        if (report == null) {
            return;
        }
        int choice = show.getSelectionIndex();
        shown = choice <= 0 ? report.outcomes() : report.outcomes(ImportOutcome.Status.values()[choice - 1]);
        outcomes.clearAll();
        outcomes.setItemCount(shown.size());
    }

    /** The report on display, or null. */
    public ImportReport report() {
        return job == null ? null : job.report();
    }

    private void saveCsv() {
        ImportReport report = report();
        if (report == null) {
            return;
        }
        FileDialog dialog = new FileDialog(save.getShell(), SWT.SAVE);
        dialog.setText("Save the Import Report");
        dialog.setFileName("import-report.csv");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        try {
            report.writeCsv(Path.of(chosen));
            note.setText("Saved the report to " + chosen);
        } catch (IOException e) {
            note.setText("Cannot save the report to " + chosen + ": " + e.getMessage());
        }
    }

    @Focus
    public void setFocus() {
        (cancel.isEnabled() ? cancel : outcomes).setFocus();
    }
}
