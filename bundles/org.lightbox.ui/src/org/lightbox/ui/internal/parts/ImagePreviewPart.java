package org.lightbox.ui.internal.parts;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Window;
import org.lightbox.model.ImageRecord;
import org.lightbox.ui.ImageSelection;
import org.lightbox.ui.OpenProject;

/**
 * Shows the opened images one at a time, windowed the way a radiologist expects: the file's own presets first,
 * MONOCHROME1 inverted back so that bone is white, a drag with the left mouse button to change the window
 * (right/left: width, up/down: centre), double-click to go back to the preset, Page Up/Down to step through the
 * selection. Files are decoded in a background job; the UI thread only windows (a table lookup) and paints.
 * The seed of the reading editor: it reads nothing but the image and its file.
 */
public final class ImagePreviewPart {

    public static final String PART_ID = "org.lightbox.ui.part.preview";
    public static final String CANVAS_ID = "preview.canvas";
    public static final String TITLE_ID = "preview.title";
    public static final String PRESETS_ID = "preview.presets";
    public static final String STATUS_ID = "preview.status";
    /** {@code canvas.getData(IMAGE_BOUNDS_KEY)}: the {@link Rectangle} the image is drawn in, for UI tests. */
    public static final String IMAGE_BOUNDS_KEY = "lightbox.imageBounds";

    @Inject
    private UISynchronize sync;

    private ImageDecoders decoders;
    private Label title;
    private Combo presetChoice;
    private Label status;
    private Canvas canvas;
    private Button previous;
    private Button next;
    private ImageSelection selection;
    private int position;
    private int generation;

    // what is shown; UI thread only
    private GreyImage grey;
    private List<WindowPresets.Preset> presets = List.of();
    private List<WindowPresets.Preset> listed;
    private Window window;
    private Image shown;
    private String message = "Select images, then press Enter or double-click.";
    private Point dragFrom;
    private Window dragWindow;

