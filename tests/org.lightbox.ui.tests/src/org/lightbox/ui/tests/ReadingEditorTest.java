package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.demo.DemoProject;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.ReadingDesk;
import org.lightbox.store.StoreLocation;
import org.lightbox.ui.internal.Projects;
import org.lightbox.ui.internal.parts.RepositoryPart;
import org.lightbox.ui.internal.reading.ReaderIdentity;
import org.lightbox.ui.internal.reading.ReadingEditor;
import org.lightbox.ui.internal.reading.ReadingKeys;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The reading editor in the real workbench under Xvfb, driven by posted key presses and mouse clicks: 50 demo
 * images labelled in single-image mode, 100 reviewed on contact sheets with ctrl-click and space; the store
 * holds exactly what was decided, blinded from the demo's simulated readers.
 */
class ReadingEditorTest {

    private static final String READER = "ui-reader";

    @TempDir
    Path demoFolder;

    @AfterEach
    void forgetReader() {
        System.clearProperty(ReaderIdentity.PROPERTY);
    }

    private WorkbenchDriver startOnDemo(int from, int count) throws Exception {
        WorkbenchDriver.requireDisplay();
        System.setProperty(Projects.DEMO_DIR_PROPERTY, demoFolder.toString());
        System.setProperty(ReaderIdentity.PROPERTY, READER);
        WorkbenchDriver workbench = WorkbenchDriver.start();
        workbench.clickMenu("File", "Open Demo Project");
        Table table = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
        workbench.waitUntil("the demo's images are listed", 60_000, () -> table.getItemCount() >= from + count);
        workbench.ui(() -> {
            table.setSelection(from, from + count - 1);
            table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            return null;
        });
        workbench.clickMenu("Image", "Read");
        return workbench;
    }

