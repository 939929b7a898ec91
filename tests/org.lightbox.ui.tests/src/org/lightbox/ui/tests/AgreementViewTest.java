package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.consensus.ConsensusRunner;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.lightbox.ui.internal.parts.AgreementPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Analysis › Agreement in the real workbench: the per-finding table, the reader × reader heatmap, its PNG and SVG. */
class AgreementViewTest {

    private static final LightboxFactory F = LightboxFactory.eINSTANCE;
    private static final List<String> READERS = List.of("ann", "bob", "cat", "dan");

    @TempDir
    Path temp;

    /**
     * 60 images read for Effusion and Pneumothorax by four readers: ann and bob read alike (kappa 1 by definition),
     * cat flips every fifth image and dan every third.
     */
    private Path project() throws Exception {
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            images.add(TestProjects.image(String.format("img-%02d", i), null, ImageFormat.UNKNOWN));
        }
        Path file = TestProjects.write(temp, TestProjects.project("Agreement panel"), images);
        BundleContext context = FrameworkUtil.getBundle(AgreementViewTest.class).getBundleContext();
        ServiceTracker<ProjectStore, ProjectStore> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + ProjectStore.class.getName() + ")(" + ProjectStore.KIND_PROPERTY + "=sqlite))"), null);
        tracker.open();
        try (ProjectSession s = tracker.waitForService(10_000).open(new StoreLocation.SqliteFile(file))) {
            List<Reader> readers = new ArrayList<>();
            for (String id : READERS) {
                Reader r = F.createReader();
                r.setId(id);
                r.setRole(ReaderRole.RADIOLOGIST);
                readers.add(r);
            }
            s.addReaders(readers);
            for (String finding : List.of("Effusion", "Pneumothorax")) {
                int period = finding.equals("Effusion") ? 3 : 4;
                for (int i = 0; i < 60; i++) {
                    boolean truth = i % period == 0;
                    boolean[] calls = {truth, truth, i % 5 == 0 ? !truth : truth, i % 3 == 1 ? !truth : truth};
                    for (int r = 0; r < READERS.size(); r++) {
                        Read read = F.createRead();
                        read.setReader(s.project().getReaders().get(r));
                        read.setImage(s.image(String.format("img-%02d", i)).orElseThrow());
                        read.setFinding(s.project().getLabelSchema().getFindings().stream()
                                .filter(f -> f.getCode().equals(finding)).findFirst().orElseThrow());
                        read.setValue(calls[r] ? ReadValue.PRESENT : ReadValue.ABSENT);
                        read.setReadAt(new Date(1_760_000_000_000L + 1000L * i));
                        s.recordRead(read);
                    }
                }
            }
            ServiceTracker<ConsensusRunner, ConsensusRunner> consensus = new ServiceTracker<>(context, ConsensusRunner.class, null);
            consensus.open();
            consensus.waitForService(10_000).run(s, "majority", ConsensusOptions.DEFAULT);
            consensus.close();
        } finally {
            tracker.close();
        }
        return file;
    }

    @Test
    @DisplayName("Analysis › Agreement shows kappa, alpha and AC1 with intervals per finding, readers against the others, a heatmap as PNG and SVG, and exports labels")
    void agreementView() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path project = project();
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            workbench.waitFor(Table.class, org.lightbox.ui.internal.parts.RepositoryPart.TABLE_ID, 30_000);
            workbench.clickMenu("Analysis", "Agreement");
            Table table = workbench.waitFor(Table.class, AgreementPart.TABLE_ID, 30_000);
            workbench.waitUntil("a row per finding", 60_000, () -> table.getItemCount() == 2);
            List<String> rows = workbench.ui(() -> Stream.of(table.getItems())
                    .map(i -> i.getText(0) + "|" + i.getText(1) + "|" + i.getText(2) + "|" + i.getText(3)).toList());
            assertEquals("Effusion|60|4|", rows.get(0).substring(0, rows.get(0).lastIndexOf('|') + 1), rows.toString());
            assertTrue(rows.get(0).matches(".*\\|0\\.\\d{3} \\(0\\.\\d{3} to 0\\.\\d{3}\\)"), "Fleiss kappa with its interval: " + rows);
            Label summary = workbench.waitFor(Label.class, AgreementPart.SUMMARY_ID, 5_000);
            assertTrue(workbench.ui(summary::getText).contains("n = images"), workbench.ui(summary::getText));
            Canvas canvas = workbench.waitFor(Canvas.class, AgreementPart.HEATMAP_ID, 5_000);
            AgreementPart part = workbench.ui(() -> (AgreementPart) canvas.getData(AgreementPart.PART_KEY));
            assertNotNull(part);
            workbench.waitUntil("the heatmap of the first finding", 10_000, () -> "Effusion".equals(part.heatmapFinding()));
            // ann against the majority of bob, cat and dan: bob is the truth, cat errs on i % 5 == 0 and dan on i % 3 == 1,
            // so the majority errs (says PRESENT) only where both err, i = 10, 25, 40, 55: 24 reference positives, 20 of
            // them ann's; ann's 36 negatives are all reference negatives
            Table readers = workbench.waitFor(Table.class, AgreementPart.READERS_ID, 5_000);
            workbench.waitUntil("a row per reader", 10_000, () -> readers.getItemCount() == 4);
            List<String> ann = workbench.ui(() -> List.of(readers.getItem(0).getText(0), readers.getItem(0).getText(1),
                    readers.getItem(0).getText(2), readers.getItem(0).getText(3), readers.getItem(0).getText(4)));
            assertEquals("ann", ann.get(0));
            assertTrue(ann.get(1).startsWith("0.833 ("), ann.toString());
            assertEquals("24", ann.get(2));
            assertTrue(ann.get(3).startsWith("1.000 ("), ann.toString());
            assertEquals("36", ann.get(4));
            Path svg = temp.resolve("kappa.svg");
            Path png = temp.resolve("kappa.png");
            workbench.ui(() -> {
                try {
                    part.export(svg);
                    part.export(png);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                return null;
            });
            String text = Files.readString(svg);
            assertTrue(text.startsWith("<svg ") && text.matches("(?s).*<title>ann and bob: kappa 1\\.00 \\(95% CI [-0-9.]+ to [-0-9.]+\\), n = 60 images</title>.*"), text);
            ImageData image = new ImageLoader().load(png.toString())[0];
            assertTrue(image.width > 300 && image.height > 300, image.width + "x" + image.height);
            Path labels = temp.resolve("consensus.csv");
            long records = workbench.ui(() -> {
                try {
                    return part.exportLabels("cxr14", "majority", labels).records();
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals(60, records);
            assertEquals(61, Files.readAllLines(labels).size());
            assertTrue(Files.readString(temp.resolve("consensus.csv.json")).contains("\"method\": \"majority\""));
            workbench.settle();
            Path shot = workbench.screenshot("agreement-view");
            assertTrue(Files.size(shot) > 10_000, "screenshot " + shot + " looks empty");
        }
    }
}
