package org.lightbox.ui.internal.parts;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;

/**
 * What an image without a thumbnail shows, one image per kind and size: a plain tile while loading (one
 * colour, so that nobody mistakes it for a picture), a dashed frame saying "no pixels" for an image without
 * a file, and a red cross saying "cannot decode" for a file that does not decode.
 */
final class Markers {

    private final Display display;
    private final Map<String, Image> images = new HashMap<>();

    Markers(Display display) {
        this.display = display;
    }

    Image loading(int size) {
        return images.computeIfAbsent("loading" + size, k -> draw(size, null, null));
    }

    Image noPixels(int size) {
        return images.computeIfAbsent("none" + size, k -> draw(size, "no pixels", false));
    }

    Image cannotDecode(int size) {
        return images.computeIfAbsent("bad" + size, k -> draw(size, "cannot\ndecode", true));
    }

    private Image draw(int size, String text, Boolean cross) {
        Image image = new Image(display, size, size);
        GC gc = new GC(image);
        try {
            gc.setBackground(display.getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
            gc.fillRectangle(0, 0, size, size);
            if (text == null) {
                return image;
            }
            Color ink = display.getSystemColor(cross ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GRAY);
            gc.setForeground(ink);
            gc.setLineStyle(cross ? SWT.LINE_SOLID : SWT.LINE_DASH);
            gc.drawRectangle(1, 1, size - 3, size - 3);
            if (cross) {
                gc.setForeground(display.getSystemColor(SWT.COLOR_RED));
                gc.setLineWidth(Math.max(1, size / 40));
                int m = size / 5;
                gc.drawLine(m, m, size - m, size - m);
                gc.drawLine(size - m, m, m, size - m);
                gc.setForeground(ink);
            }
            int flags = SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT;
            Point extent = gc.textExtent(text, flags);
            gc.drawText(text, Math.max(2, (size - extent.x) / 2), (size - extent.y) / 2, flags);
            return image;
        } finally {
            gc.dispose();
        }
    }

    void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }
}
