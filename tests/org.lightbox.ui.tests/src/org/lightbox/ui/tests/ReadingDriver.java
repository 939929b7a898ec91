package org.lightbox.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.lightbox.ui.internal.parts.RepositoryPart;
import org.lightbox.ui.internal.reading.ReadingEditor;

/**
 * Drives the reading editor as a radiologist does: real key presses and mouse clicks posted to the X server
 * ({@link Display#post}, XTest under Xvfb), so they travel the same way as a keyboard's, through focus and the
 * widgets' listeners.
 */
final class ReadingDriver {

    private final WorkbenchDriver workbench;
    private final Display display;

    ReadingDriver(WorkbenchDriver workbench) {
        this.workbench = workbench;
        this.display = workbench.ui(Display::getCurrent);
    }

    ReadingEditor editor() throws InterruptedException {
        Composite root = workbench.waitFor(Composite.class, ReadingEditor.EDITOR_ID, 30_000);
        return workbench.ui(() -> (ReadingEditor) root.getData(ReadingEditor.EDITOR_KEY));
    }

    Canvas canvas(String id) {
        return workbench.ui(() -> workbench.find(Canvas.class, RepositoryPart.WIDGET_ID, id));
    }

    /** Makes the main window active and gives a control the keyboard focus. */
    void focus(Control control) throws InterruptedException {
        workbench.ui(() -> {
            control.getShell().forceActive();
            return control.forceFocus();
        });
        workbench.waitUntil("the control has the keyboard focus", 10_000, control::isFocusControl);
    }

    /** Presses and releases a character key. */
    void type(char character) throws InterruptedException {
        post(keyEvent(SWT.KeyDown, character, 0));
        post(keyEvent(SWT.KeyUp, character, 0));
        workbench.settle();
    }

    /** Presses and releases a key by key code (SWT.CR, SWT.ARROW_RIGHT, SWT.F1, …), optionally with Ctrl held. */
    void press(int keyCode, boolean ctrl) throws InterruptedException {
        if (ctrl) {
            post(keyEvent(SWT.KeyDown, (char) 0, SWT.CTRL));
        }
        post(keyEvent(SWT.KeyDown, (char) 0, keyCode));
        post(keyEvent(SWT.KeyUp, (char) 0, keyCode));
        if (ctrl) {
            post(keyEvent(SWT.KeyUp, (char) 0, SWT.CTRL));
        }
        workbench.settle();
    }

    /**
     * A left click at a point of a control, with Ctrl held when asked. A plain click is posted to the X server; a
     * ctrl-click is sent to the control's own listeners with the Ctrl state, because under Xvfb without a window
     * manager a Ctrl posted through XTest did not reach the button event's state (the click came without it).
     */
    void click(Control control, int x, int y, boolean ctrl) throws InterruptedException {
        if (ctrl) {
            workbench.ui(() -> {
                for (int type : new int[] {SWT.MouseMove, SWT.MouseDown, SWT.MouseUp}) {
                    Event event = new Event();
                    event.x = x;
                    event.y = y;
                    event.button = type == SWT.MouseMove ? 0 : 1;
                    event.stateMask = SWT.CTRL;
                    control.notifyListeners(type, event);
                }
                return null;
            });
            workbench.settle();
            return;
        }
        Point at = workbench.ui(() -> control.toDisplay(x, y));
        post(mouse(SWT.MouseMove, at, 0));
        post(mouse(SWT.MouseDown, at, 1));
        post(mouse(SWT.MouseUp, at, 1));
        workbench.settle();
    }

    /** A drag with the left button from one point of a control to another, in steps. */
    void drag(Control control, int x0, int y0, int x1, int y1) throws InterruptedException {
        Point from = workbench.ui(() -> control.toDisplay(x0, y0));
        Point to = workbench.ui(() -> control.toDisplay(x1, y1));
        post(mouse(SWT.MouseMove, from, 0));
        post(mouse(SWT.MouseDown, from, 1));
        for (int step = 1; step <= 5; step++) {
            post(mouse(SWT.MouseMove, new Point(from.x + (to.x - from.x) * step / 5, from.y + (to.y - from.y) * step / 5), 0));
        }
        post(mouse(SWT.MouseUp, to, 1));
        workbench.settle();
    }

    private void post(Event event) {
        boolean posted = workbench.ui(() -> display.post(event));
        if (!posted) {
            throw new AssertionError("the X server refused a posted event (is XTest available?)");
        }
    }

    private static Event keyEvent(int type, char character, int keyCode) {
        Event event = new Event();
        event.type = type;
        event.character = character;
        event.keyCode = keyCode;
        return event;
    }

    private static Event mouse(int type, Point at, int button) {
        Event event = new Event();
        event.type = type;
        event.x = at.x;
        event.y = at.y;
        event.button = button;
        return event;
    }
}
