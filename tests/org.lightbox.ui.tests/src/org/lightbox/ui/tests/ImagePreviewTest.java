package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.ui.internal.parts.ImagePreviewPart;
import org.lightbox.ui.internal.parts.RepositoryPart;

/**
 * Opening DICOM chest radiographs in the preview, checked on the pixels the screen shows.
 * <p>
 * Reference: dcmtk renders each file to a PGM and ImageMagick measures the regions this test measures (lung
 * fields: x 20–35 % and 65–80 %, mediastinum: x 46–54 %, both y 35–60 % of the image):
 * <pre>
 *   dcmj2pnm --write-8-bit-pnm FILE out.pgm            (CR-MONO1-10-chest.dcm: --use-window 1)
 *   convert out.pgm -crop WxH+X+Y -format "%[fx:mean*255]" info:
 * </pre>
 * MONOCHROME2 original: lungs 119.9 / 117.9, mediastinum 209.7. CR-MONO1-10-chest.dcm (a real Fuji CR, MONOCHROME1):
 * lungs 98.4 / 100.7, mediastinum 182.7, so a viewer that inverts MONOCHROME1 shows bone white and lungs dark.
 * Fake_MONOHR1.dcm: lungs 135.4 / 137.5, mediastinum 46.3: {@code cmp -l} finds one byte changed against the
 * original (offset 875, '2' → '1' in Photometric Interpretation), the pixel data is the same. The file says its
 * low values are white while its pixels are MONOCHROME2 values, so a viewer that follows the header blindly
 * (dcmtk does) shows the negative of the original. Radiologists read bone white: the preview shows it like the
 * original and says in its status line that the header was overruled (see {@code Polarity}).
 */
class ImagePreviewTest {

    @TempDir
    Path temp;

    private static final String ORIGINAL = "dicom/chest/1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm";

    @Test
    @DisplayName("the preview shows a real MONOCHROME1 chest with white bone, and a positive film mislabelled MONOCHROME1 not as a negative")
    void monochrome1IsNotANegative() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path original = TestProjects.shared(ORIGINAL);
        Path fake = TestProjects.shared("dicom/chest/Fake_MONOHR1.dcm");
        Path realMono1 = TestProjects.shared("dicom/fo-dicom/CR-MONO1-10-chest.dcm");
        Path project = TestProjects.write(temp, TestProjects.project("DICOM chests"), List.of(
                TestProjects.image("original-monochrome2", original.toString(), ImageFormat.DICOM),
                TestProjects.image("fake-monochrome1", fake.toString(), ImageFormat.DICOM),
                TestProjects.image("cr-monochrome1", realMono1.toString(), ImageFormat.DICOM)));
        System.setProperty(ThumbnailCache.DIRECTORY_PROPERTY, temp.resolve("thumbnails").toString());
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            Table table = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            workbench.waitUntil("the table lists the three files", 30_000, () -> table.getItemCount() == 3);
            workbench.ui(() -> {
                table.setFocus();
                table.selectAll();
                table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                return null;
            });
            workbench.send(table, SWT.DefaultSelection); // Enter
            Canvas canvas = workbench.waitFor(Canvas.class, ImagePreviewPart.CANVAS_ID, 30_000);

            Regions m2 = shown(workbench, canvas, "original-monochrome2");
            assertTrue(m2.mediastinum() - m2.lungs() > 50, "MONOCHROME2 original: lungs dark, mediastinum bright " + m2);
            workbench.screenshot("preview-dicom-monochrome2");

            next(workbench);
            Regions patched = shown(workbench, canvas, "fake-monochrome1");
            workbench.screenshot("preview-dicom-fake-monochrome1");
            // not dcmtk's negative (lungs 135.4, mediastinum 46.3) but the original's positive (119.9, 209.7)
            assertEquals(m2.lungs(), patched.lungs(), 6, "lungs of the mislabelled file, as the original shows them " + patched);
            assertEquals(m2.mediastinum(), patched.mediastinum(), 6, "mediastinum, as the original shows it " + patched);
            assertTrue(statusText(workbench).contains("shown as MONOCHROME2"), statusText(workbench));

