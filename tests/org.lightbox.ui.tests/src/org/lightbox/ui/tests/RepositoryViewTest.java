package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.ui.internal.Projects;
import org.lightbox.ui.internal.parts.RepositoryPart;

/** The real workbench under Xvfb: File › Open Demo Project fills the repository view with the demo's images. */
class RepositoryViewTest {

    @TempDir
    Path demoFolder;

    @Test
    @DisplayName("File › Open Demo Project lists every demo image on disk, with thumbnails, in the repository view")
    void demoProjectShowsItsImages() throws Exception {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must run the UI tests under Xvfb, but DISPLAY is not set");
            }
            Assumptions.abort("no X display (DISPLAY unset): run the tests through ./lightbox test, which uses xvfb-run");
        }
        System.setProperty(Projects.DEMO_DIR_PROPERTY, demoFolder.toString());
        try (WorkbenchDriver workbench = WorkbenchDriver.start()) {
            workbench.waitUntil("the repository view is shown", 30_000,
                    () -> workbench.find(Table.class, RepositoryPart.WIDGET_ID, RepositoryPart.TABLE_ID) != null);
            Label summary = workbench.ui(() -> workbench.find(Label.class, RepositoryPart.WIDGET_ID, RepositoryPart.SUMMARY_ID));
            assertTrue(workbench.ui(summary::getText).startsWith("No project open"), workbench.ui(summary::getText));

            workbench.clickMenu("File", "Open Demo Project");

            List<String> onDisk = pngNames(demoFolder.resolve("images"));
            assertTrue(onDisk.size() >= 10, "the demo should have written its images, found " + onDisk.size());
            Table table = workbench.ui(() -> workbench.find(Table.class, RepositoryPart.WIDGET_ID, RepositoryPart.TABLE_ID));
            workbench.waitUntil("the table has a row per image", 30_000, () -> table.getItemCount() == onDisk.size());
            List<String> shown = workbench.ui(() -> Stream.of(table.getItems()).map(i -> i.getText(0)).sorted().toList());
            assertEquals(onDisk, shown, "one row per image file, named after it");
            assertTrue(workbench.ui(summary::getText).contains(onDisk.size() + " images"), workbench.ui(summary::getText));

            workbench.waitUntil("the first visible rows have thumbnails", 30_000,
                    () -> Stream.of(table.getItems()).limit(4).allMatch(RepositoryViewTest::hasThumbnail));
            Path png = workbench.screenshot("repository-demo");
            assertTrue(Files.size(png) > 10_000, "screenshot " + png + " looks empty");
        }
    }

    /** A thumbnail has many grey levels; the placeholder shown while loading has one. */
    private static boolean hasThumbnail(TableItem item) {
        Image image = item.getImage(0);
        if (image == null) {
            return false;
        }
        ImageData data = image.getImageData();
        int first = data.getPixel(0, 0);
        for (int y = 0; y < data.height; y += 4) {
            for (int x = 0; x < data.width; x += 4) {
                if (data.getPixel(x, y) != first) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> pngNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }
}
