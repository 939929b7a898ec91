package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.ui.internal.parts.RepositoryPart;
import org.lightbox.ui.internal.parts.ThumbnailGrid;

/** The repository view on the 96 real CXR14 images of the shared data: filter bar, thumbnail grid, sorting. */
class RepositoryGridTest {

    @TempDir
    Path temp;

    /*
     * The images IMAGE_INDEX.csv labels Effusion, in file order:
     *   awk -F, 'NR>1 && $2 ~ /Effusion/{print $1}' IMAGE_INDEX.csv      (14 lines)
     */
    private static final List<String> EFFUSION = List.of("00000100_000.png", "00000282_000.png", "00000404_000.png",
            "00002542_000.png", "00004001_000.png", "00004517_000.png", "00013125_000.png", "00013911_000.png",
            "00015649_000.png", "00017999_000.png", "00026911_000.png", "00029696_000.png", "00000001_002.png",
            "00000005_007.png");

    @Test
    @DisplayName("the grid filtered to Effusion shows exactly the 14 CXR14 images IMAGE_INDEX.csv labels Effusion, with thumbnails")
    void gridFilteredToEffusion() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path project = TestProjects.cxr14(temp);
        System.setProperty(ThumbnailCache.DIRECTORY_PROPERTY, temp.resolve("thumbnails").toString());
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            Table table = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            workbench.waitUntil("the table lists the 96 images", 30_000, () -> table.getItemCount() == 96);
            workbench.press(workbench.waitFor(Button.class, RepositoryPart.GRID_BUTTON_ID, 5_000));
            ThumbnailGrid grid = workbench.waitFor(ThumbnailGrid.class, RepositoryPart.GRID_ID, 5_000);
            workbench.waitUntil("the grid is shown", 10_000, () -> grid.isVisible() && grid.getItemCount() == 96);

            workbench.choose(workbench.waitFor(Combo.class, "filter.finding", 5_000), "Effusion");
            workbench.waitUntil("the grid holds the Effusion images", 10_000, () -> grid.getItemCount() == 14);
            List<String> shown = workbench.ui(() -> IntStream.range(0, grid.getItemCount())
                    .mapToObj(i -> grid.imageAt(i).getImageId()).toList());
            assertEquals(EFFUSION, shown, "the images IMAGE_INDEX.csv labels Effusion, in the order added");
            int[] visible = workbench.ui(grid::visibleRange);
            assertTrue(visible[0] == 0 && visible[1] == 13, "all 14 cells in view, got " + visible[0] + ".." + visible[1]);
            Label summary = workbench.ui(() -> workbench.find(Label.class, RepositoryPart.WIDGET_ID, RepositoryPart.SUMMARY_ID));
            assertTrue(workbench.ui(summary::getText).contains("14 of 96 images match Effusion present (source)"),
                    workbench.ui(summary::getText));

