package org.lightbox.ui.internal.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.EvaluationFigures;

/**
 * The selected finding's ROC curve (band and operating point) and reliability diagram, drawn by the evaluation bundle's
 * figure code as PNG at the canvas's size and decoded by SWT (no AWT in the workbench), redrawn when resized.
 */
final class FigurePane {

    /** Which figure. */
    enum Kind {
        ROC("roc", EvaluationFigures::rocSvg), CALIBRATION("calibration", EvaluationFigures::calibrationSvg);

        final String file;
        final BiFunction<Evaluation, String, String> svg;

        Kind(String file, BiFunction<Evaluation, String, String> svg) {
            this.file = file;
            this.svg = svg;
        }

        byte[] png(Evaluation e, String finding, int width, int height) {
            return this == ROC ? EvaluationFigures.rocPng(e, finding, width, height)
                    : EvaluationFigures.calibrationPng(e, finding, width, height);
        }
    }

    private final Canvas canvas;
    private final Kind kind;
    private Evaluation evaluation;
    private String finding;
    private Image image;
    private Rectangle drawnFor;

    FigurePane(Composite parent, Kind kind) {
        this.kind = kind;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Dispose, e -> dispose());
    }

    Canvas control() {
        return canvas;
    }

    void show(Evaluation shown, String chosen) {
        evaluation = shown;
        finding = chosen;
        drawnFor = null;
        canvas.redraw();
    }

    /** The image on display (for tests), or null. */
    Image image() {
        return image;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        if (evaluation == null || finding == null || area.width < 40 || area.height < 40) {
            gc.drawText("Choose a finding in the table", 8, 8, true);
            return;
        }
        if (drawnFor == null || !drawnFor.equals(area) || image == null) {
            dispose();
            byte[] png = kind.png(evaluation, finding, area.width, area.height);
            image = new Image(canvas.getDisplay(), new ImageData(new ByteArrayInputStream(png)));
            drawnFor = area;
        }
        Rectangle size = image.getBounds();
        gc.drawImage(image, Math.max(0, (area.width - size.width) / 2), 0);
    }

    private void dispose() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    /** Writes this figure of the finding on display into {@code folder} as "png" (at twice the report's size) or "svg". */
    Path save(Path folder, String format) throws IOException {
        Path file = folder.resolve(finding.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + kind.file + "." + format);
        if (format.equals("png")) {
            Files.write(file, kind.png(evaluation, finding, 480, 528));
        } else {
            Files.writeString(file, kind.svg.apply(evaluation, finding));
        }
        return file;
    }

    boolean showing() {
        return evaluation != null && finding != null;
    }

    /** "Save Figures as PNG…" and "…as SVG…" buttons (disabled) that ask for a folder and hand it to {@code save}. */
    static List<Button> saveButtons(Composite parent, BiConsumer<Path, String> save) {
        List<Button> buttons = new ArrayList<>();
        for (String format : List.of("png", "svg")) {
            Button button = new Button(parent, SWT.PUSH);
            button.setText("Save Figures as " + format.toUpperCase(Locale.ROOT) + "…");
            button.setEnabled(false);
            button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            button.addListener(SWT.Selection, e -> {
                String folder = chooseFolder(parent);
                if (folder != null) {
                    save.accept(Path.of(folder), format);
                }
            });
            buttons.add(button);
        }
        return buttons;
    }

    private static String chooseFolder(Composite parent) {
        DirectoryDialog dialog = new DirectoryDialog(parent.getShell());
        dialog.setText("Save the Figures");
        dialog.setMessage("The selected finding's ROC curve and reliability diagram are written into this folder.");
        return dialog.open();
    }
}
