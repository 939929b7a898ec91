package org.lightbox.ui.internal.reading;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.ReadValue;
import org.lightbox.store.StoreException;
import org.lightbox.ui.internal.parts.RepositoryPart;

/**
 * The reading editor's widgets and keyboard, without e4 (so a benchmark can run it in a bare shell): single-image
 * mode ({@link ImageCanvas} and {@link ReadingPanel}) and contact-sheet mode ({@link ContactSheet}). Each key's
 * decision goes through the {@link ReadingSession} and is in the store before anything else is shown.
 */
public final class ReadingEditor {

    public static final String WIDGET_ID = RepositoryPart.WIDGET_ID;
    public static final String CANVAS_ID = "reading.canvas";
    public static final String SHEET_ID = "reading.sheet";
    public static final String TITLE_ID = "reading.title";
    public static final String STATUS_ID = "reading.status";
    public static final String QUESTION_ID = "reading.question";
    public static final String LAYOUT_ID = "reading.layout";
    public static final String EDITOR_ID = "reading.editor";
    /** {@code control().getData(EDITOR_KEY)}: this editor, for UI tests. */
    public static final String EDITOR_KEY = "lightbox.readingEditor";

    private final Composite root;
    private final Label title;
    private final Combo question;
    private final Combo layoutChoice;
    private final Composite stack;
    private final StackLayout stackLayout = new StackLayout();
    private final ImageCanvas canvas;
    private final ContactSheet sheet;
    private final SheetMode sheets;
    private final ReadingPanel panel;
    private final Label status;
    private final ImagePrefetch prefetch;

    private ReadingSession reading;
    private boolean sheetMode;
    private boolean fromSheet;
    private String problem;

    public ReadingEditor(Composite parent, Function<ImageRecord, Path> fileOf, Supplier<List<ImageDecoder>> decoders,
            ThumbnailCache sheetCache) {
        root = new Composite(parent, SWT.NONE);
        root.setData(WIDGET_ID, EDITOR_ID);
        root.setData(EDITOR_KEY, this);
        root.setLayout(new GridLayout(4, false));
        title = new Label(root, SWT.NONE);
        title.setData(WIDGET_ID, TITLE_ID);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(root, SWT.NONE).setText("Sheet");
        layoutChoice = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
        layoutChoice.setData(WIDGET_ID, LAYOUT_ID);
        for (int[] l : ContactSheet.LAYOUTS) {
            layoutChoice.add(l[0] + " × " + l[1]);
        }
        layoutChoice.select(ContactSheet.LAYOUTS.length - 1);
        layoutChoice.addListener(SWT.Selection, e -> layoutChosen());
        question = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
        question.setData(WIDGET_ID, QUESTION_ID);
        question.setToolTipText("Review set: each sheet asks one question; marked images get 'absent', the rest 'present'");
        question.addListener(SWT.Selection, e -> sheetEntered());
        stack = new Composite(root, SWT.NONE);
        stack.setLayout(stackLayout);
        stack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        prefetch = new ImagePrefetch(fileOf, decoders);
        canvas = new ImageCanvas(stack, this::updateStatus, prefetch::viewSize);
        canvas.control().setData(WIDGET_ID, CANVAS_ID);
        sheet = new ContactSheet(stack, this::updateStatus, sheetCache, fileOf, decoders);
        sheet.control().setData(WIDGET_ID, SHEET_ID);
        sheets = new SheetMode(sheet, question, layoutChoice);
        stackLayout.topControl = canvas.control();
        panel = new ReadingPanel(root, this::refreshPanel);
        GridData side = new GridData(SWT.FILL, SWT.FILL, false, true, 1, 1);
        side.widthHint = 250;
        panel.control().setLayoutData(side);
        status = new Label(root, SWT.NONE);
        status.setData(WIDGET_ID, STATUS_ID);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        canvas.control().addListener(SWT.KeyDown, this::singleKey);
        sheet.control().addListener(SWT.KeyDown, this::sheetKey);
        panel.findingsTable().addListener(SWT.KeyDown, e -> {
            singleKey(e);
            e.doit = false;
        });
        canvas.showMessage("Open images from the repository (Image › Read) to start reading.");
        updateStatus();
    }

    public Composite control() {
        return root;
    }

    /** Starts reading these images (single mode, first image). */
    public void open(ReadingSession session) {
        reading = session;
        sheets.reading(session);
        if (session == null) {
            sheetMode = false;
            stackLayout.topControl = canvas.control();
            stack.layout();
            canvas.showMessage("Open images from the repository (Image › Read) to start reading.");
            updateStatus();
            return;
        }
        sheetMode = false;
        stackLayout.topControl = canvas.control();
        stack.layout();
        showCurrent();
        refreshPanel();
        canvas.control().setFocus();
    }

