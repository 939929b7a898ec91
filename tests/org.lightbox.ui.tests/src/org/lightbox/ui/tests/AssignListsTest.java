package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.demo.DemoProject;
import org.lightbox.model.ImageRecord;
import org.lightbox.store.PanelLists;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ReadingList;
import org.lightbox.store.StoreLocation;
import org.lightbox.ui.internal.Projects;
import org.lightbox.ui.internal.handlers.AssignListsDialog;
import org.lightbox.ui.internal.handlers.AssignListsHandler;
import org.lightbox.ui.internal.parts.RepositoryPart;
import org.lightbox.ui.internal.parts.ThroughputPart;
import org.lightbox.ui.internal.reading.ReaderIdentity;
import org.lightbox.ui.internal.reading.ReadingEditor;

/**
 * Image › Assign Reading Lists in the real workbench under Xvfb: a lead assigns a random per-class list to two new
 * readers and a list from the repository's filter to one of the demo's readers; a name a reader already has is
 * refused in the dialog with nothing assigned; then a panel member reads the list with Image › Read Reading List.
 */
class AssignListsTest {

    @TempDir
    Path demoFolder;

    @AfterEach
    void forgetReader() {
        System.clearProperty(ReaderIdentity.PROPERTY);
    }

    @Test
    @DisplayName("a lead assigns lists to the panel from a random draw and from the repository filter; a reader reads one")
    void leadAssignsAndReaderReads() throws Exception {
        WorkbenchDriver.requireDisplay();
        System.setProperty(Projects.DEMO_DIR_PROPERTY, demoFolder.toString());
        System.setProperty(ReaderIdentity.PROPERTY, "panel-a");
        try (WorkbenchDriver workbench = WorkbenchDriver.start()) {
            workbench.clickMenu("File", "Open Demo Project");
            Table repository = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            workbench.waitUntil("the demo's images are listed", 60_000, () -> repository.getItemCount() > 100);

            Shell dialog = workbench.openDialog("Image", "Assign Reading Lists", AssignListsDialog.TITLE);
            Table readers = workbench.in(dialog, Table.class, AssignListsDialog.READERS_ID);
            assertTrue(workbench.ui(() -> readers.getItemCount()) >= 3, "the demo's simulated readers are offered");
            type(workbench, dialog, AssignListsDialog.NAME_ID, "first look");
            type(workbench, dialog, AssignListsDialog.NEW_READERS_ID, "panel-a, panel-b");
            workbench.ui(() -> {
                workbench.in(dialog, Spinner.class, AssignListsDialog.PER_CLASS_ID).setSelection(3);
                return null;
            });
            type(workbench, dialog, AssignListsDialog.SEED_ID, "11");
            workbench.settle();
            workbench.screenshot("assign-reading-lists");
            String done = assign(workbench, dialog);
            assertTrue(done.contains("'first look' (random 3 per class, seed 11) was assigned to:"), done);

            List<ReadingList> lists;
            String simulated;
            try (ProjectSession lead = ReadingEditorTest.sqlite().open(
                    new StoreLocation.SqliteFile(demoFolder.resolve(DemoProject.FILE_NAME)))) {
                lists = lead.readingLists().stream().filter(l -> l.name().equals("first look")).toList();
                assertEquals(List.of("panel-a", "panel-b"), lists.stream().map(ReadingList::readerId).toList());
                PanelLists.ensureReader(lead, "fresh-reader");
                assertEquals(lead.assignRandomPerClass("check", "fresh-reader", 3, 11).items(), lists.getFirst().items(),
                        "a new reader's list is the seeded draw, as the store makes it");
                assertTrue(done.contains("panel-a: " + lists.getFirst().items().size() + " images"), done);
                simulated = lead.project().getReaders().getFirst().getId();
            }

            Shell again = workbench.openDialog("Image", "Assign Reading Lists", AssignListsDialog.TITLE);
            type(workbench, again, AssignListsDialog.NAME_ID, "first look");
            type(workbench, again, AssignListsDialog.NEW_READERS_ID, "panel-c, panel-b");
            workbench.press(workbench.in(again, Button.class, AssignListsDialog.RANDOM_ID));
            workbench.ui(() -> {
                again.getDefaultButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                return null;
            });
            String refused = workbench.ui(() -> ((TitleAreaDialog) again.getData()).getErrorMessage());
            assertEquals("Reader 'panel-b' already has a reading list named 'first look'; nothing was assigned", refused);
            assertFalse(workbench.ui(again::isDisposed), "the dialog stays open to correct the name");
            type(workbench, again, AssignListsDialog.NAME_ID, "first ten");
            type(workbench, again, AssignListsDialog.NEW_READERS_ID, "");
            workbench.ui(() -> {
                for (var item : readers(workbench, again).getItems()) {
                    item.setChecked(simulated.equals(item.getData()));
                }
                choose(workbench.in(again, Button.class, AssignListsDialog.FILTER_ID));
                workbench.in(again, Button.class, AssignListsDialog.SKIP_READ_ID).setSelection(false); // they read all
                workbench.in(again, Spinner.class, AssignListsDialog.LIMIT_ID).setSelection(10);
                return null;
            });
            assertTrue(assign(workbench, again).contains(simulated + ": 10 images"));
            try (ProjectSession lead = ReadingEditorTest.sqlite().open(
                    new StoreLocation.SqliteFile(demoFolder.resolve(DemoProject.FILE_NAME)))) {
                assertEquals(lead.images(0, 10).stream().map(ImageRecord::getImageId).toList(),
                        lead.desk(simulated).readingList("first ten").orElseThrow().imageIds(),
                        "the unfiltered repository lists the images in the order added");
            }

            workbench.clickMenu("Image", "Read Reading List");        // panel-a reads the only list assigned to them
            ReadingEditor editor = new ReadingDriver(workbench).editor();
            workbench.waitUntil("the list is being read", 30_000, () -> editor.session() != null);
            assertEquals(lists.getFirst().imageIds(), workbench.ui(() -> editor.session().images().stream()
                    .map(ImageRecord::getImageId).toList()));
            assertEquals(0, workbench.ui(() -> editor.session().position()));

            ReadingDriver reading = new ReadingDriver(workbench);           // two images read, then the list again
            reading.focus(reading.canvas(ReadingEditor.CANVAS_ID));
            for (int i = 1; i <= 2; i++) {
                workbench.waitUntil("image " + i + " is shown", 30_000, editor::imageShown);
                reading.press(SWT.CR, false);
                int next = i;
                workbench.waitUntil("image " + (i + 1) + " is current", 30_000, () -> editor.session().position() == next);
            }
            var sitting = workbench.ui(editor::session);
            workbench.clickMenu("Image", "Read Reading List");
            workbench.waitUntil("the list is opened again", 30_000, () -> editor.session() != sitting);
            assertEquals(2, workbench.ui(() -> editor.session().position()), "it goes on at its first unread image");
            assertEquals(lists.getFirst().items().size(), workbench.ui(() -> editor.session().images().size()));

            workbench.clickMenu("Image", "Reading Throughput");            // the lead's view of how far each reader is
            Table progress = workbench.waitFor(Table.class, ThroughputPart.LISTS_ID, 10_000);
            List<String> rows = workbench.ui(() -> java.util.Arrays.stream(progress.getItems())
                    .map(i -> i.getText(0) + " | " + i.getText(1) + " | " + i.getText(2) + " of " + i.getText(3)).toList());
            int n = lists.getFirst().items().size();
            assertEquals(List.of("panel-a | first look | 2 of " + n, "panel-b | first look | 0 of " + lists.get(1).items().size(),
                    simulated + " | first ten | 10 of 10"), rows.stream().filter(r -> !r.contains("| check |")).toList());
            workbench.settle();
            workbench.screenshot("reading-progress");
        }
    }

    private static Table readers(WorkbenchDriver workbench, Shell dialog) {
        return workbench.in(dialog, Table.class, AssignListsDialog.READERS_ID);
    }

    private static void type(WorkbenchDriver workbench, Shell dialog, String id, String text) {
        Text field = workbench.in(dialog, Text.class, id);
        workbench.ui(() -> {
            field.setText(text);
            return null;
        });
    }

    /** Selects a radio button and clears its siblings, as a click does. UI thread only. */
    private static void choose(Button radio) {
        for (Control sibling : radio.getParent().getChildren()) {
            if (sibling instanceof Button b && (b.getStyle() & SWT.RADIO) != 0) {
                b.setSelection(b == radio);
            }
        }
    }

    /** Presses Assign and returns the text of the confirmation, closing it. */
    private static String assign(WorkbenchDriver workbench, Shell dialog) throws InterruptedException {
        workbench.ui(() -> {
            dialog.getDefaultButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            return null;
        });
        Shell done = workbench.waitForShell(AssignListsHandler.DONE_TITLE, 30_000);
        String text = workbench.ui(() -> WorkbenchDriver.text(done));
        workbench.ui(() -> {
            done.close();
            return null;
        });
        return text;
    }
}
