package org.lightbox.ui.internal.reading;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.lightbox.imaging.Window;
import org.lightbox.ui.internal.parts.WindowPresets;

/**
 * The single-image view: the windowed image with zoom (wheel, fit, 1:1), pan (right or middle drag), window
 * and level by a left drag (right/left: width, up/down: centre; one pixel = 1/500 of the width, as most
 * viewers do), invert, and display-only flips and quarter turns. Nothing here changes the stored image.
 */
final class ImageCanvas {

    private final Canvas canvas;
    private final Runnable changed;

    private DisplayedImage image;
    private int presetIndex;
    private Window window;
    private Image shown;
    private ImageData data;
    /** The shown image shrunk for the current scale (painting copies it 1:1), and that scale. */
    private Image shrunk;
    private double shrunkScale;
    /** The first preset already shrunk to fit the view by the prefetch thread, or null. */
    private ImageData fitted;
    private boolean inverted;
    private boolean flipH;
    private boolean flipV;
    private int quarterTurns;
    private boolean fit = true;
    private double zoom = 1;
    private double panX;
    private double panY;
    private String message = "";
    private Point dragFrom;
    private Window dragWindow;
    private double[] panFrom;
    /** When the last image was put on screen by a paint (System.nanoTime), for the benchmark. */
    private long paintedAt;

    private final java.util.function.BiConsumer<Integer, Integer> resized;

