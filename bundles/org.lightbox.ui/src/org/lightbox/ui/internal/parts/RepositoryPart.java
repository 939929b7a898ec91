package org.lightbox.ui.internal.parts;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.ImageQuery.Sort;
import org.lightbox.store.StoreException;
import org.lightbox.ui.ImageSelection;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.imports.Imports;

/**
 * The images of the open project: a filter bar that queries the store, and either a virtual table with sortable
 * columns or a virtual thumbnail grid (switchable), both multi-selecting, both loading rows a page at a time and
 * thumbnails in the background. The selection goes to the e4 selection service as an {@link ImageSelection};
 * Enter and double-click run the Open Image command, which shows it in the preview.
 */
public final class RepositoryPart {

    /** {@code Widget.getData(WIDGET_ID)} names this part's widgets, for UI tests and accessibility tools. */
    public static final String PART_ID = "org.lightbox.ui.part.repository";
    public static final String WIDGET_ID = "org.lightbox.widget.id";
    public static final String TABLE_ID = "repository.images";
    public static final String GRID_ID = "repository.grid";
    public static final String SUMMARY_ID = "repository.summary";
    public static final String TABLE_BUTTON_ID = "repository.showTable";
    public static final String GRID_BUTTON_ID = "repository.showGrid";
    public static final String OPEN_COMMAND = "org.lightbox.ui.command.openImage";
    /** {@code TableItem.getData(PROBLEM_KEY)}: why the row shows a marker instead of a thumbnail, or null. */
    public static final String PROBLEM_KEY = "lightbox.thumbnail.problem";
    static final int TABLE_THUMBNAIL = ThumbnailLoader.SIZE / 2;
    private static final String[] COLUMNS = {"Image", "Patient", "Follow-up", "Age", "Sex", "View", "Source labels"};
    private static final Sort[] SORTS = {Sort.IMAGE_ID, Sort.PATIENT, Sort.FOLLOW_UP, Sort.AGE, null, null,
        Sort.SOURCE_LABELS};
    private static final int[] WIDTHS = {230, 110, 75, 50, 45, 50, 330};

    @Inject
    private UISynchronize sync;
    @Inject
    private ESelectionService selectionService;
    @Inject
    private EHandlerService handlers;
    @Inject
    private ECommandService commands;
    @Inject
    private EPartService parts;
    @Inject
    private MPart part;
    @Inject
    private IEventBroker events;
    private final org.osgi.service.event.EventHandler importedHandler = this::imported;

