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
import org.lightbox.store.PanelLists;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.reading.Throughput;

/**
 * Reading speed per reader and session: images per minute and seconds per decision, each with its 95 % interval
 * and n. Only time stamps and durations are shown, never a reader's calls, so it does not break blinding.
 */
public final class ThroughputPart {

    public static final String PART_ID = "org.lightbox.ui.part.throughput";
    public static final String TABLE_ID = "throughput.table";
    public static final String LISTS_ID = "throughput.lists";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Table table;
    private Table lists;
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
        Label listsTitle = new Label(parent, SWT.NONE);
        listsTitle.setText("Reading lists: how far each reader is");
        listsTitle.setToolTipText("An image counts as read once the reader made a call on it");
        listsTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        lists = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        lists.setData(RepositoryPart.WIDGET_ID, LISTS_ID);
        lists.setHeaderVisible(true);
        GridData listsData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        listsData.heightHint = 120;
        lists.setLayoutData(listsData);
        for (String title : new String[] {"Reader", "List", "Read", "Of (n)", "Done", "Assigned", "Drawn as"}) {
            TableColumn column = new TableColumn(lists, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.equals("Drawn as") ? 260 : title.equals("List") || title.equals("Assigned") ? 140 : 80);
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
        lists.removeAll();
        if (project == null) {
            note.setText("No project open.");
            return;
        }
        var reads = project.session().allReads();
        for (PanelLists.Progress p : PanelLists.progress(project.session().readingLists(), reads)) {
            new TableItem(lists, SWT.NONE).setText(new String[] {p.list().readerId(), p.list().name(),
                Integer.toString(p.read()), Integer.toString(p.total()),
                p.total() == 0 ? "—" : String.format("%.0f %%", 100.0 * p.read() / p.total()),
                TIME.format(Instant.ofEpochMilli(p.list().created())), p.list().origin()});
        }
        var sessions = Throughput.of(reads);
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
