package org.lightbox.ui.internal.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.agreement.AgreementAnalysis;
import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.RatingTable;
import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.ExportReceipt;
import org.lightbox.consensus.ExportService;
import org.lightbox.consensus.ReadTables;
import org.lightbox.model.Read;
import org.lightbox.ui.OpenProject;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * How far the open project's readers agree: per finding Fleiss' kappa, Krippendorff's alpha and Gwet's AC1 with their
 * 95% intervals and n, and for the selected finding a reader × reader heatmap of Cohen's kappa, exportable as PNG and
 * SVG; each reader against the others; the cases the readers disagree on (opened in the reading editor) and the
 * adjudication of the queued ties ({@link DisagreementPanel}). Computed in a job from the current reads; the UI thread
 * only paints.
 */
public final class AgreementPart {

    public static final String TABLE_ID = "agreement.findings";
    public static final String HEATMAP_ID = "agreement.heatmap";
    public static final String SUMMARY_ID = "agreement.summary";
    public static final String READERS_ID = "agreement.readers";
    public static final String DISAGREEMENTS_ID = "agreement.disagreements";
    public static final String OPEN_CASES_ID = "agreement.disagreements.open";
    public static final String ADJUDICATOR_ID = "agreement.adjudicator";
    public static final String ADJUDICATE_ID = "agreement.adjudicate";
    public static final String ADJUDICATION_STATUS_ID = "agreement.adjudication.status";
    /** {@code heatmap canvas.getData(PART_KEY)} is this part, so that tests and exporters can reach {@link #export}. */
    public static final String PART_KEY = "lightbox.agreement.part";
    static final String[] STATISTICS = {"Fleiss' kappa", "Krippendorff's alpha", "Gwet's AC1"};
    private static final String[] COLUMNS = {"Finding", "Images", "Readers", "Fleiss κ (95% CI)", "Krippendorff α (95% CI)",
        "Gwet AC1 (95% CI)"};
    private static final int[] WIDTHS = {150, 60, 60, 190, 190, 190};
    private static final String[] EXPORT_FORMATS = {"cxr14", "json", "long", "reads", "exclusions"};
    private static final String[] EXPORT_METHODS = {"majority", "dawid-skene", "adjudication"};
    private static final String[] READER_COLUMNS = {"Reader", "Sensitivity (95% CI)", "n", "Specificity (95% CI)", "n",
        "PPV (95% CI)", "NPV (95% CI)"};
    private static final int[] READER_WIDTHS = {150, 170, 50, 170, 50, 170, 170};

    @Inject
    private UISynchronize sync;
    @Inject
    private EPartService parts;
    @Inject
    private EModelService models;
    @Inject
    private MApplication application;