    @Test
    @DisplayName("50 demo images labelled with finding keys and Enter are in the store, one call per finding, blinded")
    void labelFiftyImagesInSingleMode() throws Exception {
        try (WorkbenchDriver workbench = startOnDemo(0, 50)) {
            ReadingDriver reading = new ReadingDriver(workbench);
            ReadingEditor editor = reading.editor();
            Canvas canvas = workbench.waitFor(Canvas.class, ReadingEditor.CANVAS_ID, 30_000);
            workbench.waitUntil("the first image is shown", 30_000, editor::imageShown);
            reading.focus(canvas);
            Label labels = workbench.waitFor(Label.class, "reading.labels", 1_000);
            assertEquals("", workbench.ui(labels::getText), "original labels are hidden by default");
            reading.type(ReadingKeys.LABELS);
            assertTrue(workbench.ui(labels::getText).startsWith("Original labels"), workbench.ui(labels::getText));
            reading.type(ReadingKeys.LABELS);

            var before = workbench.ui(() -> editor.session().current().getImageId());
            Rectangle area = workbench.ui(canvas::getClientArea);
            Label status = workbench.waitFor(Label.class, ReadingEditor.STATUS_ID, 1_000);
            String windowBefore = workbench.ui(status::getText);
            reading.drag(canvas, area.width / 2, area.height / 2, area.width / 2 + 80, area.height / 2 - 40);
            assertNotEquals(windowBefore, workbench.ui(status::getText), "a drag changes the window");
            reading.type(ReadingKeys.INVERT);
            reading.type(ReadingKeys.ROTATE);
            assertTrue(workbench.ui(status::getText).contains("inverted"), workbench.ui(status::getText));
            assertTrue(workbench.ui(status::getText).contains("turned 90°"), workbench.ui(status::getText));
            reading.press(SWT.F5, false);                       // F5: child

            Map<String, String> chosen = new HashMap<>();
            for (int i = 0; i < 50; i++) {
                int image = i;
                String id = workbench.ui(() -> editor.session().current().getImageId());
                int finding = i % 4;                          // keys 1..4: Atelectasis, Cardiomegaly, Effusion, Infiltration
                reading.type(ReadingKeys.FINDING_KEYS.charAt(finding));
                chosen.put(id, workbench.ui(() -> editor.session().findings().get(finding).getCode()));
                if (i == 2) {
                    reading.type(ReadingKeys.LABELS);          // for the screenshot: labels shown, a call made
                    workbench.screenshot("reading-single");
                    reading.type(ReadingKeys.LABELS);
                }
                reading.press(SWT.CR, false);
                workbench.waitUntil("image " + (image + 2) + " is current", 10_000,
                        () -> editor.session().position() == Math.min(49, image + 1));
            }
            assertEquals(49, workbench.ui(() -> editor.session().position()));
            assertTrue(workbench.ui(status::getText).startsWith("End of the list: all 50 images shown"),
                    "the 50th Enter says why no image follows: " + workbench.ui(status::getText));

            workbench.clickMenu("Image", "Reading Throughput");
            Table throughput = workbench.waitFor(Table.class, org.lightbox.ui.internal.parts.ThroughputPart.TABLE_ID, 10_000);
            List<String> mineRow = workbench.ui(() -> java.util.stream.Stream.of(throughput.getItems())
                    .filter(item -> item.getText(0).equals(READER)).map(item -> item.getText(3) + " | " + item.getText(4))
                    .toList());
            assertEquals(1, mineRow.size(), "one session of this reader: " + mineRow);
            assertTrue(mineRow.getFirst().startsWith("50 | "), "50 images, images/min with its interval: " + mineRow);
            assertTrue(mineRow.getFirst().matches("50 \\| [0-9.]+ \\([0-9.]+–[0-9.]+\\)"), mineRow.getFirst());
            assertEquals(before, workbench.ui(() -> editor.session().images().getFirst().getImageId()));

            try (ProjectSession session = sqlite().open(new StoreLocation.SqliteFile(demoFolder.resolve(DemoProject.FILE_NAME)))) {
                ReadingDesk desk = session.desk(READER);
                List<Read> mine = desk.reads();
                int findings = session.project().getLabelSchema().getFindings().size();
                assertEquals(50 * findings, mine.size(), "every finding of every image has this reader's call");
                for (Read read : mine) {
                    boolean present = read.getFinding().getCode().equals(chosen.get(read.getImage().getImageId()));
                    assertEquals(present ? ReadValue.PRESENT : ReadValue.ABSENT, read.getValue(),
                            read.getImage().getImageId() + " " + read.getFinding().getCode());
                }
                assertTrue(session.allReads().size() > mine.size(), "the demo's simulated readers' reads exist");
                assertTrue(mine.stream().allMatch(r -> r.getReader().getId().equals(READER)), "the desk shows only mine");
                assertEquals(List.of(QualityIssue.CHILD), desk.flagsOfImage(before).stream().map(QualityFlag::getIssue).toList());
            }
        }
    }