    @PostConstruct
    public void createPartControl(Composite parent) {
        decoders = new ImageDecoders();
        parent.setLayout(new GridLayout(3, false));
        previous = button(parent, "◀", "Previous image (Page Up)", () -> step(-1));
        next = button(parent, "▶", "Next image (Page Down)", () -> step(1));
        title = new Label(parent, SWT.NONE);
        title.setData(RepositoryPart.WIDGET_ID, TITLE_ID);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Label windowLabel = new Label(parent, SWT.NONE);
        windowLabel.setText("Window");
        windowLabel.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        presetChoice = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        presetChoice.setData(RepositoryPart.WIDGET_ID, PRESETS_ID);
        presetChoice.setToolTipText("Window presets; drag on the image to change the window, double-click to reset");
        presetChoice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        presetChoice.addListener(SWT.Selection, e -> choose(presetChoice.getSelectionIndex()));
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setData(RepositoryPart.WIDGET_ID, CANVAS_ID);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addListener(SWT.MouseDown, e -> {
            canvas.setFocus();
            if (e.button == 1 && grey != null) {
                dragFrom = new Point(e.x, e.y);
                dragWindow = window;
            }
        });
        canvas.addListener(SWT.MouseMove, this::drag);
        canvas.addListener(SWT.MouseUp, e -> dragFrom = null);
        canvas.addListener(SWT.MouseDoubleClick, e -> choose(presetChoice.getSelectionIndex()));
        canvas.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.PAGE_DOWN || e.keyCode == SWT.ARROW_RIGHT) {
                step(1);
            } else if (e.keyCode == SWT.PAGE_UP || e.keyCode == SWT.ARROW_LEFT) {
                step(-1);
            }
        });
        status = new Label(parent, SWT.WRAP);
        status.setData(RepositoryPart.WIDGET_ID, STATUS_ID);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        update();
    }

    /** Another project was opened (or none is): its images are not this one's. */
    @Inject
    void projectChanged(@Optional OpenProject opened) {
        if (selection != null && !selection.project().equals(opened) && title != null && !title.isDisposed()) {
            selection = null;
            generation++;
            clearImage();
            presets = List.of();
            message = "Select images, then press Enter or double-click.";
            update();
        }
    }

    /** Shows a selection, starting with its first image. */
    public void show(ImageSelection images) {
        selection = images;
        position = 0;
        load();
    }

    private void step(int by) {
        if (selection != null && position + by >= 0 && position + by < selection.images().size()) {
            position += by;
            load();
        }
    }

    /** Decodes the current image in the background; a later request overtakes an earlier one. */
    private void load() {
        int request = ++generation;
        clearImage();
        presets = List.of();
        ImageRecord image = selection.images().get(position);
        Path file;
        try {
            file = ImageSelection.file(selection.project(), image);
        } catch (InvalidPathException e) {
            message = "No pixels: not a valid file location: " + image.getLocation();
            update();
            return;
        }
        message = "Loading " + image.getImageId() + "…";
        update();
        List<ImageDecoder> available = decoders.all();
        Job job = Job.create("Decoding " + image.getImageId(), monitor -> {
            Object result = decode(file, available);
            List<WindowPresets.Preset> choices = result instanceof GreyImage g ? WindowPresets.of(g) : List.of();
            sync.asyncExec(() -> loaded(request, result, choices));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** The decoded image, or the reason there is none, as text. */
    private static Object decode(Path file, List<ImageDecoder> decoders) {
        if (file == null) {
            return "No pixels: no file location is recorded for this image.";
        }
        if (!file.toFile().isFile()) {
            return "No pixels: file missing: " + file;
        }
        for (ImageDecoder decoder : decoders) {
            if (decoder.canDecode(file)) {
                try {
                    return decoder.decode(file);
                } catch (DecodeException e) {
                    return "Cannot decode: " + e.getMessage();
                } catch (RuntimeException e) {
                    return "Cannot decode: the decoder failed: " + e;
                }
            }
        }
        return "Cannot decode: no decoder recognises " + file.getFileName();
    }

    private void loaded(int request, Object result, List<WindowPresets.Preset> choices) {
        if (request != generation || canvas.isDisposed()) {
            return;
        }
        if (result instanceof GreyImage image) {
            grey = image;
            presets = choices;
            message = null;
            choose(0);
        } else {
            message = (String) result;
            update();
        }
    }

    private void choose(int index) {
        if (grey == null || index < 0 || index >= presets.size()) {
            return;
        }
        WindowPresets.Preset preset = presets.get(index);
        window = preset.window(); // null for a VOI LUT
        listPresets();
        presetChoice.select(index);
        render(preset.apply(grey));
        update();
    }

    private void drag(Event e) {
        if (dragFrom == null || dragWindow == null || grey == null) {
            return;
        }
        // one screen pixel moves the window by 1/500 of its width at the start of the drag, as most viewers do
        double unit = Math.max(dragWindow.width() / 500, 1e-3);
        double width = Math.max(1, dragWindow.width() + (e.x - dragFrom.x) * unit);
        double centre = dragWindow.centre() + (e.y - dragFrom.y) * unit;
        window = new Window(centre, width, "");
        render(grey.toGrey8(window));
        update();
    }

    private void render(Grey8Image display) {
        clearShown();
        shown = new Image(canvas.getDisplay(), SwtImages.data(display));
        canvas.redraw();
    }

    private void update() {
        if (title.isDisposed()) {
            return;
        }
        boolean any = selection != null && !selection.isEmpty();
        ImageRecord image = any ? selection.images().get(position) : null;
        title.setText(!any ? "No image open" : String.format("%s   (%d of %d%s)", image.getImageId(), position + 1,
                selection.images().size(), selection.total() > selection.images().size()
                        ? ", first " + selection.images().size() + " of " + selection.total() + " selected" : ""));
        previous.setEnabled(any && position > 0);
        next.setEnabled(any && position < selection.images().size() - 1);
        listPresets();
        StringBuilder text = new StringBuilder();
        if (grey != null) {
            text.append(grey.width()).append(" × ").append(grey.height()).append(" · ")
                    .append(window != null ? "window " + WindowPresets.centreWidth(window) : presetChoice.getText());
            if (grey.isMonochrome1()) {
                text.append(" · MONOCHROME1: shown inverted, low values white");
            }
            grey.notes().stream().filter(note -> !note.startsWith("MONOCHROME1"))
                    .forEach(note -> text.append(" · ").append(note));
        }
        status.setText(text.toString());
        title.getParent().layout();
        canvas.redraw();
    }

    private void listPresets() {
        if (presets != listed) {
            listed = presets;
            presetChoice.setItems(presets.stream().map(WindowPresets.Preset::label).toArray(String[]::new));
            presetChoice.setEnabled(!presets.isEmpty());
        }
    }

    /** Where the image is drawn in the canvas: scaled to fit, aspect kept, centred; empty when none is shown. */
    public Rectangle imageBounds() {
        if (shown == null || canvas.isDisposed()) {
            return new Rectangle(0, 0, 0, 0);
        }
        Rectangle area = canvas.getClientArea();
        Rectangle size = shown.getBounds();
        double scale = Math.min((double) area.width / size.width, (double) area.height / size.height);
        int w = Math.max(1, (int) Math.round(size.width * scale));
        int h = Math.max(1, (int) Math.round(size.height * scale));
        return new Rectangle((area.width - w) / 2, (area.height - h) / 2, w, h);
    }

    /** The window in use, or null when no image is shown. */
    public Window window() {
        return window;
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        canvas.setData(IMAGE_BOUNDS_KEY, shown == null ? null : imageBounds());
        if (shown != null) {
            Rectangle to = imageBounds();
            Rectangle from = shown.getBounds();
            gc.setInterpolation(SWT.HIGH);
            gc.drawImage(shown, 0, 0, from.width, from.height, to.x, to.y, to.width, to.height);
        } else if (message != null) {
            gc.setForeground(canvas.getDisplay().getSystemColor(message.startsWith("Cannot")
                    ? SWT.COLOR_RED : SWT.COLOR_GRAY));
            Point extent = gc.textExtent(message);
            gc.drawText(message, Math.max(4, (area.width - extent.x) / 2), (area.height - extent.y) / 2, true);
        }
    }

    private Button button(Composite parent, String text, String tooltip, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private void clearImage() {
        grey = null;
        window = null;
        clearShown();
    }

    private void clearShown() {
        if (shown != null) {
            shown.dispose();
            shown = null;
        }
    }

    @Focus
    public void setFocus() {
        canvas.setFocus();
    }

    @PreDestroy
    public void dispose() {
        generation++;
        clearShown();
        decoders.close();
    }
}