    /**
     * Starts a review set: the images on contact sheets, each sheet asking "is this &lt;finding&gt;?" (the
     * finding by code; unknown codes leave the sheets in mark-and-set mode).
     */
    public void review(ReadingSession session, String findingCode) {
        open(session);
        if (session == null) {
            return;
        }
        sheets.ask(findingCode);
        enterSheet(0);
    }

    public ReadingSession session() {
        return reading;
    }

    public boolean sheetMode() {
        return sheetMode;
    }

    /** The question finding of review-set mode, or null in mark-and-set mode. */
    public Finding questionFinding() {
        return sheets.questionFinding();
    }

    /** When the shown image or sheet was last painted (System.nanoTime), for the benchmark. */
    public long paintedAt() {
        return sheetMode ? sheet.paintedAt() : canvas.paintedAt();
    }

    /** Whether the current image is on screen (not still decoding). */
    public boolean imageShown() {
        return canvas.image() != null && reading != null && reading.current() != null
                && canvas.image().imageId().equals(reading.current().getImageId());
    }

    /** The marked images of the contact sheet (indices into the session's images), for UI tests. */
    public java.util.BitSet sheetMarked() {
        return (java.util.BitSet) sheet.marked().clone();
    }

    public int sheetFocus() {
        return sheet.focus();
    }

    /** Thumbnails of the current sheet still loading. */
    public int sheetPending() {
        return sheet.pending();
    }

    // --- single-image mode ---

    private void singleKey(Event e) {
        if (reading == null || reading.current() == null) {
            return;
        }
        try {
            problem = null;
            if (!common(e) && !view(e)) {
                decide(e);
            }
        } catch (StoreException ex) {
            problem = "Not recorded: " + ex.getMessage();
            MessageDialog.openError(root.getShell(), "Lightbox", problem);
        }
        refreshPanel();
    }

    /** Keys of both modes: undo/redo, flags and tags. True when the key was one of them. */
    private boolean common(Event e) {
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        if (ctrl && (e.keyCode == 'z' || e.keyCode == 'y')) {
            boolean done = e.keyCode == 'z' && (e.stateMask & SWT.SHIFT) == 0 ? reading.undo() : reading.redo();
            if (done) {
                afterUndoRedo();
            }
            return true;
        }
        if (e.keyCode >= SWT.F1 && e.keyCode <= SWT.F9) {
            int k = e.keyCode - SWT.F1;
            for (ImageRecord image : targets()) {
                if (k < ReadingKeys.FLAGS.size()) {
                    reading.toggleFlag(image.getImageId(), ReadingKeys.FLAGS.get(k));
                } else {
                    reading.toggleTag(image.getImageId(), ReadingKeys.TAGS.get(k - ReadingKeys.FLAGS.size()));
                }
            }
            if (sheetMode) {
                SheetReview.badges(reading, sheet);
            }
            return true;
        }
        return false;
    }