    @Test
    @DisplayName("100 demo images reviewed on contact sheets: ctrl-clicked and space-marked ones absent, the rest present")
    void reviewHundredImagesOnContactSheets() throws Exception {
        try (WorkbenchDriver workbench = startOnDemo(100, 100)) {
            ReadingDriver reading = new ReadingDriver(workbench);
            ReadingEditor editor = reading.editor();
            Canvas canvas = workbench.waitFor(Canvas.class, ReadingEditor.CANVAS_ID, 30_000);
            reading.focus(canvas);
            reading.type(ReadingKeys.SHEET);
            Canvas sheet = workbench.waitFor(Canvas.class, ReadingEditor.SHEET_ID, 10_000);
            workbench.waitUntil("contact-sheet mode", 10_000, editor::sheetMode);
            Combo question = workbench.waitFor(Combo.class, ReadingEditor.QUESTION_ID, 1_000);
            workbench.choose(question, workbench.ui(() -> question.getItem(3))); // the third finding: Effusion
            String code = workbench.ui(() -> editor.questionFinding().getCode());
            reading.focus(sheet);

            List<String> marked = new ArrayList<>();
            Rectangle area = workbench.ui(sheet::getClientArea);
            int cols = 8;
            int rows = 6;
            for (int page = 0; page < 3; page++) {
                int first = page * 48;
                workbench.waitUntil("page " + (page + 1) + "'s thumbnails are loaded", 60_000,
                        () -> editor.sheetPending() == 0 && editor.paintedAt() > 0);
                for (int cell : new int[] {1, 10, 19}) {      // ctrl-click three cells of each page
                    if (first + cell >= 100) {
                        continue;
                    }
                    int x = (cell % cols) * (area.width / cols) + area.width / cols / 2;
                    int y = (cell / cols) * (area.height / rows) + area.height / rows / 2;
                    reading.click(sheet, x, y, true);
                    marked.add(workbench.ui(() -> editor.session().images().get(first + cell).getImageId()));
                }
                // the focus is on the last ctrl-clicked cell: space marks it again (unmarks) and the next one
                int focus = workbench.ui(() -> editor.session().images().indexOf(editor.session().images().stream()
                        .filter(i -> i.getImageId().equals(marked.getLast())).findFirst().orElseThrow()));
                reading.type(ReadingKeys.MARK);               // unmarks the focused one, focus moves on
                marked.removeLast();
                reading.type(ReadingKeys.MARK);               // marks the next one
                marked.add(workbench.ui(() -> editor.session().images().get(focus + 1).getImageId()));
                if (page == 0) {
                    String focused = workbench.ui(() -> editor.session().images().get(focus + 2).getImageId());
                    workbench.waitUntil("the side panel shows the focused image", 5_000, () -> workbench.find(Label.class,
                            ReadingEditor.WIDGET_ID, "reading.metadata").getText().startsWith(focused + "\n"));
                    workbench.screenshot("reading-sheet");
                    reading.type('o');                        // the focused image full size, and back
                    workbench.waitUntil("single mode", 5_000, () -> !editor.sheetMode());
                    reading.press(SWT.ESC, false);
                    workbench.waitUntil("back on the sheet", 5_000, editor::sheetMode);
                }
                reading.press(SWT.ARROW_RIGHT, false);         // commits the page's answers, shows the next
            }

            try (ProjectSession session = sqlite().open(new StoreLocation.SqliteFile(demoFolder.resolve(DemoProject.FILE_NAME)))) {
                List<Read> mine = session.desk(READER).reads();
                assertEquals(100, mine.size(), "one answer per reviewed image");
                for (Read read : mine) {
                    assertEquals(code, read.getFinding().getCode());
                    assertEquals(marked.contains(read.getImage().getImageId()) ? ReadValue.ABSENT : ReadValue.PRESENT,
                            read.getValue(), read.getImage().getImageId());
                }
                assertEquals(7, marked.size(), "3 + 3 on full pages, 1 on the last (4 images): " + marked);
                assertEquals(7, mine.stream().filter(r -> r.getValue() == ReadValue.ABSENT).count());
            }
        }
    }

