package org.lightbox.ui.internal.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.Stratification;
import org.lightbox.ui.internal.parts.RepositoryPart;

/**
 * The selected finding split by a metadata column ({@link Evaluation#strata()}): per stratum its images, AUROC with the
 * DeLong interval, sensitivity and specificity at the operating point with Wilson intervals, and a last row with each
 * test of difference between the strata and its p.
 */
final class StrataPane {

    static final String SPLIT_ID = "evaluation.strata.split";
    static final String TABLE_ID = "evaluation.strata.table";
    /** The first cell of the last row. */
    static final String TEST_ROW = "Test of difference";
    private static final String NONE = "none";

    private final Combo split;
    private final Table table;
    private final Label note;
    private final List<String> columns = new ArrayList<>();
    private Evaluation evaluation;
    private String finding;

    StrataPane(Composite parent) {
        Composite pane = new Composite(parent, SWT.NONE);
        pane.setLayout(new GridLayout(3, false));
        new Label(pane, SWT.NONE).setText("Split by");
        split = new Combo(pane, SWT.READ_ONLY);
        split.setData(RepositoryPart.WIDGET_ID, SPLIT_ID);
        split.setItems(NONE);
        split.select(0);
        split.addListener(SWT.Selection, e -> fill());
        note = new Label(pane, SWT.WRAP);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(pane, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(RepositoryPart.WIDGET_ID, TABLE_ID);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        String[] names = {"Stratum", "Images (positives / negatives)", "AUROC (95% CI, DeLong)", "Sensitivity (95% CI)",
            "Specificity (95% CI)"};
        int[] widths = {125, 175, 165, 150, 150};
        for (int i = 0; i < names.length; i++) {
            TableColumn column = new TableColumn(table, i == 0 ? SWT.LEFT : SWT.RIGHT);
            column.setText(names[i]);
            column.setWidth(widths[i]);
        }
    }

    Composite control() {
        return split.getParent();
    }

    /** A new evaluation: the choices are the columns it was stratified by. */
    void show(Evaluation shown) {
        evaluation = shown;
        String chosen = split.getText();
        columns.clear();
        columns.addAll(shown.strata().stream().map(Stratification::column).distinct().toList());
        List<String> items = new ArrayList<>(List.of(NONE));
        for (String column : columns) {
            items.add(ProjectEvaluationData.displayName(column));
        }
        split.setItems(items.toArray(String[]::new));
        split.select(Math.max(0, items.indexOf(chosen)));
        note.setText(shown.options().split().equals("patients")
                ? "Strata of the images the operating point was not chosen on (odd patients)." : "Strata of all images.");
        fill();
    }

    void finding(String chosen) {
        finding = chosen;
        fill();
    }

    private void fill() {
        table.removeAll();
        int index = split.getSelectionIndex() - 1;
        if (evaluation == null || finding == null || index < 0) {
            return;
        }
        String column = columns.get(index);
        Stratification s = evaluation.strata().stream().filter(x -> x.column().equals(column) && x.finding().equals(finding))
                .findFirst().orElse(null);
        if (s == null) {
            return;
        }
        for (Stratification.Stratum stratum : s.strata()) {
            PointMetrics m = stratum.metrics();
            long positives = m.truePositives() + m.falseNegatives();
            new TableItem(table, SWT.NONE).setText(new String[] {stratum.level(),
                String.format(Locale.ROOT, "%,d (%,d / %,d)", stratum.images(), positives, stratum.images() - positives),
                Formats.estimate(stratum.auroc(), 3), Formats.estimate(m.sensitivity(), 2),
                Formats.estimate(m.specificity(), 2)});
        }
        new TableItem(table, SWT.NONE).setText(new String[] {TEST_ROW, String.format(Locale.ROOT, "%d strata", s.strata().size()),
            Formats.test(s.auroc()), Formats.test(s.sensitivity()), Formats.test(s.specificity())});
    }
}
