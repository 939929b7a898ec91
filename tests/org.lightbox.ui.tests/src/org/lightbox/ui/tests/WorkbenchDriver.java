package org.lightbox.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.Assumptions;
import org.lightbox.ui.internal.parts.RepositoryPart;

/**
 * Starts the real Lightbox e4 workbench (the product's Application.e4xmi and life cycle) on its own UI thread
 * under the current X display, and lets a test find widgets, click menu items and take screenshots.
 */
final class WorkbenchDriver implements AutoCloseable {

    private final Display display;
    private final E4Workbench workbench;
    private final Thread uiThread;
    private final AtomicReference<Throwable> failure;

    private WorkbenchDriver(Display display, E4Workbench workbench, Thread uiThread, AtomicReference<Throwable> failure) {
        this.display = display;
        this.workbench = workbench;
        this.uiThread = uiThread;
        this.failure = failure;
    }

    /** Skips the calling test without an X display, or fails it on CI, where Xvfb must be there. */
    static void requireDisplay() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must run the UI tests under Xvfb, but DISPLAY is not set");
            }
            Assumptions.abort("no X display (DISPLAY unset): run the tests through ./lightbox test, which uses xvfb-run");
        }
    }

    static WorkbenchDriver start(String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("-applicationXMI", "org.lightbox.ui/Application.e4xmi",
                "-lifeCycleURI", "bundleclass://org.lightbox.ui/org.lightbox.ui.internal.LightboxLifeCycle",
                "-clearPersistedState", "-persistState", "false"));
        args.addAll(List.of(extraArgs));
        CompletableFuture<Object[]> started = new CompletableFuture<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread ui = new Thread(() -> {
            try {
                Display display = new Display();
                E4Workbench workbench = new E4Application()
                        .createE4Workbench(new TestApplicationContext(args.toArray(String[]::new)), display);
                started.complete(new Object[] {display, workbench});
                workbench.createAndRunUI(workbench.getApplication());
                workbench.close();
                display.dispose();
            } catch (Throwable t) {
                failure.set(t);
                started.completeExceptionally(t);
            }
        }, "lightbox-ui");
        ui.setDaemon(true);
        ui.start();
        Object[] parts = started.get(60, TimeUnit.SECONDS);
        return new WorkbenchDriver((Display) parts[0], (E4Workbench) parts[1], ui, failure);
    }

    /** The application's context (Projects, Imports, the open project). */
    org.eclipse.e4.core.contexts.IEclipseContext context() {
        return workbench.getApplication().getContext();
    }

    /** Runs on the UI thread and returns the result. */
    <T> T ui(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        display.syncExec(() -> result.set(work.get()));
        return result.get();
    }

    /** Polls (on the UI thread) until the condition holds, or fails after the timeout. */
    void waitUntil(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            if (failure.get() != null) {
                throw new AssertionError("the workbench failed", failure.get());
            }
            if (Boolean.TRUE.equals(ui(() -> condition.getAsBoolean()))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + timeoutMillis + " ms waiting until " + what);
    }

    /** The control whose {@code getData(key)} equals {@code id}, in any shell. UI thread only. */
    <C extends Control> C find(Class<C> type, String key, String id) {
        for (Shell shell : display.getShells()) {
            C found = find(shell, type, key, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static <C extends Control> C find(Control control, Class<C> type, String key, String id) {
        if (type.isInstance(control) && id.equals(control.getData(key))) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                C found = find(child, type, key, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Selects a menu item of the main window's menu bar, e.g. {@code clickMenu("File", "Open Demo Project")}, and
     * waits until its handler is done. A dialog the handler opens (an error message) fails the test with the
     * dialog's text and is closed, instead of waiting for a click that never comes.
     */
    void clickMenu(String menu, String item) throws InterruptedException {
        MenuItem leaf = ui(() -> byText(byText(mainShell().getMenuBar(), menu).getMenu(), item));
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        display.asyncExec(() -> {
            try {
                leaf.notifyListeners(SWT.Selection, new Event());
            } finally {
                done.set(true);
            }
        });
        long end = System.currentTimeMillis() + 120_000;
        while (!done.get()) {
            String dialog = ui(this::closeDialog);
            if (dialog != null) {
                throw new AssertionError(menu + " › " + item + " opened a dialog: " + dialog);
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(menu + " › " + item + " did not finish within 120 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Selects a menu item whose handler opens a dialog, and returns the dialog's shell once it is shown (titled
     * {@code title}); the handler goes on in the dialog's event loop until the test closes the dialog.
     */
    Shell openDialog(String menu, String item, String title) throws InterruptedException {
        MenuItem leaf = ui(() -> byText(byText(mainShell().getMenuBar(), menu).getMenu(), item));
        display.asyncExec(() -> leaf.notifyListeners(SWT.Selection, new Event()));
        return waitForShell(title, 30_000);
    }

    /** Polls until a visible shell titled {@code title} is shown and returns it. */
    Shell waitForShell(String title, long timeoutMillis) throws InterruptedException {
        waitUntil("a window titled '" + title + "' is shown", timeoutMillis, () -> shell(title) != null);
        return ui(() -> shell(title));
    }

    private Shell shell(String title) {
        for (Shell shell : display.getShells()) {
            if (shell.isVisible() && title.equals(shell.getText())) {
                return shell;
            }
        }
        return null;
    }

    /** The control with this id inside one shell (a dialog's field), or fails. */
    <C extends Control> C in(Shell shell, Class<C> type, String id) {
        C found = ui(() -> find(shell, type, RepositoryPart.WIDGET_ID, id));
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " '" + id + "' in the window '" + ui(shell::getText) + "'");
        }
        return found;
    }

    /** The texts of a window's labels, its title first (a message dialog's message). UI thread only. */
    static String text(Shell shell) {
        StringBuilder text = new StringBuilder(shell.getText());
        collectText(shell, text);
        return text.toString();
    }

    /** Closes a dialog shell in front of the main window and returns its text, or returns null when there is none. */
    private String closeDialog() {
        for (Shell shell : display.getShells()) {
            if (shell.isVisible() && shell.getMenuBar() == null && shell.getParent() != null) {
                String text = text(shell);
                shell.close();
                return text;
            }
        }
        return null;
    }

    private static void collectText(Control control, StringBuilder text) {
        if (control instanceof org.eclipse.swt.widgets.Label label && !label.getText().isBlank()) {
            text.append(" | ").append(label.getText());
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collectText(child, text);
            }
        }
    }

    private static MenuItem byText(Menu menu, String text) {
        if (menu == null) {
            throw new AssertionError("no menu to look for '" + text + "' in");
        }
        menu.notifyListeners(SWT.Show, new Event());          // e4 fills menus when they are shown
        for (MenuItem item : menu.getItems()) {
            if (item.getText().replace("&", "").replace("…", "").split("\t")[0].trim().equals(text)) {
                return item;
            }
        }
        throw new AssertionError("no menu item '" + text + "'");
    }

    Shell mainShell() {
        for (Shell shell : display.getShells()) {
            if (shell.isVisible() && shell.getMenuBar() != null) {
                return shell;
            }
        }
        throw new AssertionError("no visible workbench window");
    }

    /** Polls until the control with this id exists and returns it. */
    <C extends Control> C waitFor(Class<C> type, String id, long timeoutMillis) throws InterruptedException {
        waitUntil(type.getSimpleName() + " '" + id + "' is shown", timeoutMillis,
                () -> find(type, RepositoryPart.WIDGET_ID, id) != null);
        return ui(() -> find(type, RepositoryPart.WIDGET_ID, id));
    }

    /** Chooses a read-only combo's item by its text, as a user would (the selection event included). */
    void choose(Combo combo, String item) {
        display.syncExec(() -> {
            int index = combo.indexOf(item);
            if (index < 0) {
                throw new AssertionError("no item '" + item + "' in " + List.of(combo.getItems()));
            }
            combo.select(index);
            combo.notifyListeners(SWT.Selection, new Event());
        });
    }

    /** Presses a push or toggle button. */
    void press(Button button) {
        display.syncExec(() -> {
            if ((button.getStyle() & (SWT.TOGGLE | SWT.CHECK | SWT.RADIO)) != 0) {
                button.setSelection(true);
            }
            button.notifyListeners(SWT.Selection, new Event());
        });
    }

    /** Sends an event of a type (e.g. {@link SWT#DefaultSelection}: Enter or double-click) to a widget. */
    void send(Widget widget, int eventType) {
        display.syncExec(() -> widget.notifyListeners(eventType, new Event()));
    }

    /**
     * What the screen shows of a control, read back from the X server after the control has painted: the
     * pixels a user sees, not what the code meant to draw.
     */
    ImageData capture(Control control) {
        return ui(() -> {
            control.update();
            Point origin = control.toDisplay(0, 0);
            Rectangle size = control.getBounds();
            Image image = new Image(display, size.width, size.height);
            GC gc = new GC(display);
            gc.copyArea(image, origin.x, origin.y);
            gc.dispose();
            ImageData data = image.getImageData();
            image.dispose();
            return data;
        });
    }

    /** Lets the UI thread paint whatever is pending (a few event loop turns). */
    void settle() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            display.syncExec(() -> {
                while (display.readAndDispatch()) {
                    // drain
                }
            });
            Thread.sleep(50);
        }
    }

    /** Saves what the main window shows as a PNG under {@code lightbox.screenshots} (target/screenshots). */
    Path screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("lightbox.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        display.syncExec(() -> {
            Shell shell = mainShell();
            Rectangle bounds = shell.getBounds();
            Image image = new Image(display, bounds.width, bounds.height);
            GC gc = new GC(display);
            gc.copyArea(image, bounds.x, bounds.y);
            gc.dispose();
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
            image.dispose();
        });
        return file;
    }

    @Override
    public void close() throws InterruptedException {
        if (!display.isDisposed()) {
            display.syncExec(workbench::close);
        }
        uiThread.join(20_000);
    }
}
