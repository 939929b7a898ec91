package org.lightbox.ui.tests;

import java.nio.file.Path;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Table;
import org.lightbox.ui.internal.Projects;
import org.lightbox.ui.internal.parts.RepositoryPart;
import org.lightbox.ui.internal.reading.ReaderIdentity;
import org.lightbox.ui.internal.reading.ReadingEditor;
import org.lightbox.ui.internal.reading.ReadingKeys;

/**
 * The reading workbench in a process of its own (application {@code org.lightbox.ui.killableReading}, started by
 * {@link KilledWorkbenchTest} with the test runtime's bundles): opens the demo project in {@code lightbox.demo.dir},
 * reads its images by posted key presses (a finding key, then Enter) and prints {@code ack <image> <finding>}
 * once the next image is on screen, i.e. once the editor has acknowledged the decision. Runs until killed.
 */
public final class KillableReading implements IApplication {

    @Override
    public Object start(IApplicationContext context) throws Exception {
        System.setProperty(ReaderIdentity.PROPERTY, System.getProperty(ReaderIdentity.PROPERTY, "killed-reader"));
        System.out.println("demo " + Path.of(System.getProperty(Projects.DEMO_DIR_PROPERTY)));
        WorkbenchDriver workbench = WorkbenchDriver.start();
        workbench.clickMenu("File", "Open Demo Project");
        Table table = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 60_000);
        workbench.waitUntil("the demo's images are listed", 60_000, () -> table.getItemCount() >= 100);
        workbench.ui(() -> {
            table.setSelection(0, 99);
            table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            return null;
        });
        workbench.clickMenu("Image", "Read");
        ReadingDriver reading = new ReadingDriver(workbench);
        ReadingEditor editor = reading.editor();
        Canvas canvas = workbench.waitFor(Canvas.class, ReadingEditor.CANVAS_ID, 30_000);
        reading.focus(canvas);
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; i < 99; i++) {
            int next = i + 1;
            String image = workbench.ui(() -> editor.session().current().getImageId());
            int finding = i % 5;
            String code = workbench.ui(() -> editor.session().findings().get(finding).getCode());
            reading.type(ReadingKeys.FINDING_KEYS.charAt(finding));
            reading.press(SWT.CR, false);
            workbench.waitUntil("image " + (next + 1) + " is shown", 10_000, () -> editor.session().position() == next);
            System.out.println("ack " + image + " " + code);
            System.out.flush();
        }
        System.out.println("done");
        return IApplication.EXIT_OK;
    }

    @Override
    public void stop() {
        // killed, never stopped
    }
}
