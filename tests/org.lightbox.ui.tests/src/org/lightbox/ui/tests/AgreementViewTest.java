package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
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
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.parts.AgreementPart;
import org.lightbox.ui.internal.parts.ReadingEditorPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Analysis › Agreement in the real workbench: the per-finding table, the reader × reader heatmap, its PNG and SVG, the
 * disagreement list opened in the reading editor, and adjudication.
 */
class AgreementViewTest {

    private static final LightboxFactory F = LightboxFactory.eINSTANCE;
    private static final List<String> READERS = List.of("ann", "bob", "cat", "dan");
    private static final List<Integer> TIES = List.of(10, 25, 40, 55);

    @TempDir
    Path temp;

    /**
     * 60 images read for Effusion and Pneumothorax by four readers: ann and bob read alike (kappa 1 by definition),
     * cat flips every fifth image and dan every third; eve, the adjudicator, reads Pneumothorax only on the four images
     * where cat and dan both err (10, 25, 40, 55), the 2:2 ties that majority queues.
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
            Reader eve = F.createReader();
            eve.setId("eve");
            eve.setRole(ReaderRole.RADIOLOGIST);
            readers.add(eve);
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
            for (int i : TIES) {
                Read read = F.createRead();
                read.setReader(s.project().getReaders().get(READERS.size()));
                read.setImage(s.image(String.format("img-%02d", i)).orElseThrow());
                read.setFinding(s.project().getLabelSchema().getFindings().stream()
                        .filter(f -> f.getCode().equals("Pneumothorax")).findFirst().orElseThrow());
                read.setValue(i % 4 == 0 ? ReadValue.PRESENT : ReadValue.ABSENT);
                read.setReadAt(new Date(1_760_100_000_000L + 1000L * i));
                s.recordRead(read);
            }
            ServiceTracker<ConsensusRunner, ConsensusRunner> consensus = new ServiceTracker<>(context, ConsensusRunner.class, null);
            consensus.open();
            consensus.waitForService(10_000).run(s, "majority", ConsensusOptions.DEFAULT.withAdjudicators(Set.of("eve")));
            consensus.close();
        } finally {
            tracker.close();
        }
        return file;
    }

    @Test
    @DisplayName("Analysis › Agreement shows kappa, alpha and AC1 with intervals per finding, readers against the others, a heatmap as PNG and SVG, exports labels, lists the disagreements, opens them in the reading editor and applies adjudication")
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
            disagreements(workbench);
        }
    }

    /**
     * The disagreement list: cat or dan errs on 28 of the 60 images (12 multiples of 5, 20 of the form 3k + 1, 4 both),
     * for each finding, so 56 cases; the 8 where both err are 2:2 ties in the adjudication queue. Selected cases open in
     * the reading editor; eve's reads settle the 4 Pneumothorax ties.
     */
    private void disagreements(WorkbenchDriver workbench) throws Exception {
        Table cases = workbench.waitFor(Table.class, AgreementPart.DISAGREEMENTS_ID, 5_000);
        workbench.waitUntil("56 cases", 10_000, () -> cases.getItemCount() == 56);
        List<String> rows = workbench.ui(() -> Stream.of(cases.getItems())
                .map(i -> i.getText(0) + "|" + i.getText(1) + "|" + i.getText(3) + "|" + i.getText(2)).toList());
        assertEquals("img-00|Effusion|ann PRESENT, bob PRESENT, cat ABSENT, dan PRESENT|", rows.get(0));
        assertTrue(rows.contains("img-10|Effusion|ann ABSENT, bob ABSENT, cat PRESENT, dan PRESENT|OPEN"), rows.toString());
        assertTrue(rows.contains("img-40|Pneumothorax|ann PRESENT, bob PRESENT, cat ABSENT, dan ABSENT, eve PRESENT|OPEN"), rows.toString());
        assertEquals(8, rows.stream().filter(r -> r.endsWith("|OPEN")).count(), rows.toString());
        assertEquals(28, rows.stream().map(r -> r.substring(0, r.indexOf('|'))).distinct().count());
        workbench.settle();
        Path shot = workbench.screenshot("agreement-view");
        assertTrue(Files.size(shot) > 10_000, "screenshot " + shot + " looks empty");

        int first = rows.indexOf("img-10|Effusion|ann ABSENT, bob ABSENT, cat PRESENT, dan PRESENT|OPEN");
        int second = rows.indexOf("img-40|Pneumothorax|ann PRESENT, bob PRESENT, cat ABSENT, dan ABSENT, eve PRESENT|OPEN");
        workbench.ui(() -> {
            cases.setSelection(new int[] {first, second});
            return null;
        });
        workbench.send(cases, SWT.DefaultSelection);
        workbench.waitUntil("the reading editor holds the two cases", 30_000, () -> List.of("img-10", "img-40").equals(readingImages(workbench)));

        Combo adjudicator = workbench.waitFor(Combo.class, AgreementPart.ADJUDICATOR_ID, 5_000);
        assertEquals(List.of("ann", "bob", "cat", "dan", "eve"), workbench.ui(() -> List.of(adjudicator.getItems())));
        workbench.choose(adjudicator, "eve");
        workbench.press(workbench.waitFor(Button.class, AgreementPart.ADJUDICATE_ID, 5_000));
        Label status = workbench.waitFor(Label.class, AgreementPart.ADJUDICATION_STATUS_ID, 5_000);
        workbench.waitUntil("the adjudication's report", 30_000, () -> workbench.ui(status::getText).startsWith("eve settled"));
        assertEquals("eve settled 4 of 8 open case(s): 4 'adjudication' label(s) stored, 4 case(s) resolved, 4 still open"
                + " (no read by eve yet).", workbench.ui(status::getText));
        OpenProject open = workbench.context().get(OpenProject.class);
        List<String> labels = open.session().consensusLabels("adjudication").stream()
                .map(l -> l.getImage().getImageId() + " " + l.getFinding().getCode() + " " + l.getValue().getLiteral()).toList();
        assertEquals(List.of("img-10 Pneumothorax ABSENT", "img-25 Pneumothorax ABSENT", "img-40 Pneumothorax PRESENT",
                "img-55 Pneumothorax ABSENT"), labels.stream().sorted().toList());
        assertEquals(List.of("OPEN", "OPEN", "OPEN", "OPEN", "RESOLVED", "RESOLVED", "RESOLVED", "RESOLVED"),
                open.session().candidates("adjudication").stream().map(c -> c.getStatus().getLiteral()).sorted().toList());
        workbench.waitUntil("the list shows the resolved ties", 30_000, () -> workbench.ui(() -> cases.getItemCount() == 56
                && Stream.of(cases.getItems()).filter(i -> i.getText(2).equals("RESOLVED")).count() == 4));
        assertEquals("eve", workbench.ui(adjudicator::getText), "the adjudicator stays chosen when the view recomputes");
        workbench.clickMenu("Analysis", "Agreement");
        workbench.settle();
        workbench.screenshot("agreement-adjudicated");
    }

    private static List<String> readingImages(WorkbenchDriver workbench) {
        return workbench.ui(() -> {
            var parts = workbench.context().getActiveLeaf().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
            var reading = parts.findPart(ReadingEditorPart.PART_ID);
            if (reading == null || !(reading.getObject() instanceof ReadingEditorPart editor)
                    || editor.editor().session() == null) {
                return null;
            }
            return editor.editor().session().images().stream().map(ImageRecord::getImageId).sorted().toList();
        });
    }
}