            next(workbench);
            Regions cr = shown(workbench, canvas, "cr-monochrome1");
            workbench.screenshot("preview-dicom-cr-monochrome1");
            assertTrue(cr.mediastinum() - cr.lungs() > 50,
                    "a real MONOCHROME1 CR is shown with dark lungs and white bone, not as a negative " + cr);
            assertTrue(statusText(workbench).contains("MONOCHROME1: shown inverted"), statusText(workbench));
        }
    }

    @Test
    @DisplayName("images without pixels and undecodable files show a marker with the reason, never a blank")
    void markersInsteadOfBlanks() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path broken = Files.writeString(temp.resolve("broken.dcm"), "this is not an image\n");
        Path missing = temp.resolve("gone.png");
        Path project = TestProjects.write(temp, TestProjects.project("Markers"), List.of(
                TestProjects.image("no-location", null, ImageFormat.UNKNOWN),
                TestProjects.image("missing-file", missing.toString(), ImageFormat.PNG),
                TestProjects.image("not-an-image", broken.toString(), ImageFormat.DICOM)));
        System.setProperty(ThumbnailCache.DIRECTORY_PROPERTY, temp.resolve("thumbnails").toString());
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            Table table = workbench.waitFor(Table.class, RepositoryPart.TABLE_ID, 30_000);
            workbench.waitUntil("every row has its marker", 30_000, () -> table.getItemCount() == 3
                    && java.util.stream.IntStream.range(0, 3).allMatch(i -> table.getItem(i).getData(RepositoryPart.PROBLEM_KEY) != null));
            List<String> problems = workbench.ui(() -> java.util.stream.IntStream.range(0, 3)
                    .mapToObj(i -> (String) table.getItem(i).getData(RepositoryPart.PROBLEM_KEY)).toList());
            assertEquals("no pixels: no file location is recorded for this image", problems.get(0));
            assertEquals("no pixels: file missing: " + missing, problems.get(1));
            assertTrue(problems.get(2).startsWith("cannot decode: "), problems.get(2));
            for (int i = 0; i < 3; i++) {
                int row = i;
                Rectangle cell = workbench.ui(() -> table.getItem(row).getImageBounds(0));
                ImageData pixels = workbench.capture(table);
                assertTrue(RepositoryGridTest.greyLevels(pixels, cell.x, cell.y, cell.x + cell.width, cell.y + cell.height) > 1,
                        "row " + i + " shows a drawn marker, not a blank tile");
            }
            workbench.settle();
            workbench.screenshot("repository-markers");
        }
    }

    /** Mean displayed grey of the lung fields and of the mediastinum, once the named image is on screen. */
    record Regions(double lungs, double mediastinum) {
    }

    private static Regions shown(WorkbenchDriver workbench, Canvas canvas, String imageId) throws InterruptedException {
        Label title = workbench.ui(() -> workbench.find(Label.class, RepositoryPart.WIDGET_ID, ImagePreviewPart.TITLE_ID));
        try {
            workbench.waitUntil(imageId + " is shown", 30_000, () -> title.getText().startsWith(imageId)
                    && canvas.getData(ImagePreviewPart.IMAGE_BOUNDS_KEY) != null);
        } catch (AssertionError e) {
            try {
                workbench.screenshot("preview-failure-" + imageId);
            } catch (java.io.IOException ignored) {
                // the assertion below says what went wrong
            }
            throw new AssertionError(e.getMessage() + "; the preview says '" + workbench.ui(title::getText) + "', '"
                    + statusText(workbench) + "'", e);
        }
        workbench.settle();
        Rectangle image = workbench.ui(() -> (Rectangle) canvas.getData(ImagePreviewPart.IMAGE_BOUNDS_KEY));
        assertNotNull(image);
        assertTrue(image.width > 200 && image.height > 200, "the image is drawn large enough to measure: " + image);
        ImageData screen = workbench.capture(canvas);
        double left = mean(screen, image, 0.20, 0.35);
        double right = mean(screen, image, 0.65, 0.80);
        return new Regions((left + right) / 2, mean(screen, image, 0.46, 0.54));
    }

    private static double mean(ImageData screen, Rectangle image, double x0, double x1) {
        long sum = 0;
        int n = 0;
        for (int y = image.y + (int) (0.35 * image.height); y < image.y + (int) (0.60 * image.height); y++) {
            for (int x = image.x + (int) (x0 * image.width); x < image.x + (int) (x1 * image.width); x++) {
                sum += screen.palette.getRGB(screen.getPixel(x, y)).red;
                n++;
            }
        }
        return (double) sum / n;
    }

    private static void next(WorkbenchDriver workbench) {
        Canvas canvas = workbench.ui(() -> workbench.find(Canvas.class, RepositoryPart.WIDGET_ID, ImagePreviewPart.CANVAS_ID));
        workbench.ui(() -> {
            org.eclipse.swt.widgets.Event key = new org.eclipse.swt.widgets.Event();
            key.keyCode = SWT.PAGE_DOWN;
            canvas.notifyListeners(SWT.KeyDown, key);
            return null;
        });
    }

    private static String statusText(WorkbenchDriver workbench) {
        return workbench.ui(() -> workbench.find(Label.class, RepositoryPart.WIDGET_ID, ImagePreviewPart.STATUS_ID).getText());
    }
}
