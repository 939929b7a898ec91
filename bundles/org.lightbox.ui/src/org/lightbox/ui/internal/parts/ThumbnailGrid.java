package org.lightbox.ui.internal.parts;

import java.util.BitSet;
import java.util.function.IntFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.lightbox.model.ImageRecord;

/**
 * A virtual grid of thumbnails: a canvas with a vertical scroll bar that paints only the cells in view, so
 * 112,120 images cost no more than 40. Mouse and keyboard select like a table (click, Ctrl+click, Shift+click,
 * arrows, Page Up/Down, Home/End, Ctrl+A); double-click and Enter send {@link SWT#DefaultSelection}, a change
 * of selection {@link SWT#Selection}. Cells are asked for through {@link #setItemCount} and a provider.
 */
public final class ThumbnailGrid extends Canvas {

    static final int CELL_WIDTH = ThumbnailLoader.SIZE + 16;
    static final int CELL_HEIGHT = ThumbnailLoader.SIZE + 38;

    private final IntFunction<ImageRecord> items;
    private final ThumbnailLoader thumbnails;
    private final BitSet selected = new BitSet();
    private int count;
    private int focus = -1;
    private int anchor = -1;

    ThumbnailGrid(Composite parent, IntFunction<ImageRecord> items, ThumbnailLoader thumbnails) {
        super(parent, SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.BORDER);
        this.items = items;
        this.thumbnails = thumbnails;
        addListener(SWT.Paint, this::paint);
        addListener(SWT.Resize, e -> updateScrollBar());
        getVerticalBar().addListener(SWT.Selection, e -> redraw());
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseDoubleClick, e -> {
            if (indexAt(e.x, e.y) >= 0) {
                notifyListeners(SWT.DefaultSelection, new Event());
            }
        });
        addListener(SWT.KeyDown, this::keyDown);
        addListener(SWT.Traverse, e -> e.doit = e.detail != SWT.TRAVERSE_RETURN);
        addListener(SWT.MouseHover, e -> {
            int index = indexAt(e.x, e.y);
            ImageRecord image = index < 0 ? null : items.apply(index);
            setToolTipText(image == null ? null : tooltip(image));
        });
    }

    /** Sets the number of cells and clears the selection (a new result). */
    void setItemCount(int items) {
        count = items;
        selected.clear();
        focus = -1;
        anchor = -1;
        getVerticalBar().setSelection(0);
        updateScrollBar();
        redraw();
    }

    public int getItemCount() {
        return count;
    }

    /** The image of a cell, or null past the end. */
    public ImageRecord imageAt(int index) {
        return index >= 0 && index < count ? items.apply(index) : null;
    }

    /** Why a cell shows a marker instead of a thumbnail ("no pixels: …", "cannot decode: …"), or null. */
    public String problemAt(int index) {
        ImageRecord image = imageAt(index);
        return image == null ? null : thumbnails.problem(image);
    }

    /** Whether a cell shows its thumbnail or a marker, not the loading placeholder. */
    public boolean isSettled(int index) {
        ImageRecord image = imageAt(index);
        return image != null && !(thumbnails.entry(image) instanceof ThumbnailLoader.Loading);
    }

    public int[] getSelectionIndices() {
        return selected.stream().toArray();
    }

    public void setSelection(int[] indices) {
        selected.clear();
        for (int i : indices) {
            if (i >= 0 && i < count) {
                selected.set(i);
            }
        }
        focus = indices.length > 0 ? indices[0] : -1;
        anchor = focus;
        showIndex(focus);
        redraw();
    }

    /** The number of columns at the current width. */
    int columns() {
        return Math.max(1, getClientArea().width / CELL_WIDTH);
    }

    /** The indices of the first and last cell at least partly in view, or {-1, -1} when none. */
    public int[] visibleRange() {
        if (count == 0) {
            return new int[] {-1, -1};
        }
        int top = getVerticalBar().getSelection();
        int firstRow = top / CELL_HEIGHT;
        int lastRow = (top + getClientArea().height - 1) / CELL_HEIGHT;
        int first = firstRow * columns();
        int last = Math.min(count - 1, (lastRow + 1) * columns() - 1);
        return first >= count ? new int[] {-1, -1} : new int[] {first, last};
    }

    /** Where a cell is drawn, in control coordinates. */
    public Rectangle cellBounds(int index) {
        int columns = columns();
        int x = (index % columns) * CELL_WIDTH;
        int y = (index / columns) * CELL_HEIGHT - getVerticalBar().getSelection();
        return new Rectangle(x, y, CELL_WIDTH, CELL_HEIGHT);
    }

    /** Repaints the cell of an image if it is in view (its thumbnail arrived). */
    void refresh(String imageId) {
        int[] range = visibleRange();
        for (int i = range[0]; i >= 0 && i <= range[1]; i++) {
            ImageRecord image = items.apply(i);
            if (image != null && image.getImageId().equals(imageId)) {
                Rectangle cell = cellBounds(i);
                redraw(cell.x, cell.y, cell.width, cell.height, false);
            }
        }
    }

    private void updateScrollBar() {
        ScrollBar bar = getVerticalBar();
        int rows = (count + columns() - 1) / columns();
        int total = rows * CELL_HEIGHT;
        int page = Math.max(1, getClientArea().height);
        bar.setValues(Math.min(bar.getSelection(), Math.max(0, total - page)), 0, Math.max(total, 1), Math.min(page,
                Math.max(total, 1)), CELL_HEIGHT / 2, page);
        bar.setEnabled(total > page);
        redraw();
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(e.x, e.y, e.width, e.height);
        int[] range = visibleRange();
        for (int i = range[0]; i >= 0 && i <= range[1]; i++) {
            Rectangle cell = cellBounds(i);
            if (cell.intersects(e.x, e.y, e.width, e.height) && cell.y < area.height) {
                paintCell(gc, i, cell);
            }
        }
    }

    private void paintCell(GC gc, int index, Rectangle cell) {
        ImageRecord image = items.apply(index);
        boolean isSelected = selected.get(index);
        if (isSelected) {
            gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
            gc.fillRectangle(cell.x + 2, cell.y + 2, cell.width - 4, cell.height - 4);
        }
        if (image == null) {
            return;
        }
        Image thumb = thumbnails.image(image, ThumbnailLoader.SIZE);
        Rectangle size = thumb.getBounds();
        int x = cell.x + (cell.width - size.width) / 2;
        int y = cell.y + 6 + (ThumbnailLoader.SIZE - size.height) / 2;
        gc.drawImage(thumb, x, y);
        gc.setForeground(getDisplay().getSystemColor(isSelected ? SWT.COLOR_LIST_SELECTION_TEXT : SWT.COLOR_LIST_FOREGROUND));
        String caption = shorten(gc, image.getImageId(), cell.width - 8);
        gc.drawText(caption, cell.x + (cell.width - gc.textExtent(caption).x) / 2, cell.y + ThumbnailLoader.SIZE + 10, true);
        if (index == focus && isFocusControl()) {
            gc.drawFocus(cell.x + 1, cell.y + 1, cell.width - 2, cell.height - 2);
        }
    }

    private static String shorten(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && gc.textExtent(cut + "…").x > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private String tooltip(ImageRecord image) {
        String problem = thumbnails.problem(image);
        return problem == null ? image.getImageId() : image.getImageId() + "\n" + problem;
    }

    int indexAt(int x, int y) {
        int column = x / CELL_WIDTH;
        if (column >= columns()) {
            return -1;
        }
        int row = (y + getVerticalBar().getSelection()) / CELL_HEIGHT;
        int index = row * columns() + column;
        return index < count ? index : -1;
    }

    private void mouseDown(Event e) {
        setFocus();
        int index = indexAt(e.x, e.y);
        if (index < 0 || e.button != 1) {
            return;
        }
        select(index, (e.stateMask & SWT.MOD1) != 0, (e.stateMask & SWT.MOD2) != 0);
    }

    private void keyDown(Event e) {
        int columns = columns();
        int rowsInView = Math.max(1, getClientArea().height / CELL_HEIGHT);
        int target = switch (e.keyCode) {
            case SWT.ARROW_LEFT -> focus - 1;
            case SWT.ARROW_RIGHT -> focus + 1;
            case SWT.ARROW_UP -> focus - columns;
            case SWT.ARROW_DOWN -> focus + columns;
            case SWT.PAGE_UP -> focus - columns * rowsInView;
            case SWT.PAGE_DOWN -> focus + columns * rowsInView;
            case SWT.HOME -> 0;
            case SWT.END -> count - 1;
            default -> Integer.MIN_VALUE;
        };
        if (e.character == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
            if (!selected.isEmpty()) {
                notifyListeners(SWT.DefaultSelection, new Event());
            }
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'a' || e.keyCode == 'A')) {
            selected.set(0, count);
            redraw();
            notifyListeners(SWT.Selection, new Event());
        } else if (target != Integer.MIN_VALUE && count > 0) {
            select(Math.max(0, Math.min(count - 1, focus < 0 ? 0 : target)), false, (e.stateMask & SWT.MOD2) != 0);
        }
    }

    private void select(int index, boolean toggle, boolean extend) {
        if (extend && anchor >= 0) {
            selected.clear();
            selected.set(Math.min(anchor, index), Math.max(anchor, index) + 1);
        } else if (toggle) {
            selected.flip(index);
            anchor = index;
        } else {
            selected.clear();
            selected.set(index);
            anchor = index;
        }
        focus = index;
        showIndex(index);
        redraw();
        notifyListeners(SWT.Selection, new Event());
    }

    /** Scrolls so that a cell is in view. */
    void showIndex(int index) {
        if (index < 0) {
            return;
        }
        ScrollBar bar = getVerticalBar();
        int top = (index / columns()) * CELL_HEIGHT;
        int height = getClientArea().height;
        if (top < bar.getSelection()) {
            bar.setSelection(top);
        } else if (top + CELL_HEIGHT > bar.getSelection() + height) {
            bar.setSelection(Math.max(0, top + CELL_HEIGHT - height));
        }
    }
}
