package org.lightbox.ui.internal.parts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.reading.Throughput;

/**
 * Reading speed per reader and session: images per minute and seconds per decision, each with its 95 % interval
 * and n. Only time stamps and durations are shown, never a reader's calls, so it does not break blinding.
 */
public final class ThroughputPart {

    public static final String PART_ID = "org.lightbox.ui.part.throughput";
    public static final String TABLE_ID = "throughput.table";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Table table;
    private Label note;
    private OpenProject project;

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        note = new Label(parent, SWT.WRAP);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> refresh());
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setData(RepositoryPart.WIDGET_ID, TABLE_ID);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String title : new String[] {"Reader", "Session start", "Minutes", "Images (n)", "Images/min (95 % CI)",
            "Decisions (n)", "s/decision (95 % CI)"}) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.contains("CI") ? 170 : 100);
        }
        refresh();
    }

    @Inject
    void projectChanged(@Optional OpenProject opened) {
        project = opened;
        if (table != null && !table.isDisposed()) {
            refresh();
        }
    }

    public void refresh() {
        table.removeAll();
        if (project == null) {
            note.setText("No project open.");
            return;
        }
        var sessions = Throughput.of(project.session().allReads());
        note.setText(sessions.size() + " sessions (a pause of more than 10 minutes starts a new one)");
        for (Throughput.Session s : sessions) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {s.readerId(), TIME.format(Instant.ofEpochMilli(s.start())),
                String.format("%.1f", (s.end() - s.start()) / 60_000.0), Integer.toString(s.images()),
                String.format("%.1f (%.1f–%.1f)", s.imagesPerMinute(), s.imagesPerMinuteLow(), s.imagesPerMinuteHigh()),
                Integer.toString(s.decisions()), Double.isNaN(s.secondsPerDecisionLow())
                        ? String.format("%.2f", s.secondsPerDecision())
                        : String.format("%.2f (%.2f–%.2f)", s.secondsPerDecision(), s.secondsPerDecisionLow(),
                                s.secondsPerDecisionHigh())});
        }
        note.getParent().layout();
    }

    @Focus
    public void setFocus() {
        table.setFocus();
    }
}