    private Label summary;
    private Table table;
    private HeatmapPane heatmapPane;
    private Table readersTable;
    private Label readersTitle;
    private final Map<String, AgreementReport> reports = new LinkedHashMap<>();
    private final Map<String, RatingTable> tables = new LinkedHashMap<>();
    private DisagreementPanel disagreements;
    private OpenProject project;

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setData(RepositoryPart.WIDGET_ID, SUMMARY_ID);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData(RepositoryPart.WIDGET_ID, TABLE_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 160;
        table.setLayoutData(tableData);
        for (int c = 0; c < COLUMNS.length; c++) {
            TableColumn column = new TableColumn(table, c == 0 ? SWT.LEFT : SWT.RIGHT);
            column.setText(COLUMNS[c]);
            column.setWidth(WIDTHS[c]);
        }
        table.addListener(SWT.Selection, e -> selectFinding(table.getSelectionIndex()));
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(6, false));
        for (String format : new String[] {"png", "svg"}) {
            Button export = new Button(buttons, SWT.PUSH);
            export.setText("Export heatmap as " + format.toUpperCase(Locale.ROOT) + "…");
            export.setData(RepositoryPart.WIDGET_ID, "agreement.export." + format);
            export.addListener(SWT.Selection, e -> heatmapPane.askAndExport(format));
        }
        new Label(buttons, SWT.NONE).setText("   Export labels:");
        Combo format = new Combo(buttons, SWT.READ_ONLY);
        format.setItems(EXPORT_FORMATS);
        format.select(0);
        Combo method = new Combo(buttons, SWT.READ_ONLY);
        method.setItems(EXPORT_METHODS);
        method.select(0);
        Button exportLabels = new Button(buttons, SWT.PUSH);
        exportLabels.setText("Export…");
        exportLabels.setToolTipText("De-identified, with a sidecar FILE.json holding the time, method and SHA-256"
                + " (the method matters for cxr14 and json)");
        exportLabels.addListener(SWT.Selection, e -> askAndExportLabels(format.getText(), method.getText()));
        readersTitle = new Label(parent, SWT.NONE);
        readersTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        readersTable = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        readersTable.setData(RepositoryPart.WIDGET_ID, READERS_ID);
        readersTable.setHeaderVisible(true);
        readersTable.setLinesVisible(true);
        GridData readersData = new GridData(SWT.FILL, SWT.FILL, true, false);
        readersData.heightHint = 110;
        readersTable.setLayoutData(readersData);
        for (int c = 0; c < READER_COLUMNS.length; c++) {
            TableColumn column = new TableColumn(readersTable, c == 0 ? SWT.LEFT : SWT.RIGHT);
            column.setText(READER_COLUMNS[c]);
            column.setWidth(READER_WIDTHS[c]);
        }
        SashForm bottom = new SashForm(parent, SWT.HORIZONTAL);
        Composite cases = new Composite(bottom, SWT.NONE);
        GridLayout casesLayout = new GridLayout(1, false);
        casesLayout.marginWidth = 0;
        casesLayout.marginHeight = 0;
        cases.setLayout(casesLayout);
        disagreements = new DisagreementPanel(cases, sync, () -> project, this::openInEditor, () -> show(project));
        heatmapPane = new HeatmapPane(bottom, message -> summary.setText(message));
        heatmapPane.canvas().setData(RepositoryPart.WIDGET_ID, HEATMAP_ID);
        heatmapPane.canvas().setData(PART_KEY, this);
        GridData canvasData = new GridData(SWT.FILL, SWT.FILL, true, true);
        canvasData.heightHint = 360;
        bottom.setLayoutData(canvasData);
        bottom.setWeights(55, 45);
        show(project);
    }

    @Inject
    void projectChanged(@Optional OpenProject opened) {
        project = opened;
        if (table != null && !table.isDisposed()) {
            show(opened);
        }
    }

    private void show(OpenProject opened) {
        reports.clear();
        tables.clear();
        heatmapPane.show(null);
        table.removeAll();
        readersTable.removeAll();
        disagreements.project(opened);
        if (opened == null) {
            summary.setText("No project is open.");
            return;
        }
        summary.setText("Computing agreement on " + opened.name() + "…");
        Job job = Job.create("Agreement on " + opened.name(), monitor -> {
            List<Read> reads = opened.session().allReads();
            Map<String, RatingTable> tables = ReadTables.byFinding(opened.session().project(), reads, r -> true);
            List<Disagreements.Row> cases = Disagreements.of(reads, opened.session().candidates(ConsensusOptions.ADJUDICATION));
            Map<String, AgreementReport> computed = new LinkedHashMap<>();
            AgreementAnalysis analysis = analysis();
            for (Map.Entry<String, RatingTable> t : tables.entrySet()) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                if (t.getValue().raterCount() > 1) {
                    computed.put(t.getKey(), analysis.analyse(t.getValue(), AgreementOptions.DEFAULT));
                }
            }
            sync.asyncExec(() -> {
                if (!table.isDisposed() && opened == project) {
                    this.tables.putAll(tables);
                    fill(opened, computed);
                    disagreements.show(cases);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(false);
        job.schedule();
    }

    private static AgreementAnalysis analysis() {
        BundleContext context = FrameworkUtil.getBundle(AgreementPart.class).getBundleContext();
        ServiceTracker<AgreementAnalysis, AgreementAnalysis> tracker = new ServiceTracker<>(context, AgreementAnalysis.class, null);
        tracker.open();
        try {
            AgreementAnalysis analysis = tracker.waitForService(10_000);
            if (analysis == null) {
                throw new IllegalStateException("no agreement analysis service");
            }
            return analysis;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void fill(OpenProject opened, Map<String, AgreementReport> computed) {
        reports.putAll(computed);
        table.removeAll();
        for (Map.Entry<String, AgreementReport> r : computed.entrySet()) {
            TableItem item = new TableItem(table, SWT.NONE);
            List<String> cells = new ArrayList<>(List.of(r.getKey(), Integer.toString(r.getValue().subjects()),
                    Integer.toString(r.getValue().raters().size())));
            for (String statistic : STATISTICS) {
                cells.add(cell(r.getValue().get(statistic)));
            }
            item.setText(cells.toArray(String[]::new));
        }
        summary.setText(computed.isEmpty() ? "No finding of " + opened.name() + " has reads by two or more readers."
                : String.format(Locale.ROOT, "%s: %d finding(s) read by two or more readers; 95%% intervals, n = images. "
                        + "Heatmap: pick a finding; hover a cell for its interval and n.", opened.name(), computed.size()));
        if (!computed.isEmpty()) {
            table.select(0);
            selectFinding(0);
        }
    }

    /** An estimate with its interval, or why it is undefined. */
    static String cell(Estimate e) {
        if (!e.defined()) {
            return "undefined";
        }
        return e.interval().map(ci -> String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", e.value(), ci.lower(), ci.upper()))
                .orElse(String.format(Locale.ROOT, "%.3f", e.value()));
    }

    private void selectFinding(int index) {
        if (index < 0 || index >= reports.size()) {
            return;
        }
        String finding = new ArrayList<>(reports.keySet()).get(index);
        heatmapPane.show(KappaHeatmap.of(finding, reports.get(finding)));
        readersTable.removeAll();
        RatingTable ratings = tables.get(finding);
        readersTitle.setText("Each reader against the majority of the other readers (" + finding + ", PRESENT positive; "
                + "ties left out, UNCERTAIN negative):");
        List<DiagnosticAccuracy> rows = ReaderAccuracy.againstOthers(ratings);
        for (int r = 0; r < rows.size(); r++) {
            DiagnosticAccuracy a = rows.get(r);
            TableItem item = new TableItem(readersTable, SWT.NONE);
            item.setText(new String[] {ratings.raters().get(r), cell(a.sensitivity()), Integer.toString(a.sensitivity().n().subjects()),
                cell(a.specificity()), Integer.toString(a.specificity().n().subjects()), cell(a.ppv()), cell(a.npv())});
        }
    }

    /** Writes the heatmap shown as SVG (a {@code .svg} file) or PNG (any other); on the UI thread. */
    public void export(Path file) throws IOException {
        heatmapPane.export(file);
    }

    private void askAndExportLabels(String format, String method) {
        if (project == null) {
            return;
        }
        FileDialog dialog = new FileDialog(table.getShell(), SWT.SAVE);
        String extension = format.equals("json") ? "json" : "csv";
        dialog.setFilterExtensions(new String[] {"*." + extension});
        dialog.setFileName(format + (format.equals("cxr14") || format.equals("json") ? "-" + method : "") + "." + extension);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        try {
            ExportReceipt receipt = exportLabels(format, method, Path.of(chosen));
            summary.setText(String.format(Locale.ROOT, "Wrote %,d record(s) to %s (SHA-256 %s…; sidecar %s)", receipt.records(),
                    receipt.file(), receipt.sha256().substring(0, 12), receipt.sidecar().getFileName()));
        } catch (IOException | IllegalArgumentException e) {
            summary.setText("Could not export: " + e.getMessage());
        }
    }

    /** Writes an export of the open project through the export service ({@code lightbox export} does the same). */
    public ExportReceipt exportLabels(String format, String method, Path file) throws IOException {
        if (project == null) {
            throw new IllegalArgumentException("no project is open");
        }
        BundleContext context = FrameworkUtil.getBundle(AgreementPart.class).getBundleContext();
        ServiceTracker<ExportService, ExportService> tracker = new ServiceTracker<>(context, ExportService.class, null);
        tracker.open();
        try {
            ExportService exports = tracker.waitForService(10_000);
            if (exports == null) {
                throw new IllegalStateException("no export service");
            }
            return exports.export(project.session(), format, ExportOptions.labels(method), file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            tracker.close();
        }
    }

    private void openInEditor(List<String> imageIds) {
        if (project != null) {
            ReadingEditors.open(parts, models, application, project, project.session().imagesById(imageIds));
        }
    }

    /** The finding whose heatmap is shown, or null. */
    public String heatmapFinding() {
        return heatmapPane.finding();
    }

    @Focus
    public void setFocus() {
        table.setFocus();
    }
}
