package org.lightbox.ui.tests.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.lightbox.dataset.Cxr14Schema;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.lightbox.ui.internal.parts.ImageDecoders;
import org.lightbox.ui.internal.parts.RepositoryPart;
import org.lightbox.ui.internal.reading.ReaderIdentity;
import org.lightbox.ui.internal.reading.ReadingEditor;
import org.lightbox.ui.internal.reading.ReadingSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Reading-editor benchmark (issue 5), a bench runner, never a test: keypress-to-pixels latency for the next image
 * (Enter: the image's unset findings committed as absent to SQLite, synchronous=FULL, then the next image windowed
 * and painted) on the shared 1024² CXR14 PNGs and real chest DICOMs, and the time to show a 48-image contact
 * sheet page. The reader pauses 400 ms on each image (a fast radiologist: ~2 s), which is when prefetching works.
 * Launched by {@code releng/bench/reading-bench.sh} as application {@code org.lightbox.ui.readingBench}.
 */
public final class ReadingBench implements IApplication {

    private static final int PAUSE_MILLIS = 400;

    private Display display;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Path shared = Path.of(System.getProperty("lightbox.shared", "../shared")).resolve("data");
        Path tmp = Files.createTempDirectory("lightbox-reading-bench");
        System.setProperty(ReaderIdentity.PROPERTY, "bench-reader");
        display = new Display();
        ProjectStore store = sqlite();
        List<Path> pngs;
        try (var files = Files.list(shared.resolve("cxr14/images"))) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().limit(60).toList();
        }
        System.out.printf("%-52s %5s %9s %9s %9s%n", "Reading editor, keypress to pixels", "n", "p50 ms", "p95 ms", "max ms");
        run(store, tmp.resolve("png"), "next image (Enter), 1024² CXR14 PNG", pngs, ImageFormat.PNG);
        Path realCr = shared.resolve("dicom/fo-dicom/CR-MONO1-10-chest.dcm");
        run(store, tmp.resolve("cr"), "next image (Enter), Fuji CR chest DICOM", nCopies(realCr, 40), ImageFormat.DICOM);
        Path jpegCr = Files.list(shared.resolve("dicom/chest")).filter(p -> p.getFileName().toString().startsWith("1.2"))
                .findFirst().orElseThrow();
        run(store, tmp.resolve("jpeg"), "next image (Enter), 1024² JPEG CR DICOM", nCopies(jpegCr, 40), ImageFormat.DICOM);
        sheets(store, tmp.resolve("sheet"), pngs);
        display.dispose();
        System.out.flush();
        System.exit(0); // a bench runner: the framework's shutdown is not what is measured
        return IApplication.EXIT_OK;
    }

    private static List<Path> nCopies(Path file, int n) {
        return java.util.Collections.nCopies(n, file);
    }

    private ReadingEditor open(ProjectStore store, Path folder, List<Path> files, ImageFormat format, Shell shell,
            ImageDecoders decoders) {
        Project project = LightboxFactory.eINSTANCE.createProject();
        project.setName("bench");
        project.setLabelSchema(Cxr14Schema.create());
        ProjectSession session = store.create(new StoreLocation.SqliteFile(folder.resolve("bench.lightbox")), project);
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ImageRecord image = LightboxFactory.eINSTANCE.createImageRecord();
            image.setImageId(String.format("%03d-%s", i, files.get(i).getFileName()));
            image.setLocation(files.get(i).toString());
            image.setFormat(format);
            images.add(image);
        }
        session.addImages(images);
        ReadingEditor editor = new ReadingEditor(shell, image -> Path.of(image.getLocation()), decoders::all,
                new ThumbnailCache(folder.resolve("thumbnails"), 256));
        shell.layout(true, true);
        editor.open(new ReadingSession(session, ReaderIdentity.desk(session), session.images(0, images.size()),
                System::currentTimeMillis));
        return editor;
    }

    private void run(ProjectStore store, Path folder, String what, List<Path> files, ImageFormat format) throws Exception {
        Files.createDirectories(folder);
        Shell shell = shell();
        try (ImageDecoders decoders = new ImageDecoders()) {
            ReadingEditor editor = open(store, folder, files, format, shell, decoders);
            Control canvas = find(shell, ReadingEditor.CANVAS_ID);
            pump(30_000, editor::imageShown);
            double[] millis = new double[files.size() - 1];
            for (int i = 0; i < millis.length; i++) {
                pump(PAUSE_MILLIS, () -> false);                      // the reader looks at the image
                int next = i + 1;
                long pressed = System.nanoTime();
                key(canvas, SWT.CR);
                long handled = System.nanoTime();
                pump(30_000, () -> editor.imageShown() && editor.session().position() == next);
                long shown = System.nanoTime();
                millis[i] = (paint(canvas) - pressed) / 1e6;
                if (System.getProperty("bench.detail") != null) {
                    System.out.printf("  key %.1f  wait %.1f  paint %.1f%n", (handled - pressed) / 1e6,
                            (shown - handled) / 1e6, millis[i] - (shown - pressed) / 1e6);
                }
            }
            report(what, millis);
            editor.session().desk();
            editor.dispose();
        }
        shell.dispose();
    }

    private void sheets(ProjectStore store, Path folder, List<Path> pngs) throws Exception {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            files.addAll(pngs.subList(0, 48));                        // 1,008 images: 21 pages of 48
        }
        Shell shell = shell();
        try (ImageDecoders decoders = new ImageDecoders()) {
            ReadingEditor editor = open(store, folder, files, ImageFormat.PNG, shell, decoders);
            Control canvas = find(shell, ReadingEditor.CANVAS_ID);
            key(canvas, 'g');
            Control sheet = find(shell, ReadingEditor.SHEET_ID);
            org.eclipse.swt.widgets.Combo question = (org.eclipse.swt.widgets.Combo) find(shell, ReadingEditor.QUESTION_ID);
            question.select(3);                                       // "Is this Effusion?": each page commits 48 answers
            question.notifyListeners(SWT.Selection, new Event());
            paint(sheet);
            pump(60_000, () -> editor.sheetPending() == 0); // first page, cold cache
            double[] millis = new double[20];
            for (int i = 0; i < millis.length; i++) {
                pump(2_000, () -> false);                             // the reader looks at the sheet
                long pressed = System.nanoTime();
                key(sheet, SWT.ARROW_RIGHT);
                paint(sheet);
                pump(30_000, () -> editor.sheetPending() == 0);
                millis[i] = (paint(sheet) - pressed) / 1e6;
            }
            report("48-image contact-sheet page (→, 48 answers committed)", millis);
            editor.dispose();
        }
        shell.dispose();
    }

    /**
     * Paints a control's pixels now, through its own paint listener, into an image of its size; returns when done
     * (System.nanoTime). Under Xvfb without a window manager the shell's expose events did not arrive reliably, so
     * the pixels are drawn off screen: the same drawing code, without the X server's copy to the screen.
     */
    private long paint(Control control) {
        var size = control.getSize();
        org.eclipse.swt.graphics.Image target = new org.eclipse.swt.graphics.Image(display, size.x, size.y);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(target);
        control.print(gc);
        gc.dispose();
        long done = System.nanoTime();
        target.dispose();
        return done;
    }

    private Shell shell() {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 860);
        shell.open();
        return shell;
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%-52s %5d %9.1f %9.1f %9.1f%n", what, sorted.length, quantile(sorted, 0.5),
                quantile(sorted, 0.95), sorted[sorted.length - 1]);
    }

    /** Nearest-rank quantile. */
    private static double quantile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private void key(Control control, int key) {
        Event event = new Event();
        if (key == SWT.ARROW_RIGHT) {
            event.keyCode = key;
        } else {
            event.character = (char) key;
            event.keyCode = key == SWT.CR ? SWT.CR : key;
        }
        control.notifyListeners(SWT.KeyDown, event);
    }

    /** Runs the event loop until the condition holds or the time is up. */
    private void pump(long millis, BooleanSupplier until) {
        long end = System.currentTimeMillis() + millis;
        while (!until.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Control find(Control control, String id) {
        if (id.equals(control.getData(RepositoryPart.WIDGET_ID))) {
            return control;
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                Control found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static ProjectStore sqlite() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ReadingBench.class).getBundleContext();
        ServiceTracker<ProjectStore, ProjectStore> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + ProjectStore.class.getName() + ")(store.kind=sqlite))"), null);
        tracker.open();
        return tracker.waitForService(10_000);
    }

    @Override
    public void stop() {
        // runs to the end
    }
}
