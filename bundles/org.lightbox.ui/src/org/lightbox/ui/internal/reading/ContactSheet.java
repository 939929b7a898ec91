package org.lightbox.ui.internal.reading;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Thumbnail;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.model.ImageRecord;

/**
 * Contact-sheet mode: pages of cols × rows thumbnails (4 × 5 up to 8 × 6), each windowed with its image's
 * default window (the file's own preset, or its full range) by the thumbnail cache. The focused image (under
 * the mouse, or moved with the arrow keys inside the page) has a yellow frame; marked images (ctrl-click,
 * space) a red one with a cross. Thumbnails of the page and the next one load in the background.
 */
final class ContactSheet {

    /** The sheet layouts offered, columns × rows. */
    static final int[][] LAYOUTS = {{4, 5}, {5, 4}, {6, 4}, {6, 5}, {8, 5}, {8, 6}};
    static final int THUMBNAIL_SIZE = 256;

    private final Canvas canvas;
    private final Runnable changed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lightbox-sheet-thumbnails");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<Thumbnail>> loading = new HashMap<>();
    /** SWT thumbnails already shrunk to the cell size {@link #cellSize}; cleared when it changes. */
    private final Map<String, Image> images = new HashMap<>();
    private org.eclipse.swt.graphics.Point cellSize = new org.eclipse.swt.graphics.Point(0, 0);
    private final ThumbnailCache cache;
    private final Function<ImageRecord, Path> fileOf;
    private final Supplier<List<ImageDecoder>> decoders;

    private List<ImageRecord> sheetImages = List.of();
    private int cols = 8;
    private int rows = 6;
    private int page;
    private int focus;
    private final BitSet marked = new BitSet();
    private Map<String, String> badges = Map.of();
    private long paintedAt;
    private int pendingOnPage;

    ContactSheet(Composite parent, Runnable changed, ThumbnailCache cache, Function<ImageRecord, Path> fileOf,
            Supplier<List<ImageDecoder>> decoders) {
        this.changed = changed;
        this.cache = cache;
        this.fileOf = fileOf;
        this.decoders = decoders;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addListener(SWT.MouseMove, e -> {
            int at = cellAt(e.x, e.y);
            if (at >= 0 && at != focus) {
                focus = at;
                canvas.redraw();
                changed.run();
            }
        });
        canvas.addListener(SWT.MouseDown, e -> {
            canvas.setFocus();
            int at = cellAt(e.x, e.y);
            if (at < 0 || e.button != 1) {
                return;
            }
            focus = at;
            if ((e.stateMask & SWT.MOD1) != 0) {
                marked.flip(at);
            }
            canvas.redraw();
            changed.run();
        });
    }

    Canvas control() {
        return canvas;
    }

    void show(List<ImageRecord> all, int startAt) {
        sheetImages = all;
        marked.clear();
        page = 0;
        focus = 0;
        goTo(startAt / pageSize());
        focus = Math.min(startAt, all.size() - 1);
    }

    void layout(int columns, int rowCount) {
        int first = page * pageSize();
        cols = columns;
        rows = rowCount;
        goTo(first / pageSize());
    }

    int pageSize() {
        return cols * rows;
    }

    int page() {
        return page;
    }

    int pages() {
        return Math.max(1, (sheetImages.size() + pageSize() - 1) / pageSize());
    }

    int focus() {
        return focus;
    }

    void focus(int index) {
        if (index >= first() && index < end()) {
            focus = index;
            canvas.redraw();
        }
    }

    int first() {
        return page * pageSize();
    }

    int end() {
        return Math.min(sheetImages.size(), first() + pageSize());
    }

    List<ImageRecord> pageImages() {
        return sheetImages.subList(first(), end());
    }

    BitSet marked() {
        return marked;
    }

    void toggleMark(int index) {
        marked.flip(index);
        canvas.redraw();
    }

    /** Small text drawn on each thumbnail (the reader's own calls), by image id. */
    void badges(Map<String, String> byImage) {
        badges = byImage;
        canvas.redraw();
    }

    /** Shows page {@code p} (clamped), loading its thumbnails and the next page's. */
    void goTo(int p) {
        page = Math.max(0, Math.min(pages() - 1, p));
        focus = Math.max(first(), Math.min(focus, end() - 1));
        if (focus < first() || focus >= end()) {
            focus = first();
        }
        request(first(), end());
        request(end(), Math.min(sheetImages.size(), end() + pageSize()));
        evict();
        canvas.redraw();
        changed.run();
    }

    /** Thumbnails of the current page still loading. */
    int pending() {
        return pendingOnPage;
    }

    long paintedAt() {
        return paintedAt;
    }

    private void request(int from, int to) {
        for (int i = from; i < to; i++) {
            ImageRecord image = sheetImages.get(i);
            loading.computeIfAbsent(image.getImageId(), id -> CompletableFuture.supplyAsync(() -> {
                Path file;
                try {
                    file = fileOf.apply(image);
                } catch (RuntimeException e) {
                    return new Thumbnail.NoPixels("not a valid file location: " + image.getLocation());
                }
                return cache.thumbnail(file, image.getContentHash(), decoders.get());
            }, worker).whenComplete((t, e) -> {
                if (!canvas.isDisposed()) {
                    canvas.getDisplay().asyncExec(() -> {
                        if (!canvas.isDisposed()) {
                            canvas.redraw();
                        }
                    });
                }
            }));
        }
    }

