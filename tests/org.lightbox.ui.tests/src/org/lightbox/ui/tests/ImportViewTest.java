package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dataset.ImportReport;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.imports.ImportJob;
import org.lightbox.ui.internal.imports.ImportReportPart;
import org.lightbox.ui.internal.imports.ImportRequest;
import org.lightbox.ui.internal.imports.ImportRequest.Kind;
import org.lightbox.ui.internal.imports.Imports;
import org.lightbox.ui.internal.parts.RepositoryPart;

/**
 * File › Import as the workbench runs it: a Job with progress and Cancel, the Import view's report, the
 * repository listing what came in. The file choosers are the platform's own dialogs, so the test starts the
 * import where the handler does after them ({@link Imports#start}).
 */
class ImportViewTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("importing the folder of 96 real CXR14 PNGs shows one report row per file and lists 96 images")
    void folderImportReportsEveryFile() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path images = TestProjects.shared("cxr14/images");
        Path project = TestProjects.write(temp, TestProjects.project("Import test"), List.of());
        System.setProperty(ThumbnailCache.DIRECTORY_PROPERTY, temp.resolve("thumbnails").toString());
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            Table repository = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            ImportJob job = workbench.ui(() -> workbench.context().get(Imports.class)
                    .start(new ImportRequest(Kind.FOLDER, images, null, null)));
            Table outcomes = workbench.waitFor(Table.class, ImportReportPart.OUTCOMES_ID, 10_000);
            // ls ../shared/data/cxr14/images | wc -l -> 96
            workbench.waitUntil("the report lists every file", 120_000, () -> outcomes.getItemCount() == 96);
            ImportReport report = job.report();
            assertEquals(96, report.imported() + report.skipped() + report.failed());
            Text summary = workbench.waitFor(Text.class, ImportReportPart.SUMMARY_ID, 1_000);
            assertTrue(workbench.ui(summary::getText).contains(report.imported() + " imported"),
                    workbench.ui(summary::getText));
            workbench.waitUntil("the repository lists the imported images", 10_000,
                    () -> repository.getItemCount() == report.imported());
            assertEquals(96, report.imported(), report.summary());
            assertEquals("00000001_000.png", workbench.ui(() -> outcomes.getItem(0).getText(0)));
            assertEquals("imported", workbench.ui(() -> outcomes.getItem(0).getText(1)));
            workbench.settle();
            workbench.screenshot("import-report-cxr14-folder");
        }
    }

    @Test
    @DisplayName("cancelling the import of the full CXR14 label file keeps whole batches: the store holds exactly the"
            + " rows the report calls imported, fewer than 112,120")
    void cancelledImportLeavesTheStoreConsistent() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path labels = TestProjects.shared("cxr14/Data_Entry_2017_v2020.csv.gz");
        Path project = TestProjects.write(temp, TestProjects.project("Cancel test"), List.of());
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            ImportJob job = workbench.ui(() -> workbench.context().get(Imports.class)
                    .start(new ImportRequest(Kind.CXR14_LABELS, labels, null, null)));
            workbench.waitUntil("the first rows are in", 60_000, () -> job.fraction() > 0.02 || job.isDone());
            Button cancel = workbench.waitFor(Button.class, ImportReportPart.CANCEL_ID, 1_000);
            workbench.press(cancel);
            workbench.waitUntil("the import stops", 60_000, job::isDone);
            ImportReport report = job.report();
            assertTrue(report.cancelled(), report.summary());
            OpenProject open = workbench.context().get(OpenProject.class);
            long stored = open.session().imageCount();
            assertEquals(report.imported(), stored, "every row reported imported is stored, and nothing else");
            assertTrue(stored > 0 && stored < 112_120, "stopped part way: " + stored);
            Label label = workbench.waitFor(Label.class, RepositoryPart.SUMMARY_ID, 1_000);
            String expected = String.format("%,d images", stored);
            try {
                workbench.waitUntil("the repository shows the stored rows", 10_000,
                        () -> label.getText().contains(expected));
            } catch (AssertionError e) {
                throw new AssertionError("expected '" + expected + "' in: " + workbench.ui(label::getText), e);
            }
            workbench.settle();
            workbench.screenshot("import-cancelled-cxr14-labels");
        }
    }
}
