package org.lightbox.ui.internal.parts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;
import org.lightbox.ui.OpenProject;

/**
 * The images of the open project: a virtual table (thumbnail, image, patient, age, sex, view, source labels)
 * that loads rows a page at a time from the store and thumbnails in the background.
 */
public final class RepositoryPart {

    /** {@code Widget.getData(WIDGET_ID)} of the image table, for UI tests and accessibility tools. */
    public static final String WIDGET_ID = "org.lightbox.widget.id";
    public static final String TABLE_ID = "repository.images";
    public static final String SUMMARY_ID = "repository.summary";
    static final int THUMBNAIL_SIZE = 64;
    private static final int PAGE = 256;
    private static final String[] COLUMNS = {"Image", "Patient", "Age", "Sex", "View", "Source labels"};
    private static final int[] WIDTHS = {230, 110, 50, 60, 55, 360};

    @Inject
    private UISynchronize sync;

    private Label summary;
    private Table table;
    private ThumbnailLoader thumbnails;
    private OpenProject project;
    private final Map<Long, List<ImageRecord>> pages = new HashMap<>();

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.NONE);
        summary.setData(WIDGET_ID, SUMMARY_ID);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setData(WIDGET_ID, TABLE_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn column = new TableColumn(table, i == 2 ? SWT.RIGHT : SWT.LEFT);
            column.setText(COLUMNS[i]);
            column.setWidth(WIDTHS[i]);
        }
        thumbnails = new ThumbnailLoader(table.getDisplay(), sync, THUMBNAIL_SIZE, this::thumbnailReady);
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
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
        pages.clear();
        thumbnails.clear();
        table.clearAll();
        if (opened == null) {
            summary.setText("No project open. Use File › Open Project…, New Project… or Open Demo Project.");
            table.setItemCount(0);
            return;
        }
        long count = opened.session().imageCount();
        var p = opened.session().project();
        int findings = p.getLabelSchema() == null ? 0 : p.getLabelSchema().getFindings().size();
        summary.setText(String.format("%s — %,d images · %d readers · %d findings · %s", p.getName(), count,
                p.getReaders().size(), findings, opened.file()));
        table.setItemCount((int) Math.min(Integer.MAX_VALUE, count));
        summary.getParent().layout();
    }

    private void fill(TableItem item, int index) {
        ImageRecord image = row(index);
        if (image == null) {
            return;
        }
        item.setText(new String[] {image.getImageId(), nullToEmpty(image.getPatientKey()),
                image.getPatientAge() == null ? "" : image.getPatientAge().toString(), sex(image.getPatientSex()),
                view(image.getViewPosition()), labels(image)});
        item.setData(image);
        item.setImage(0, thumbnails.imageOrPlaceholder(image));
    }

    private ImageRecord row(int index) {
        if (project == null) {
            return null;
        }
        long page = index / PAGE;
        List<ImageRecord> rows = pages.computeIfAbsent(page, k -> project.session().images(k * PAGE, PAGE));
        int offset = index % PAGE;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    private void thumbnailReady(ImageRecord image, Image thumbnail) {
        if (table.isDisposed()) {
            return;
        }
        for (TableItem item : table.getItems()) {
            if (item.getData() == image) {
                item.setImage(0, thumbnail);
            }
        }
    }

    private static String labels(ImageRecord image) {
        String text = image.getSourceLabels().stream()
                .filter(l -> l.getValue() == org.lightbox.model.ReadValue.PRESENT)
                .map(SourceLabel::getFinding).map(f -> f.getCode().replace('_', ' '))
                .collect(Collectors.joining(" | "));
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
        table.setFocus();
    }

    @PreDestroy
    public void dispose() {
        thumbnails.dispose();
    }
}
