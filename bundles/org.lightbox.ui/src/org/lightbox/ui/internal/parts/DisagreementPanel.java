package org.lightbox.ui.internal.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.consensus.ConsensusRunner;
import org.lightbox.consensus.ConsensusSummary;
import org.lightbox.model.Candidate;
import org.lightbox.model.CandidateStatus;
import org.lightbox.model.Reader;
import org.lightbox.ui.OpenProject;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The agreement view's disagreement list (the cases whose readers disagree, and majority's ties queued for
 * adjudication, with the votes; opened in the reading editor by double-click or button) and its adjudication action
 * (a chosen reader's reads settle the queued cases through the consensus runner).
 */
final class DisagreementPanel {

    private static final String[] COLUMNS = {"Image", "Finding", "Queue", "Votes"};
    private static final int[] WIDTHS = {80, 100, 80, 330};

    private final UISynchronize sync;
    private final Supplier<OpenProject> project;
    private final Consumer<List<String>> opener;
    private final Runnable refresh;
    private final Label title;
    private final Table table;
    private final Combo adjudicator;
    private final Label status;
    private List<Disagreements.Row> rows = List.of();

    /**
     * @param opener opens image ids in the reading editor
     * @param refresh recomputes the view after an adjudication
     */
    DisagreementPanel(Composite parent, UISynchronize sync, Supplier<OpenProject> project, Consumer<List<String>> opener,
            Runnable refresh) {
        this.sync = sync;
        this.project = project;
        this.opener = opener;
        this.refresh = refresh;
        title = new Label(parent, SWT.WRAP);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.VIRTUAL);
        table.setData(RepositoryPart.WIDGET_ID, AgreementPart.DISAGREEMENTS_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData titleData = new GridData(SWT.FILL, SWT.TOP, true, false);
        titleData.widthHint = 300;
        title.setLayoutData(titleData);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 130;
        table.setLayoutData(tableData);
        for (int c = 0; c < COLUMNS.length; c++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(COLUMNS[c]);
            column.setWidth(WIDTHS[c]);
        }
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            int index = table.indexOf(item);
            if (index >= 0 && index < rows.size()) {
                Disagreements.Row row = rows.get(index);
                item.setText(new String[] {row.image(), row.finding(), row.queued(), row.votes()});
            }
        });
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Button open = new Button(bar, SWT.PUSH);
        open.setText("Open in Reading Editor");
        open.setToolTipText("Reads the selected cases' images; double-click a row does the same");
        open.setData(RepositoryPart.WIDGET_ID, AgreementPart.OPEN_CASES_ID);
        open.addListener(SWT.Selection, e -> openSelected());
        new Label(bar, SWT.NONE).setText("Adjudicator:");
        adjudicator = new Combo(bar, SWT.READ_ONLY);
        adjudicator.setData(RepositoryPart.WIDGET_ID, AgreementPart.ADJUDICATOR_ID);
        Button apply = new Button(bar, SWT.PUSH);
        apply.setText("Apply Adjudication");
        apply.setToolTipText("The adjudicator's reads of the queued cases become 'adjudication' labels; the cases are resolved");
        apply.setData(RepositoryPart.WIDGET_ID, AgreementPart.ADJUDICATE_ID);
        apply.addListener(SWT.Selection, e -> adjudicate(adjudicator.getText()));
        status = new Label(bar, SWT.WRAP);
        status.setData(RepositoryPart.WIDGET_ID, AgreementPart.ADJUDICATION_STATUS_ID);
        GridData statusData = new GridData(SWT.FILL, SWT.TOP, true, false);
        statusData.horizontalSpan = 4;
        statusData.widthHint = 300;
        status.setLayoutData(statusData);
    }

    /** Shows the project's readers as adjudicator choices and clears the list (until {@link #show} fills it). */
    void project(OpenProject opened) {
        rows = List.of();
        table.setItemCount(0);
        title.setText("");
        String chosen = adjudicator.getText();
        adjudicator.removeAll();
        if (opened != null) {
            for (Reader reader : opened.session().project().getReaders()) {
                adjudicator.add(reader.getId());
            }
            adjudicator.select(adjudicator.indexOf(chosen));
        }
    }

    /** Shows the cases (on the UI thread). */
    void show(List<Disagreements.Row> cases) {
        rows = List.copyOf(cases);
        table.clearAll();
        table.setItemCount(rows.size());
        long queued = rows.stream().filter(r -> r.queued().equals(CandidateStatus.OPEN.getLiteral())).count();
        title.setText(String.format(Locale.ROOT, "Cases the readers disagree on: %,d (%,d image(s)), %,d tie(s) open in the"
                + " adjudication queue. Double-click to read them.", rows.size(), Disagreements.images(rows).size(), queued));
        title.getParent().layout(true, true);
    }

    private void openSelected() {
        int[] selected = table.getSelectionIndices();
        List<Disagreements.Row> chosen = new ArrayList<>();
        for (int index : selected) {
            chosen.add(rows.get(index));
        }
        if (chosen.isEmpty()) {
            status.setText("Select the cases to read first (shift- or ctrl-click for several).");
            return;
        }
        opener.accept(Disagreements.images(chosen));
    }

    /** Settles the queued cases with a reader's reads, in a job; the status line reports the counts. */
    void adjudicate(String reader) {
        OpenProject opened = project.get();
        if (opened == null || reader == null || reader.isBlank()) {
            status.setText("Choose the adjudicator (a reader of the project) first.");
            return;
        }
        status.setText("Adjudicating with " + reader + "'s reads…");
        Job job = Job.create("Adjudication by " + reader, monitor -> {
            String message;
            try {
                long open = openCases(opened);
                ConsensusSummary summary = runner().adjudicate(opened.session(),
                        ConsensusOptions.DEFAULT.withAdjudicators(Set.of(reader)));
                message = String.format(Locale.ROOT, "%s settled %d of %d open case(s): %d 'adjudication' label(s) stored,"
                        + " %d case(s) resolved, %d still open (no read by %s yet).", reader, summary.queued(), open,
                        summary.labelsStored(), summary.queued(), open - summary.queued(), reader);
            } catch (RuntimeException e) {
                message = "Could not adjudicate: " + e.getMessage();
            }
            String report = message;
            sync.asyncExec(() -> {
                if (!status.isDisposed()) {
                    status.setText(report);
                    status.getParent().layout(true, true);
                    refresh.run();
                }
            });
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private static long openCases(OpenProject opened) {
        List<Candidate> queue = opened.session().candidates(ConsensusOptions.ADJUDICATION);
        return queue.stream().filter(c -> c.getFinding() != null && c.getStatus() != CandidateStatus.RESOLVED
                && c.getStatus() != CandidateStatus.DISMISSED).count();
    }

    private static ConsensusRunner runner() {
        BundleContext context = FrameworkUtil.getBundle(DisagreementPanel.class).getBundleContext();
        ServiceTracker<ConsensusRunner, ConsensusRunner> tracker = new ServiceTracker<>(context, ConsensusRunner.class, null);
        tracker.open();
        try {
            ConsensusRunner runner = tracker.waitForService(10_000);
            if (runner == null) {
                throw new IllegalStateException("no consensus runner service");
            }
            return runner;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            tracker.close();
        }
    }
}