    ImageCanvas(Composite parent, Runnable changed, java.util.function.BiConsumer<Integer, Integer> resized) {
        this.changed = changed;
        this.resized = resized;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> {
            Rectangle area = canvas.getClientArea();
            resized.accept(area.width, area.height);
            canvas.redraw();
        });
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, e -> {
            dragFrom = null;
            panFrom = null;
        });
        canvas.addListener(SWT.MouseDoubleClick, e -> preset(presetIndex));
        canvas.addListener(SWT.MouseVerticalWheel, e -> zoomBy(e.count > 0 ? 1.25 : 0.8));
    }

    Canvas control() {
        return canvas;
    }

    /** Shows a decoded image at its first preset, fitted, not inverted, not turned. */
    void show(DisplayedImage next) {
        image = next;
        inverted = false;
        flipH = false;
        flipV = false;
        quarterTurns = 0;
        fit = true;
        panX = 0;
        panY = 0;
        presetIndex = 0;
        if (next.grey() == null) {
            message = next.problem();
            window = null;
            replace(null);
        } else {
            message = "";
            window = next.presets().getFirst().window();
            replace(next.first());
            fitted = next.fitted();
        }
    }

    void showMessage(String text) {
        image = null;
        message = text;
        replace(null);
    }

    DisplayedImage image() {
        return image;
    }

    void preset(int index) {
        if (image == null || image.grey() == null || image.presets().isEmpty()) {
            return;
        }
        presetIndex = Math.floorMod(index, image.presets().size());
        WindowPresets.Preset preset = image.presets().get(presetIndex);
        window = preset.window();
        replace(DisplayedImage.data(preset.apply(image.grey())));
    }

    void nextPreset() {
        preset(presetIndex + 1);
    }

    int presetIndex() {
        return presetIndex;
    }

    void invert() {
        inverted = !inverted;
        replace(data);
    }

    void flipHorizontal() {
        flipH = !flipH;
        repaint();
    }

    void flipVertical() {
        flipV = !flipV;
        repaint();
    }

    void rotate() {
        quarterTurns = (quarterTurns + 1) % 4;
        repaint();
    }

    void fit() {
        fit = true;
        panX = 0;
        panY = 0;
        repaint();
    }

    void oneToOne() {
        fit = false;
        zoom = 1;
        repaint();
    }

    void zoomBy(double factor) {
        if (data == null) {
            return;
        }
        zoom = Math.max(0.05, Math.min(16, scale() * factor));
        fit = false;
        repaint();
    }

    /** The state for the status line: window, zoom, orientation. */
    String describe() {
        if (data == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        text.append(data.width).append(" × ").append(data.height).append(" · ");
        text.append(window != null ? "window " + WindowPresets.centreWidth(window)
                : image.presets().get(presetIndex).label());
        text.append(String.format(" · zoom %.0f %%", scale() * 100)).append(fit ? " (fit)" : "");
        if (inverted) {
            text.append(" · inverted");
        }
        if (flipH || flipV || quarterTurns != 0) {
            text.append(" · shown").append(flipH ? " flipped ↔" : "").append(flipV ? " flipped ↕" : "")
                    .append(quarterTurns != 0 ? " turned " + quarterTurns * 90 + "°" : "");
        }
        return text.toString();
    }

    Window window() {
        return window;
    }

    boolean inverted() {
        return inverted;
    }

    double scale() {
        if (data == null) {
            return 1;
        }
        if (!fit) {
            return zoom;
        }
        Rectangle area = canvas.getClientArea();
        boolean sideways = quarterTurns % 2 == 1;
        double w = sideways ? data.height : data.width;
        double h = sideways ? data.width : data.height;
        return Math.min(area.width / w, area.height / h);
    }

    long paintedAt() {
        return paintedAt;
    }

    private void replace(ImageData next) {
        fitted = null;
        disposeShrunk();
        if (shown != null) {
            shown.dispose();
            shown = null;
        }
        data = next; // the full-size SWT image is made when first painted at 1:1 or more
        repaint();
    }

    private void repaint() {
        canvas.redraw();
        changed.run();
    }

    private void mouseDown(Event e) {
        canvas.setFocus();
        if (e.button == 1 && image != null && image.grey() != null) {
            dragFrom = new Point(e.x, e.y);
            dragWindow = window != null ? window : image.grey().defaultWindow();
        } else if (e.button == 2 || e.button == 3) {
            panFrom = new double[] {e.x - panX, e.y - panY};
        }
    }

    private void mouseMove(Event e) {
        if (panFrom != null) {
            if (fit) {
                zoom = scale();
                fit = false;
            }
            panX = e.x - panFrom[0];
            panY = e.y - panFrom[1];
            repaint();
        } else if (dragFrom != null && dragWindow != null) {
            double unit = Math.max(dragWindow.width() / 500, 1e-3);
            double width = Math.max(1, dragWindow.width() + (e.x - dragFrom.x) * unit);
            double centre = dragWindow.centre() + (e.y - dragFrom.y) * unit;
            window = new Window(centre, width, "");
            replace(image.windowed(window));
        }
    }

    /** Where the image's centre is drawn, and how: translate, turn, flip, scale (a display transform only). */
    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        if (data == null) {
            gc.setForeground(canvas.getDisplay().getSystemColor(message.startsWith("Cannot")
                    ? SWT.COLOR_RED : SWT.COLOR_GRAY));
            Point extent = gc.textExtent(message);
            gc.drawText(message, Math.max(4, (area.width - extent.x) / 2), (area.height - extent.y) / 2, true);
            return;
        }
        double s = scale();
        Transform t = new Transform(canvas.getDisplay());
        try {
            t.translate((float) (area.width / 2.0 + panX), (float) (area.height / 2.0 + panY));
            t.rotate(90f * quarterTurns);
            t.scale(flipH ? -1 : 1, flipV ? -1 : 1);
            gc.setTransform(t);
            gc.setInterpolation(SWT.NONE); // shrunk in Java beforehand; 1:1 and above: the pixels themselves
            int w = Math.max(1, (int) Math.round(data.width * s));
            int h = Math.max(1, (int) Math.round(data.height * s));
            if (s < 1) {
                if (shrunk == null || shrunkScale != s) {
                    disposeShrunk();
                    var palette = inverted ? DisplayedImage.INVERTED : DisplayedImage.GREY;
                    shrunk = new Image(canvas.getDisplay(), fitted != null && fitted.width == w && fitted.height == h
                            ? new ImageData(w, h, 8, palette, 4, fitted.data) : Resample.down(data, w, h, palette));
                    shrunkScale = s;
                }
                gc.drawImage(shrunk, -w / 2, -h / 2);
            } else {
                if (shown == null) {
                    shown = new Image(canvas.getDisplay(), inverted ? new ImageData(data.width, data.height, 8,
                            DisplayedImage.INVERTED, data.scanlinePad, data.data) : data);
                }
                gc.drawImage(shown, 0, 0, data.width, data.height, -w / 2, -h / 2, w, h);
            }
            gc.setTransform(null);
        } finally {
            t.dispose();
        }
        paintedAt = System.nanoTime();
    }

    private void disposeShrunk() {
        if (shrunk != null) {
            shrunk.dispose();
            shrunk = null;
        }
    }

    void dispose() {
        disposeShrunk();
        if (shown != null) {
            shown.dispose();
            shown = null;
        }
    }
}
