package org.lightbox.ui.internal.evaluation;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.evaluation.CohortTable;
import org.lightbox.ui.internal.parts.RepositoryPart;

/**
 * "Check your cohorts" ({@link org.lightbox.evaluation.Evaluation#cohort()}): per group of images (the images the
 * operating point was chosen on and the others) the images, patients, age, sex, view position and each finding's
 * prevalence with its n, and the standardised difference between the groups, flagged above 0.1.
 */
final class CohortPane {

    static final String TABLE_ID = "evaluation.cohort.table";
    static final String FLAG = "⚑ > 0.1";

    private final Table table;

    CohortPane(Composite parent) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(RepositoryPart.WIDGET_ID, TABLE_ID);
    }

    Table control() {
        return table;
    }

    void show(CohortTable cohort) {
        table.setRedraw(false);
        table.removeAll();
        for (TableColumn column : table.getColumns()) {
            column.dispose();
        }
        column("Variable", SWT.LEFT, 210);
        for (String group : cohort.groups()) {
            column(group + " (95% CI)", SWT.RIGHT, 260);
        }
        column("Standardised difference", SWT.RIGHT, 200);
        column("", SWT.LEFT, 80);
        for (CohortTable.Row row : cohort.rows()) {
            String[] cells = new String[cohort.groups().size() + 3];
            cells[0] = row.variable();
            for (int g = 0; g < cohort.groups().size(); g++) {
                cells[g + 1] = value(row, g);
            }
            double d = row.standardisedDifference();
            cells[cells.length - 2] = Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.3f", d);
            cells[cells.length - 1] = row.flagged() ? FLAG : "";
            new TableItem(table, SWT.NONE).setText(cells);
        }
        table.setRedraw(true);
    }

    private void column(String name, int style, int width) {
        TableColumn column = new TableColumn(table, style);
        column.setText(name);
        column.setWidth(width);
    }

    /** A count, "mean (SD 16.6; 95% CI …), n = …", or "percentage (95% CI …), n = …" (Wilson). */
    static String value(CohortTable.Row row, int g) {
        double v = row.values()[g];
        double[] ci = row.interval(g, 0.95);
        if (ci == null) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        if (!Double.isNaN(row.spread()[g])) {
            return String.format(Locale.ROOT, "%.1f (SD %.1f; %.1f–%.1f), n = %,d", v, row.spread()[g], ci[0], ci[1], row.n()[g]);
        }
        return String.format(Locale.ROOT, "%.1f%% (%.1f–%.1f), n = %,d", 100 * v, 100 * ci[0], 100 * ci[1], row.n()[g]);
    }
}