            workbench.waitUntil("every cell has its thumbnail", 60_000,
                    () -> IntStream.range(0, 14).allMatch(grid::isSettled));
            workbench.settle();
            assertEquals(List.of(), workbench.ui(() -> IntStream.range(0, 14).mapToObj(grid::problemAt)
                    .filter(p -> p != null).toList()), "every Effusion image decodes (four are RGBA PNGs)");
            ImageData pixels = workbench.capture(grid);
            for (int i = 0; i < 14; i++) {
                int index = i;
                Rectangle at = workbench.ui(() -> grid.cellBounds(index));
                // the thumbnail's middle: a radiograph has dozens of grey levels, a placeholder one or two
                assertTrue(greyLevels(pixels, at.x + 30, at.y + 30, at.x + at.width - 30, at.y + 110) > 40,
                        "cell " + i + " (" + EFFUSION.get(i) + ") shows a radiograph, not a placeholder");
            }
            Path png = workbench.screenshot("repository-cxr14-grid-filtered");
            assertTrue(Files.size(png) > 50_000, "screenshot " + png + " looks empty");
        }
    }

    @Test
    @DisplayName("clicking the Age column sorts the table by age, again reverses it; the filter bar combines with it")
    void sortableColumns() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path project = TestProjects.cxr14(temp);
        System.setProperty(ThumbnailCache.DIRECTORY_PROPERTY, temp.resolve("thumbnails").toString());
        List<TestProjects.IndexRow> rows = TestProjects.imageIndex();
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            Table table = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            workbench.waitUntil("the table lists the 96 images", 30_000, () -> table.getItemCount() == 96);
            TableColumn age = workbench.ui(() -> table.getColumn(3));
            assertEquals("Age", workbench.ui(age::getText));
            workbench.send(age, org.eclipse.swt.SWT.Selection);
            // ages ascending, ties in file order: awk -F, 'NR>1{print $4, NR, $1}' IMAGE_INDEX.csv | sort -k1,1n -k2,2n
            List<String> byAge = new ArrayList<>(rows.stream().sorted((a, b) -> a.age() != b.age()
                    ? Integer.compare(a.age(), b.age()) : Integer.compare(rows.indexOf(a), rows.indexOf(b)))
                    .map(TestProjects.IndexRow::image).toList());
            assertEquals(byAge, columnZero(workbench, table));
            workbench.send(age, org.eclipse.swt.SWT.Selection);
            assertEquals(byAge.reversed(), columnZero(workbench, table));

            workbench.choose(workbench.waitFor(Combo.class, "filter.sex", 5_000), "F");
            workbench.waitUntil("only women are listed", 10_000, () -> table.getItemCount()
                    == rows.stream().filter(r -> r.sex().equals("F")).count());
            List<String> women = byAge.reversed().stream().filter(id -> rows.stream()
                    .anyMatch(r -> r.image().equals(id) && r.sex().equals("F"))).toList();
            assertEquals(women, columnZero(workbench, table), "still sorted by age, oldest first");
            Set<String> seen = new HashSet<>(columnZero(workbench, table));
            assertEquals(women.size(), seen.size(), "each image once");
            assertNull(workbench.ui(() -> table.getItem(0).getData(RepositoryPart.PROBLEM_KEY)));
        }
    }

    @Test
    @DisplayName("the grid pages through all 112,120 CXR14 rows, painting only the cells in view, to the last image")
    void gridAtFullScale() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path project = TestProjects.cxr14AllRows(temp);
        System.setProperty(ThumbnailCache.DIRECTORY_PROPERTY, temp.resolve("thumbnails").toString());
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            Table table = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            workbench.waitUntil("the table has 112,120 rows", 30_000, () -> table.getItemCount() == 112_120);
            workbench.press(workbench.waitFor(Button.class, RepositoryPart.GRID_BUTTON_ID, 5_000));
            ThumbnailGrid grid = workbench.waitFor(ThumbnailGrid.class, RepositoryPart.GRID_ID, 5_000);
            workbench.waitUntil("the grid is shown", 10_000, () -> grid.isVisible() && grid.getItemCount() == 112_120);
            List<Long> millis = new ArrayList<>();
            // the middle, then the end: zcat Data_Entry_2017_v2020.csv.gz | sed -n '50002p' and | tail -1
            for (int target : new int[] {50_000, 112_119}) {
                long start = System.nanoTime();
                workbench.ui(() -> {
                    grid.setSelection(new int[] {target});
                    int[] inView = grid.visibleRange();
                    for (int i = inView[0]; i <= inView[1]; i++) {
                        grid.imageAt(i); // the store pages the cells need, as painting asks for them
                    }
                    grid.update();
                    return null;
                });
                millis.add((System.nanoTime() - start) / 1_000_000);
                int[] range = workbench.ui(grid::visibleRange);
                assertTrue(range[0] <= target && target <= range[1], target + " in view, got " + range[0] + ".." + range[1]);
                assertTrue(range[1] - range[0] < 100, "only the cells in view are painted: " + range[0] + ".." + range[1]);
            }
            assertEquals("00012653_002.png", workbench.ui(() -> grid.imageAt(50_000).getImageId()));
            assertEquals("00030805_000.png", workbench.ui(() -> grid.imageAt(112_119).getImageId()));
            workbench.waitUntil("the cells in view show their 'no pixels' markers", 30_000,
                    () -> grid.isSettled(112_119) && grid.problemAt(112_119) != null);
            assertEquals("no pixels: no file location is recorded for this image",
                    workbench.ui(() -> grid.problemAt(112_119)));
            System.out.println("UI thread: jump, store pages and paint of the grid at 50,000 and 112,119: " + millis + " ms");
            workbench.settle();
            workbench.screenshot("repository-cxr14-grid-112120");
        }
    }

    private static List<String> columnZero(WorkbenchDriver workbench, Table table) {
        return workbench.ui(() -> IntStream.range(0, table.getItemCount()).mapToObj(i -> table.getItem(i).getText(0))
                .toList());
    }

    /** The number of different grey levels in a rectangle of captured pixels (a placeholder has one or two). */
    static int greyLevels(ImageData data, int x0, int y0, int x1, int y1) {
        Set<Integer> levels = new HashSet<>();
        for (int y = Math.max(0, y0); y < Math.min(data.height, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(data.width, x1); x++) {
                levels.add(data.palette.getRGB(data.getPixel(x, y)).red);
            }
        }
        return levels.size();
    }
}