    private boolean view(Event e) {
        switch (e.character) {
            case ReadingKeys.INVERT -> canvas.invert();
            case ReadingKeys.FIT -> canvas.fit();
            case ReadingKeys.ONE_TO_ONE -> canvas.oneToOne();
            case ReadingKeys.FLIP_HORIZONTAL -> canvas.flipHorizontal();
            case ReadingKeys.FLIP_VERTICAL -> canvas.flipVertical();
            case ReadingKeys.ROTATE -> canvas.rotate();
            case ReadingKeys.PRESET -> canvas.nextPreset();
            case ReadingKeys.LABELS -> panel.toggleLabels();
            case ReadingKeys.SHEET -> enterSheet(reading.position());
            default -> {
                if (e.keyCode == SWT.ESC && fromSheet) {
                    enterSheet(reading.position());
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    private void decide(Event e) {
        int finding = ReadingKeys.finding(e.character);
        if (finding >= 0 && finding < reading.findings().size()) {
            reading.set(finding, ReadValue.PRESENT);
        } else if (e.character == ReadingKeys.PRESENT || e.character == ReadingKeys.ABSENT
                || e.character == ReadingKeys.UNCERTAIN) {
            reading.set(reading.selectedFinding(), e.character == ReadingKeys.PRESENT ? ReadValue.PRESENT
                    : e.character == ReadingKeys.ABSENT ? ReadValue.ABSENT : ReadValue.UNCERTAIN);
        } else if (e.keyCode == SWT.ARROW_UP || e.keyCode == SWT.ARROW_DOWN) {
            reading.selectFinding(reading.selectedFinding() + (e.keyCode == SWT.ARROW_UP ? -1 : 1));
        } else if (e.character == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
            reading.acceptRest();  // committed before the next image is shown
            step(1);
        } else if (e.keyCode == SWT.ARROW_RIGHT || e.keyCode == SWT.PAGE_DOWN || e.character == ReadingKeys.SKIP) {
            step(1);
        } else if (e.keyCode == SWT.ARROW_LEFT || e.keyCode == SWT.PAGE_UP) {
            step(-1);
        } else if (e.character == ReadingKeys.COMMENT) {
            comment();
        }
    }

    private void step(int by) {
        int from = reading.position();
        if (by > 0) {
            reading.next();
        } else {
            reading.previous();
        }
        if (reading.position() == from) {           // said in the status line, so a fast reader sees why nothing moved
            problem = by > 0 ? String.format("End of the list: all %d images shown · ← goes back · g shows them as sheets",
                    reading.images().size()) : "First image of the list";
        }
        showCurrent();
    }

    private void comment() {
        Finding finding = reading.findings().get(reading.selectedFinding());
        var earlier = reading.call(finding);
        InputDialog dialog = new InputDialog(root.getShell(), "Comment", "Comment on " + SheetMode.name(finding) + " for "
                + reading.current().getImageId(), earlier == null || earlier.getComment() == null ? ""
                        : earlier.getComment(), null);
        if (dialog.open() == Window.OK) {
            reading.comment(dialog.getValue().isBlank() ? null : dialog.getValue().strip());
        }
    }

    /** Shows the session's current image: at once when prefetched, else when decoded. */
    private void showCurrent() {
        ImageRecord image = reading.current();
        if (image == null) {
            canvas.showMessage("Nothing to read.");
            return;
        }
        CompletableFuture<DisplayedImage> decoded = prefetch.at(reading.images(), reading.position());
        if (decoded.isDone()) {
            canvas.show(decoded.join());
        } else {
            canvas.showMessage("Loading " + image.getImageId() + "…");
            decoded.thenAccept(d -> root.getDisplay().asyncExec(() -> {
                if (!root.isDisposed() && reading.current() != null
                        && reading.current().getImageId().equals(d.imageId()) && !sheetMode) {
                    canvas.show(d);
                    updateStatus();
                }
            }));
        }
    }

    private void afterUndoRedo() {
        if (sheetMode) {
            sheets.showCurrentPage();
        } else {
            showCurrent();
        }
    }

    private void refreshPanel() {
        if (reading != null && !root.isDisposed()) {
            panel.show(reading);
        }
        updateStatus();
    }

    private void updateStatus() {
        if (root.isDisposed()) {
            return;
        }
        if (reading == null || reading.current() == null) {
            title.setText("Reading editor");
            status.setText("");
            return;
        }
        String who = "Reading as " + reading.desk().reader().getId() + (reading.desk().reader().getName() == null
                ? "" : " (" + reading.desk().reader().getName() + ")");
        if (sheetMode) {
            if (reading.position() != sheet.focus() && sheet.focus() < reading.images().size()) {
                reading.go(sheet.focus());    // the side panel shows the focused image and the reader's calls on it
                panel.show(reading);
            }
            title.setText(sheets.title(who));
            status.setText(sheets.status());
        } else {
            title.setText(String.format("%s · %s (%d of %d)", who, reading.current().getImageId(),
                    reading.position() + 1, reading.images().size()));
            status.setText(problem != null ? problem : canvas.describe());
        }
        title.getParent().layout(new org.eclipse.swt.widgets.Control[] {title, status});
    }

    // --- contact-sheet mode ---

    private void enterSheet(int at) {
        sheetMode = true;
        fromSheet = false;
        stackLayout.topControl = sheet.control();
        stack.layout();
        sheets.enter(at);
        updateStatus();
        sheet.control().setFocus();
    }

    private void layoutChosen() {
        sheets.layoutChosen();
        sheetEntered();
    }

    /** A new question or layout: the page's marks come from the reader's calls on the question, timing starts. */
    private void sheetEntered() {
        if (sheetMode) {
            sheets.entered();
            updateStatus();
        }
    }

    private void sheetKey(Event e) {
        if (reading == null) {
            return;
        }
        try {
            problem = null;
            if (common(e)) {
                return;
            }
            SheetMode.After after = sheets.key(e);
            if (after != SheetMode.After.STAY) {
                sheetMode = false;
                fromSheet = after == SheetMode.After.OPEN_FOCUSED;
                stackLayout.topControl = canvas.control();
                stack.layout();
                reading.go(sheet.focus());
                showCurrent();
                canvas.control().setFocus();
            }
        } catch (StoreException ex) {
            problem = "Not recorded: " + ex.getMessage();
            MessageDialog.openError(root.getShell(), "Lightbox", problem);
        }
        refreshPanel();
    }

    /** The images a flag, tag or value key acts on: in a sheet the marked or focused ones, else the shown one. */
    private List<ImageRecord> targets() {
        return sheetMode ? sheets.targets() : List.of(reading.current());
    }

    public void focus() {
        (sheetMode ? sheet.control() : canvas.control()).setFocus();
    }

    public void dispose() {
        prefetch.close();
        canvas.dispose();
        sheet.dispose();
    }
}