    @Test
    @DisplayName("on the 96 real CXR14 PNGs both modes work: calls by key, a sheet of real thumbnails, answers stored")
    void bothModesOnRealCxr14Images() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path project = TestProjects.cxr14(demoFolder);
        System.setProperty(ReaderIdentity.PROPERTY, READER);
        System.setProperty(org.lightbox.imaging.ThumbnailCache.DIRECTORY_PROPERTY, demoFolder.resolve("thumbnails").toString());
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            Table table = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            workbench.waitUntil("the 96 images are listed", 30_000, () -> table.getItemCount() == 96);
            workbench.ui(() -> {
                table.selectAll();
                table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                return null;
            });
            workbench.clickMenu("Image", "Read");
            ReadingDriver reading = new ReadingDriver(workbench);
            ReadingEditor editor = reading.editor();
            Canvas canvas = workbench.waitFor(Canvas.class, ReadingEditor.CANVAS_ID, 30_000);
            workbench.waitUntil("the first CXR14 image is shown", 30_000, editor::imageShown);
            reading.focus(canvas);
            for (int i = 0; i < 3; i++) {
                int next = i + 1;
                reading.type(ReadingKeys.FINDING_KEYS.charAt(7));  // 8: Pneumothorax
                reading.press(SWT.CR, false);
                workbench.waitUntil("the next image", 10_000, () -> editor.session().position() == next);
            }
            workbench.screenshot("reading-single-cxr14");
            reading.type(ReadingKeys.SHEET);
            Canvas sheet = workbench.waitFor(Canvas.class, ReadingEditor.SHEET_ID, 10_000);
            Combo question = workbench.waitFor(Combo.class, ReadingEditor.QUESTION_ID, 1_000);
            workbench.choose(question, workbench.ui(() -> question.getItem(8)));        // Is this Pneumothorax?
            reading.focus(sheet);
            workbench.waitUntil("the sheet's real thumbnails are loaded", 60_000, () -> editor.sheetPending() == 0);
            Rectangle area = workbench.ui(sheet::getClientArea);
            reading.click(sheet, area.width / 16, area.height / 12, true);            // cell 0: not pneumothorax
            workbench.screenshot("reading-sheet-cxr14");
            reading.press(SWT.ARROW_RIGHT, false);
            try (ProjectSession session = sqlite().open(new StoreLocation.SqliteFile(project))) {
                Map<String, ReadValue> pneumothorax = new HashMap<>();
                for (Read read : session.desk(READER).reads()) {
                    if (read.getFinding().getCode().equals("Pneumothorax")) {
                        pneumothorax.put(read.getImage().getImageId(), read.getValue());
                    }
                }
                assertEquals(48, pneumothorax.size(), "the first sheet's 48 answers (3 images read before included)");
                assertEquals(1, pneumothorax.values().stream().filter(v -> v == ReadValue.ABSENT).count());
            }
        } finally {
            System.clearProperty(org.lightbox.imaging.ThumbnailCache.DIRECTORY_PROPERTY);
        }
    }

    @Test
    @DisplayName("Image › Read Reading List reads the random per-class list a lead assigned to this reader, in its order")
    void readsAnAssignedReadingList() throws Exception {
        WorkbenchDriver.requireDisplay();
        System.setProperty(Projects.DEMO_DIR_PROPERTY, demoFolder.toString());
        System.setProperty(ReaderIdentity.PROPERTY, READER);
        try (WorkbenchDriver workbench = WorkbenchDriver.start()) {
            workbench.clickMenu("File", "Open Demo Project");
            List<String> assigned;          // the lead assigns the list from another connection meanwhile
            try (ProjectSession lead = sqlite().open(new StoreLocation.SqliteFile(demoFolder.resolve(DemoProject.FILE_NAME)))) {
                ReaderIdentity.desk(lead);                                   // adds ui-reader to the project
                assigned = lead.assignRandomPerClass("first look", READER, 2, 7).imageIds();
            }
            workbench.clickMenu("Image", "Read Reading List");
            ReadingEditor editor = new ReadingDriver(workbench).editor();
            workbench.waitUntil("the list is being read", 30_000, () -> editor.session() != null);
            assertEquals(assigned, workbench.ui(() -> editor.session().images().stream()
                    .map(org.lightbox.model.ImageRecord::getImageId).toList()));
            assertFalse(assigned.isEmpty(), "the demo has images of several classes");
        }
    }

    static ProjectStore sqlite() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ReadingEditorTest.class).getBundleContext();
        ServiceTracker<ProjectStore, ProjectStore> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + ProjectStore.class.getName() + ")(store.kind=sqlite))"), null);
        tracker.open();
        return tracker.waitForService(10_000);
    }

    static org.lightbox.dataset.DatasetImporter importer() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ReadingEditorTest.class).getBundleContext();
        ServiceTracker<org.lightbox.dataset.DatasetImporter, org.lightbox.dataset.DatasetImporter> tracker =
                new ServiceTracker<>(context, org.lightbox.dataset.DatasetImporter.class, null);
        tracker.open();
        return tracker.waitForService(10_000);
    }
}