    private void evict() {
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (int i = Math.max(0, first() - pageSize()); i < Math.min(sheetImages.size(), end() + pageSize()); i++) {
            keep.add(sheetImages.get(i).getImageId());
        }
        loading.keySet().removeIf(id -> !keep.contains(id));
        images.entrySet().removeIf(entry -> {
            if (!keep.contains(entry.getKey())) {
                entry.getValue().dispose();
                return true;
            }
            return false;
        });
    }

    private Rectangle cell(int index) {
        Rectangle area = canvas.getClientArea();
        int k = index - first();
        int w = area.width / cols;
        int h = area.height / rows;
        return new Rectangle((k % cols) * w, (k / cols) * h, w, h);
    }

    private int cellAt(int x, int y) {
        Rectangle area = canvas.getClientArea();
        int c = x * cols / Math.max(1, area.width);
        int r = y * rows / Math.max(1, area.height);
        int index = first() + r * cols + c;
        return c < cols && r < rows && index < end() ? index : -1;
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        var display = canvas.getDisplay();
        gc.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        int waiting = 0;
        if (end() > first()) {
            Rectangle c0 = cell(first());
            if (c0.width != cellSize.x || c0.height != cellSize.y) {
                images.values().forEach(Image::dispose);
                images.clear();
                cellSize = new org.eclipse.swt.graphics.Point(c0.width, c0.height);
            }
        }
        for (int i = first(); i < end(); i++) {
            ImageRecord record = sheetImages.get(i);
            Rectangle c = cell(i);
            Rectangle inner = new Rectangle(c.x + 3, c.y + 3, c.width - 6, c.height - 6);
            CompletableFuture<Thumbnail> future = loading.get(record.getImageId());
            Thumbnail thumbnail = future != null && future.isDone() && !future.isCompletedExceptionally()
                    ? future.join() : null;
            if (thumbnail instanceof Thumbnail.Pixels pixels) {
                Image image = images.computeIfAbsent(record.getImageId(), id -> shrunk(pixels, inner));
                Rectangle b = image.getBounds();
                gc.drawImage(image, inner.x + (inner.width - b.width) / 2, inner.y + (inner.height - b.height) / 2);
            } else {
                if (thumbnail == null) {
                    waiting++;
                }
                gc.setForeground(display.getSystemColor(thumbnail == null ? SWT.COLOR_DARK_GRAY : SWT.COLOR_RED));
                gc.drawText(thumbnail == null ? "…" : problem(thumbnail), inner.x + 4, inner.y + inner.height / 2, true);
            }
            String badge = badges.get(record.getImageId());
            if (badge != null && !badge.isEmpty()) {
                gc.setForeground(display.getSystemColor(SWT.COLOR_GREEN));
                gc.drawText(badge, inner.x + 4, inner.y + 2, true);
            }
            if (marked.get(i)) {
                gc.setForeground(display.getSystemColor(SWT.COLOR_RED));
                gc.setLineWidth(4);
                gc.drawRectangle(inner);
                gc.drawLine(inner.x + inner.width - 24, inner.y + 4, inner.x + inner.width - 6, inner.y + 22);
                gc.drawLine(inner.x + inner.width - 6, inner.y + 4, inner.x + inner.width - 24, inner.y + 22);
            }
            if (i == focus) {
                gc.setForeground(display.getSystemColor(SWT.COLOR_YELLOW));
                gc.setLineWidth(2);
                gc.drawRectangle(c.x + 1, c.y + 1, c.width - 3, c.height - 3);
            }
            gc.setLineWidth(1);
        }
        pendingOnPage = waiting;
        paintedAt = System.nanoTime();
    }

    /** The thumbnail shrunk (box average) to fit a cell, aspect kept: painting is then a copy. */
    private Image shrunk(Thumbnail.Pixels pixels, Rectangle inner) {
        var data = DisplayedImage.data(pixels.image());
        double s = Math.min(1, Math.min((double) inner.width / data.width, (double) inner.height / data.height));
        int w = Math.max(1, (int) (data.width * s));
        int h = Math.max(1, (int) (data.height * s));
        return new Image(canvas.getDisplay(), s < 1 ? Resample.down(data, w, h, DisplayedImage.GREY) : data);
    }

    private static String problem(Thumbnail thumbnail) {
        return switch (thumbnail) {
            case Thumbnail.NoPixels none -> "no pixels";
            case Thumbnail.Undecodable bad -> "cannot decode";
            default -> "";
        };
    }

    void dispose() {
        worker.shutdownNow();
        try { // a thumbnail being written to the disk cache finishes before the part is gone
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        images.values().forEach(Image::dispose);
        images.clear();
    }
}