    private FilterBar filters;
    private Label summary;
    private Composite views;
    private Table table;
    private ThumbnailGrid grid;
    private Button showTable;
    private Button showGrid;
    private ThumbnailLoader thumbnails;
    private ImageDecoders decoders;
    private OpenProject project;
    private long total;
    private final ImageResults results = new ImageResults();
    private final Map<String, Integer> tableRows = new HashMap<>();

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        filters = new FilterBar(parent, this::filter);
        filters.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(3, false));
        summary = new Label(bar, SWT.NONE);
        summary.setData(WIDGET_ID, SUMMARY_ID);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        showTable = toggle(bar, "Table", TABLE_BUTTON_ID);
        showGrid = toggle(bar, "Grid", GRID_BUTTON_ID);
        views = new Composite(parent, SWT.NONE);
        views.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        views.setLayout(new StackLayout());
        decoders = new ImageDecoders();
        thumbnails = new ThumbnailLoader(parent.getDisplay(), sync, this::thumbnailReady, this::thumbnailForgotten);
        createTable();
        grid = new ThumbnailGrid(views, results::get, thumbnails);
        grid.setData(WIDGET_ID, GRID_ID);
        grid.addListener(SWT.Selection, e -> publishSelection(grid.getSelectionIndices()));
        grid.addListener(SWT.DefaultSelection, e -> open());
        showTable.addListener(SWT.Selection, e -> showView(table));
        showGrid.addListener(SWT.Selection, e -> showView(grid));
        showView(table);
        show(project);
        events.subscribe(Imports.TOPIC_IMPORTED, importedHandler);
    }

    private void createTable() {
        table = new Table(views, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setData(WIDGET_ID, TABLE_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn column = new TableColumn(table, i == 2 || i == 3 ? SWT.RIGHT : SWT.LEFT);
            column.setText(COLUMNS[i]);
            column.setWidth(WIDTHS[i]);
            Sort sort = SORTS[i];
            if (sort != null) {
                column.setToolTipText("Click to sort by " + COLUMNS[i].toLowerCase() + "; again to reverse");
                column.addListener(SWT.Selection, e -> sortBy(column, sort));
            }
        }
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
        table.addListener(SWT.Selection, e -> publishSelection(table.getSelectionIndices()));
        table.addListener(SWT.DefaultSelection, e -> open());
        table.addListener(SWT.MouseHover, e -> {
            TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            table.setToolTipText(item != null && item.getData() instanceof ImageRecord image
                    ? thumbnails.problem(image) : null);
        });
    }

    private static Button toggle(Composite parent, String text, String id) {
        Button button = new Button(parent, SWT.TOGGLE);
        button.setText(text);
        button.setData(WIDGET_ID, id);
        return button;
    }

    /** Shows the table or the grid, keeping the selection. */
    void showView(Control view) {
        int[] selection = currentView() == grid ? grid.getSelectionIndices() : table.getSelectionIndices();
        ((StackLayout) views.getLayout()).topControl = view;
        showTable.setSelection(view == table);
        showGrid.setSelection(view == grid);
        if (view == grid) {
            grid.setSelection(selection);
        } else {
            table.setSelection(selection);
            if (selection.length > 0) {
                table.showSelection();
            }
        }
        views.layout();
    }

    Control currentView() {
        return ((StackLayout) views.getLayout()).topControl;
    }

    @Inject
    void projectChanged(@Optional OpenProject opened) {
        project = opened;
        if (table != null && !table.isDisposed()) {
            show(opened);
        }
    }

    /**
     * An import into the project on show ended: list what came in (readers and findings too). Subscribed by
     * hand, not with {@code @UIEventTopic}, whose supplier is shared by every workbench of the framework.
     */
    private void imported(org.osgi.service.event.Event event) {
        if (event.getProperty(IEventBroker.DATA) instanceof OpenProject changed && changed == project
                && table != null && !table.isDisposed()) {
            show(project);
        }
    }

    private void show(OpenProject opened) {
        thumbnails.reset(opened == null ? null : new ThumbnailCache(ThumbnailCache.defaultDirectory(), ThumbnailLoader.SIZE),
                image -> ImageSelection.file(opened, image), decoders::all);
        filters.setProject(opened == null ? null : opened.session().project());
        table.setSortColumn(null);
        table.setSortDirection(SWT.NONE);
        total = opened == null ? 0 : opened.session().imageCount();
        query(ImageQuery.ALL);
    }

    /** The filter and order the view shows now. */
    public ImageQuery query() {
        return results.query();
    }

    /** How many images match {@link #query()}. */
    public int matchCount() {
        return results.count();
    }

    /** The filter bar changed: same order, new conditions. */
    private void filter(ImageQuery conditions) {
        ImageQuery current = results.query();
        query(conditions.sortedBy(current.sort(), current.descending()));
    }

    private void sortBy(TableColumn column, Sort sort) {
        ImageQuery current = results.query();
        boolean descending = current.sort() == sort && !current.descending();
        table.setSortColumn(column);
        table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
        query(current.sortedBy(sort, descending));
    }

    /** Runs a query and shows its first rows. Store time for count and a page is milliseconds, so it runs here. */
    void query(ImageQuery query) {
        tableRows.clear();
        try {
            results.show(project == null ? null : project.session(), query);
        } catch (StoreException e) {
            results.show(null, ImageQuery.ALL);
            summary.setText("Cannot list the images: " + e.getMessage());
            summary.setForeground(summary.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            table.setItemCount(0);
            grid.setItemCount(0);
            return;
        }
        summary.setForeground(null);
        summary.setText(summaryText());
        table.clearAll();
        table.setItemCount(results.count());
        grid.setItemCount(results.count());
        publishSelection(new int[0]);
        summary.getParent().layout();
    }

    private String summaryText() {
        if (project == null) {
            return "No project open. Use File › Open Project…, New Project… or Open Demo Project.";
        }
        var p = project.session().project();
        int findings = p.getLabelSchema() == null ? 0 : p.getLabelSchema().getFindings().size();
        String shown = results.query().isUnfiltered() ? String.format("%,d images", total)
                : String.format("%,d of %,d images match %s", results.count(), total, results.query().describe());
        return String.format("%s — %s · %d readers · %d findings · %s", p.getName(), shown, p.getReaders().size(),
                findings, project.file());
    }

    private void fill(TableItem item, int index) {
        ImageRecord image = results.get(index);
        if (image == null) {
            return;
        }
        item.setText(new String[] {image.getImageId(), nullToEmpty(image.getPatientKey()),
            image.getFollowUp() == null ? "" : image.getFollowUp().toString(),
            image.getPatientAge() == null ? "" : image.getPatientAge().toString(), sex(image.getPatientSex()),
            view(image.getViewPosition()), labels(image)});
        item.setData(image);
        item.setImage(0, thumbnails.image(image, TABLE_THUMBNAIL));
        item.setData(PROBLEM_KEY, thumbnails.problem(image));
        tableRows.put(image.getImageId(), index);
    }

    private void thumbnailReady(String imageId) {
        if (table.isDisposed()) {
            return;
        }
        Integer row = tableRows.get(imageId);
        if (row != null && row < table.getItemCount() && table.getItem(row).getData() instanceof ImageRecord image
                && image.getImageId().equals(imageId)) {
            table.getItem(row).setImage(0, thumbnails.image(image, TABLE_THUMBNAIL));
            table.getItem(row).setData(PROBLEM_KEY, thumbnails.problem(image));
        }
        grid.refresh(imageId);
    }

    /** The loader disposed an image's SWT thumbnails: a table row still showing them is filled again when seen. */
    private void thumbnailForgotten(String imageId) {
        Integer row = tableRows.remove(imageId);
        if (row != null && !table.isDisposed() && row < table.getItemCount()) {
            table.clear(row);
        }
    }

    private void publishSelection(int[] indices) {
        if (project == null) {
            selectionService.setSelection(null);
            return;
        }
        selectionService.setSelection(new ImageSelection(project, results.get(indices, ImageSelection.LIMIT),
                indices.length));
    }

    /** Runs the Open Image command on the current selection (Enter, double-click). */
    void open() {
        parts.activate(part);
        ParameterizedCommand command = commands.createCommand(OPEN_COMMAND, null);
        if (command != null && handlers.canExecute(command)) {
            handlers.executeHandler(command);
        }
    }

    private static String labels(ImageRecord image) {
        String text = image.getSourceLabels().stream().filter(l -> l.getValue() == ReadValue.PRESENT)
                .map(SourceLabel::getFinding).map(f -> f.getCode().replace('_', ' ')).collect(Collectors.joining(" | "));
        return text.isEmpty() ? "No Finding" : text;
    }

    private static String sex(Sex sex) {
        return sex == null || sex == Sex.UNKNOWN ? "" : sex == Sex.MALE ? "M" : sex == Sex.FEMALE ? "F" : "other";
    }

    private static String view(ViewPosition view) {
        return view == null || view == ViewPosition.UNKNOWN ? "" : view.getLiteral();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Focus
    public void setFocus() {
        currentView().setFocus();
    }

    @PreDestroy
    public void dispose() {
        events.unsubscribe(importedHandler);
        thumbnails.dispose();
        decoders.close();
    }
}
