package org.lightbox.ui.internal.parts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;

/**
 * The agreement view's reader × reader Cohen's kappa heatmap: painted on a canvas with a tooltip per cell (the
 * pair's kappa, interval and n), and written as PNG (the same drawing) or SVG ({@link KappaHeatmap#svg}).
 */
final class HeatmapPane {

    private final Canvas canvas;
    private final Consumer<String> problems;
    private KappaHeatmap heatmap;

    /** @param problems where a failed export is reported (the view's summary line) */
    HeatmapPane(Composite parent, Consumer<String> problems) {
        this.problems = problems;
        canvas = new Canvas(parent, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> {
            if (heatmap != null) {
                paint(e.gc, heatmap);
            }
        });
        canvas.addListener(SWT.MouseHover, e -> canvas.setToolTipText(tooltipAt(e.x, e.y)));
    }

    Canvas canvas() {
        return canvas;
    }

    /** Shows a finding's heatmap, or none. */
    void show(KappaHeatmap map) {
        heatmap = map;
        canvas.redraw();
    }

    /** The finding whose heatmap is shown, or null. */
    String finding() {
        return heatmap == null ? null : heatmap.finding();
    }

    private static void paint(GC gc, KappaHeatmap map) {
        gc.drawText("Cohen's kappa per reader pair: " + map.finding(), 4, 6, true);
        int top = KappaHeatmap.TITLE + KappaHeatmap.LABEL;
        int cell = KappaHeatmap.CELL;
        for (int i = 0; i < map.readers().size(); i++) {
            String reader = map.readers().get(i);
            gc.drawText(reader, KappaHeatmap.LABEL - 6 - gc.textExtent(reader).x, top + i * cell + cell / 2 - 7, true);
            org.eclipse.swt.graphics.Transform rotate = new org.eclipse.swt.graphics.Transform(gc.getDevice());
            rotate.translate(KappaHeatmap.LABEL + i * cell + cell / 2, top - 4);
            rotate.rotate(-60);
            gc.setTransform(rotate);
            gc.drawText(reader, 0, -7, true);
            gc.setTransform(null);
            rotate.dispose();
            for (int j = 0; j < map.readers().size(); j++) {
                int[] rgb = KappaHeatmap.colour(map.kappa()[i][j]);
                org.eclipse.swt.graphics.Color colour = new org.eclipse.swt.graphics.Color(rgb[0], rgb[1], rgb[2]);
                gc.setBackground(colour);
                int x = KappaHeatmap.LABEL + j * cell;
                int y = top + i * cell;
                gc.fillRectangle(x, y, cell - 1, cell - 1);
                String text = map.cellText(i, j);
                boolean dark = !Double.isNaN(map.kappa()[i][j]) && map.kappa()[i][j] > 0.6;
                gc.setForeground(gc.getDevice().getSystemColor(dark ? SWT.COLOR_WHITE : SWT.COLOR_BLACK));
                gc.drawText(text, x + (cell - gc.textExtent(text).x) / 2, y + cell / 2 - 7, true);
                gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
            }
        }
    }

    private String tooltipAt(int x, int y) {
        if (heatmap == null) {
            return null;
        }
        int j = (x - KappaHeatmap.LABEL) / KappaHeatmap.CELL;
        int i = (y - KappaHeatmap.TITLE - KappaHeatmap.LABEL) / KappaHeatmap.CELL;
        boolean inside = x >= KappaHeatmap.LABEL && y >= KappaHeatmap.TITLE + KappaHeatmap.LABEL;
        return inside && i < heatmap.readers().size() && j < heatmap.readers().size() ? heatmap.tooltip(i, j) : null;
    }

    /** Asks where to write the heatmap as {@code png} or {@code svg}, and writes it. */
    void askAndExport(String format) {
        if (heatmap == null) {
            return;
        }
        FileDialog dialog = new FileDialog(canvas.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*." + format});
        dialog.setFileName("kappa-" + heatmap.finding().replaceAll("[^A-Za-z0-9_-]", "_") + "." + format);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            try {
                export(Path.of(chosen));
            } catch (IOException e) {
                problems.accept("Could not write " + chosen + ": " + e.getMessage());
            }
        }
    }

    /** Writes the heatmap shown as SVG (a {@code .svg} file) or PNG (any other); on the UI thread. */
    void export(Path file) throws IOException {
        if (heatmap == null) {
            throw new IOException("no heatmap to export: no finding has reads by two or more readers");
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            Files.writeString(file, heatmap.svg(), StandardCharsets.UTF_8);
            return;
        }
        Image image = new Image(canvas.getDisplay(), heatmap.width(), heatmap.height());
        try {
            GC gc = new GC(image);
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(0, 0, heatmap.width(), heatmap.height());
            paint(gc, heatmap);
            gc.dispose();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
