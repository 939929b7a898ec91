package org.lightbox.ui.internal.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
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
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.evaluation.ErrorSample;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.Evaluation.FindingResult;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationOptions;
import org.lightbox.evaluation.EvaluationReport;
import org.lightbox.evaluation.Evaluator;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.parts.ReadingEditors;
import org.lightbox.ui.internal.parts.RepositoryPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The evaluation view: a model's predictions in the open project against a reference (source labels or a
 * consensus), per finding AUROC with its DeLong CI and the metrics at an operating point chosen on half of the
 * patients and measured on the other half (or both on all images), each with its interval and n; the chosen
 * finding's ROC curve (pointwise band, operating point) and reliability diagram (n per bin), saved as PNG or SVG;
 * the finding split by sex, age band, view position or a confounder tag (per stratum AUROC, sensitivity and
 * specificity with intervals and n, and the tests of difference); the cohort table (standardised differences); seeded samples of its true/false positives/negatives opened in the reading editor, so that a reader can look
 * at the errors; and the full HTML report (ROC with CI bands, calibration, the seed paper's tables).
 */
public final class EvaluationPart {

    public static final String PART_ID = "org.lightbox.ui.part.evaluation";
    public static final String MODEL_ID = "evaluation.model";
    public static final String REFERENCE_ID = "evaluation.reference";
    public static final String POINT_ID = "evaluation.point";
    public static final String RUN_ID = "evaluation.run";
    public static final String STATUS_ID = "evaluation.status";
    public static final String TABLE_ID = "evaluation.table";
    public static final String CELL_ID_PREFIX = "evaluation.cell.";
    public static final String CHOSEN_ON_ID = "evaluation.chosenOn";
    public static final String STRATA_SPLIT_ID = StrataPane.SPLIT_ID;
    public static final String STRATA_TABLE_ID = StrataPane.TABLE_ID;
    public static final String STRATA_TEST_ROW = StrataPane.TEST_ROW;
    public static final String COHORT_TABLE_ID = CohortPane.TABLE_ID;
    /** Images per cell of the 2x2 table opened for review: one 8×6 contact sheet. */
    public static final int SAMPLE = 48;
    static final long SEED = 20_261_122L;
    private static final String[] POINTS = {"youden", "sensitivity:0.9", "specificity:0.9", "fixed:0.5"};
    private static final String[] POINT_NAMES = {"Youden's J", "Sensitivity ≥ 0.90",
        "Specificity ≥ 0.90", "Fixed threshold 0.5"};
    private static final String[] SPLITS = {"patients", "none"};
    private static final String[] SPLIT_NAMES = {"even patients, measured on the others", "all images"};

    @Inject
    private UISynchronize sync;
    @Inject
    private EPartService parts;
    @Inject
    private EModelService models;
    @Inject
    private MApplication application;

    private final ServiceTracker<Evaluator, Evaluator> evaluators = new ServiceTracker<>(
            FrameworkUtil.getBundle(EvaluationPart.class).getBundleContext(), Evaluator.class, null);
    private OpenProject project;
    private Combo model;
    private Combo reference;
    private Combo point;
    private Combo chosenOn;
    private Button run;
    private Button report;
    private Label status;
    private Table table;
    private FigurePane roc;
    private FigurePane calibration;
    private final List<Button> saves = new ArrayList<>();
    private StrataPane strata;
    private CohortPane cohort;
    private final List<Button> cells = new ArrayList<>();
    private Evaluation evaluation;

    @PostConstruct
    public void createPartControl(Composite parent) {
        evaluators.open();
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        RowLayout rows = new RowLayout(SWT.HORIZONTAL);
        rows.wrap = true;
        rows.center = true;
        bar.setLayout(rows);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        model = combo(bar, "Model", MODEL_ID);
        reference = combo(bar, "Reference", REFERENCE_ID);
        point = combo(bar, "Operating point", POINT_ID);
        point.setItems(POINT_NAMES);
        point.select(0);
        chosenOn = combo(bar, "chosen on", CHOSEN_ON_ID);
        chosenOn.setItems(SPLIT_NAMES);
        chosenOn.select(0);
        run = new Button(bar, SWT.PUSH);
        run.setText("Evaluate");
        run.setData(RepositoryPart.WIDGET_ID, RUN_ID);
        run.addListener(SWT.Selection, e -> evaluate());
        report = new Button(bar, SWT.PUSH);
        report.setText("Save HTML Report…");
        report.setEnabled(false);
        report.addListener(SWT.Selection, e -> saveReport());
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setData(RepositoryPart.WIDGET_ID, STATUS_ID);
        TabFolder tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm sash = new SashForm(tabs, SWT.HORIZONTAL);
        TabItem findings = new TabItem(tabs, SWT.NONE);
        findings.setText("Findings, figures and strata");
        findings.setControl(sash);
        SashForm left = new SashForm(sash, SWT.VERTICAL);
        createTable(left);
        strata = new StrataPane(left);
        left.setWeights(55, 45);
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(2, true));
        roc = new FigurePane(right, FigurePane.Kind.ROC);
        roc.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        calibration = new FigurePane(right, FigurePane.Kind.CALIBRATION);
        calibration.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        saves.addAll(FigurePane.saveButtons(right, this::saveFigures));
        Label look = new Label(right, SWT.WRAP);
        look.setText("Look at the errors: a seeded sample of " + SAMPLE + " images of a cell opens in the reading editor,"
                + " where wrong reference labels can be marked.");
        look.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        for (ErrorSample.Cell cell : ErrorSample.Cell.values()) {
            Button button = new Button(right, SWT.PUSH);
            button.setText(cellName(cell));
            button.setEnabled(false);
            button.setData(RepositoryPart.WIDGET_ID, CELL_ID_PREFIX + cell.name().toLowerCase(Locale.ROOT));
            button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            button.addListener(SWT.Selection, e -> openCell(cell));
            cells.add(button);
        }
        TabItem cohortTab = new TabItem(tabs, SWT.NONE);
        cohortTab.setText("Cohort");
        cohort = new CohortPane(tabs);
        cohortTab.setControl(cohort.control());
        sash.setWeights(50, 50);
        showProject();
    }

    private static Combo combo(Composite bar, String label, String id) {
        new Label(bar, SWT.NONE).setText(label);
        Combo combo = new Combo(bar, SWT.READ_ONLY);
        combo.setData(RepositoryPart.WIDGET_ID, id);
        return combo;
    }

    private void createTable(Composite parent) {
        table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(RepositoryPart.WIDGET_ID, TABLE_ID);
        String[] columns = {"Finding", "Positives / negatives", "AUROC (95% CI, DeLong)", "Images at point", "Sensitivity",
            "Specificity", "PPV", "NPV", "DOR (Woolf)"};
        int[] widths = {125, 115, 160, 80, 125, 125, 125, 125, 140};
        for (int i = 0; i < columns.length; i++) {
            TableColumn column = new TableColumn(table, i == 0 ? SWT.LEFT : SWT.RIGHT);
            column.setText(columns[i]);
            column.setWidth(widths[i]);
        }
        table.addListener(SWT.Selection, e -> showFinding(table.getSelectionIndex()));
    }

    @Inject
    void projectChanged(@Optional OpenProject opened) {
        project = opened;
        if (model != null && !model.isDisposed()) {
            showProject();
        }
    }

    private void showProject() {
        evaluation = null;
        roc.show(null, null);
        calibration.show(null, null);
        table.removeAll();
        cells.forEach(b -> b.setEnabled(false));
        saves.forEach(b -> b.setEnabled(false));
        report.setEnabled(false);
        model.removeAll();
        reference.removeAll();
        if (project == null) {
            status.setText("No project open.");
            run.setEnabled(false);
            return;
        }
        List<String> names = project.session().predictionModels();
        names.forEach(model::add);
        ProjectEvaluationData.references(project.session()).forEach(reference::add);
        model.select(0);
        reference.select(0);
        run.setEnabled(!names.isEmpty());
        status.setText(names.isEmpty() ? "This project has no model predictions: File › Import › Model Predictions…"
                : "Choose a model, a reference and an operating point, then Evaluate.");
        status.getParent().layout();
    }

    /** Runs the evaluation in a Job; the table fills when it is done. */
    public void evaluate() {
        if (project == null || model.getSelectionIndex() < 0) {
            return;
        }
        String chosenModel = model.getText();
        String chosenReference = reference.getText();
        String rule = POINTS[Math.max(0, point.getSelectionIndex())];
        String split = SPLITS[Math.max(0, chosenOn.getSelectionIndex())];
        OpenProject evaluated = project;
        run.setEnabled(false);
        status.setText("Evaluating " + chosenModel + " against " + chosenReference + "…");
        Job job = Job.create("Evaluate " + chosenModel, (IProgressMonitor monitor) -> {
            try {
                EvaluationData data = ProjectEvaluationData.load(evaluated.session(), chosenModel, chosenReference);
                Evaluator evaluator = evaluators.waitForService(10_000);
                if (evaluator == null) {
                    throw new IllegalStateException("the evaluation service is not running");
                }
                EvaluationOptions options = new EvaluationOptions(0.95, rule, split, Double.NaN,
                        ProjectEvaluationData.strataColumns(data), null);
                Evaluation done = evaluator.evaluate(data, options);
                sync.asyncExec(() -> show(evaluated, done));
            } catch (RuntimeException | InterruptedException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                sync.asyncExec(() -> failed(why));
            }
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    /** The evaluation on display, or null. */
    public Evaluation evaluation() {
        return evaluation;
    }

    private void failed(String why) {
        if (status.isDisposed()) {
            return;
        }
        run.setEnabled(true);
        status.setText("Cannot evaluate: " + why);
    }

    private void show(OpenProject evaluated, Evaluation done) {
        if (table.isDisposed() || evaluated != project) {
            return;
        }
        evaluation = done;
        run.setEnabled(true);
        report.setEnabled(true);
        saves.forEach(b -> b.setEnabled(true));
        strata.show(done);
        cohort.show(done.cohort());
        table.removeAll();
        for (FindingResult r : done.findings()) {
            PointMetrics m = r.metrics().get(0);
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {r.finding().replace('_', ' '),
                String.format(Locale.ROOT, "%,d / %,d", r.positives(), r.negatives()), Formats.estimate(r.auroc().get(0), 3),
                String.format(Locale.ROOT, "%,d", m.n()), Formats.estimate(m.sensitivity(), 2), Formats.estimate(m.specificity(), 2),
                Formats.estimate(m.ppv(), 2), Formats.estimate(m.npv(), 2), Formats.estimate(m.diagnosticOddsRatio(), 1)});
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s against %s: %,d images, %s.",
                done.models().get(0), done.data().labels().reference(), done.data().size(), done.split()));
        done.data().unmatched().forEach(note -> text.append(' ').append(note).append('.'));
        status.setText(text.toString());
        status.getParent().layout(true, true);
        table.select(0);
        showFinding(0);
    }

    private void showFinding(int index) {
        if (evaluation == null || index < 0 || index >= evaluation.findings().size()) {
            return;
        }
        FindingResult r = evaluation.findings().get(index);
        roc.show(evaluation, r.finding());
        calibration.show(evaluation, r.finding());
        strata.finding(r.finding());
        PointMetrics m = r.metrics().get(0);
        long[] counts = {m.truePositives(), m.falsePositives(), m.falseNegatives(), m.trueNegatives()};
        for (int c = 0; c < cells.size(); c++) {
            cells.get(c).setText(String.format(Locale.ROOT, "%s (%,d)", cellName(ErrorSample.Cell.values()[c]), counts[c]));
            cells.get(c).setEnabled(counts[c] > 0);
        }
        cells.get(0).getParent().layout();
    }

    /** Opens a seeded sample of one cell of the selected finding's 2x2 table in the reading editor. */
    public List<String> openCell(ErrorSample.Cell cell) {
        int index = table.getSelectionIndex();
        if (evaluation == null || index < 0) {
            return List.of();
        }
        FindingResult r = evaluation.findings().get(index);
        boolean[] held = new boolean[evaluation.tuning().length];
        for (int i = 0; i < held.length; i++) {
            held[i] = !evaluation.options().split().equals("patients") || !evaluation.tuning()[i];
        }
        ErrorSample sample = ErrorSample.of(evaluation.data().finding(0, index).subset(held), r.points().get(0), SAMPLE, SEED);
        List<String> ids = sample.cells().get(cell).ids();
        var images = project.session().imagesById(ids);
        ReadingEditors.review(parts, models, application, project, images, r.finding()); // "is this <finding>?"
        return ids;
    }

    /** Writes the selected finding's ROC and reliability diagram into {@code folder} as "png" or "svg". */
    public List<Path> saveFigures(Path folder, String format) {
        if (evaluation == null || !roc.showing()) {
            return List.of();
        }
        try {
            List<Path> written = List.of(roc.save(folder, format), calibration.save(folder, format));
            status.setText("Wrote " + written.get(0).getFileName() + " and " + written.get(1).getFileName() + " to " + folder + ".");
            return written;
        } catch (IOException | RuntimeException e) {
            status.setText("Cannot write the figures to " + folder + ": " + e.getMessage());
            return List.of();
        }
    }

    private void saveReport() {
        DirectoryDialog dialog = new DirectoryDialog(report.getShell());
        dialog.setText("Save the Evaluation Report");
        dialog.setMessage("index.html, the plots as PNG and SVG, and the tables as CSV are written into this folder.");
        String folder = dialog.open();
        if (folder == null || evaluation == null) {
            return;
        }
        try {
            List<Path> written = EvaluationReport.write(evaluation, Path.of(folder));
            status.setText("Wrote " + written.size() + " files to " + folder + " (open index.html).");
        } catch (IOException e) {
            status.setText("Cannot write the report to " + folder + ": " + e.getMessage());
        }
    }

    static String cellName(ErrorSample.Cell cell) {
        return switch (cell) {
            case TRUE_POSITIVE -> "True positives";
            case FALSE_POSITIVE -> "False positives";
            case FALSE_NEGATIVE -> "False negatives";
            case TRUE_NEGATIVE -> "True negatives";
        };
    }

    @Focus
    public void setFocus() {
        (table.getItemCount() > 0 ? table : model).setFocus();
    }

    @PreDestroy
    public void dispose() {
        evaluators.close();
    }
}
