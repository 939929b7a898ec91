package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dataset.DatasetImporter;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Prediction;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.evaluation.EvaluationPart;
import org.lightbox.ui.internal.parts.ReadingEditorPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The evaluation view on the real DenseNet-121 predictions, imported with the v2020 labels of the same images: the
 * AUROCs it shows are pROC's (the fixture of the evaluation tests, made by R, see its make-fixtures.sh), and a
 * cell of the 2x2 table opens in the reading editor holding only images of that cell.
 */
class EvaluationViewTest {

    private static final String MODEL = "densenet121";
    private static final String TAG = "test-80-plus";

    @TempDir
    Path temp;

    @Test
    @DisplayName("Analysis › Evaluate shows pROC's AUROC for each of the 14 findings, the false positives of Effusion open in"
            + " the reading editor, and Effusion split by sex, by age band and by a confounder tag shows pROC's per-stratum AUROCs")
    void evaluationViewMatchesProc() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path predictions = TestProjects.shared("predictions/densenet121_cxr14_test_preds.csv");
        Path labels = TestProjects.shared("cxr14/Data_Entry_2017_v2020.csv.gz");
        Map<String, String[]> proc = procAurocs();
        Path project = project(labels, predictions);
        System.setProperty(ThumbnailCache.DIRECTORY_PROPERTY, temp.resolve("thumbnails").toString());
        try (WorkbenchDriver workbench = WorkbenchDriver.start("-project", project.toString())) {
            workbench.clickMenu("Analysis", "Evaluate Model Predictions");
            Button run = workbench.waitFor(Button.class, EvaluationPart.RUN_ID, 30_000);
            workbench.waitUntil("the model is offered", 10_000, run::isEnabled);
            workbench.press(run);
            Table table = workbench.waitFor(Table.class, EvaluationPart.TABLE_ID, 5_000);
            workbench.waitUntil("every finding is evaluated", 120_000, () -> table.getItemCount() == 14);
            for (int row = 0; row < 14; row++) {
                int r = row;
                String[] cells = workbench.ui(() -> new String[] {table.getItem(r).getText(0), table.getItem(r).getText(1),
                    table.getItem(r).getText(2)});
                String[] expected = proc.get(cells[0].replace(' ', '_'));
                assertNotNull(expected, "pROC has " + cells[0]);
                assertEquals(String.format(Locale.ROOT, "%,d / %,d", Integer.parseInt(expected[0]),
                        Integer.parseInt(expected[1])), cells[1], cells[0]);
                assertTrue(cells[2].startsWith(String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", Double.parseDouble(expected[2]),
                        Double.parseDouble(expected[3]), Double.parseDouble(expected[4]))), cells[0] + ": " + cells[2]);
            }
            int effusion = workbench.ui(() -> {
                for (int i = 0; i < table.getItemCount(); i++) {
                    if (table.getItem(i).getText(0).equals("Effusion")) {
                        return i;
                    }
                }
                return -1;
            });
            workbench.ui(() -> {
                table.select(effusion);
                table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                return null;
            });
            workbench.settle();
            workbench.screenshot("evaluation-densenet121");
            Button falsePositives = workbench.waitFor(Button.class, EvaluationPart.CELL_ID_PREFIX + "false_positive", 5_000);
            workbench.press(falsePositives);
            workbench.waitUntil("the reading editor holds the sample", 30_000, () -> readingImages(workbench) != null
                    && readingImages(workbench).size() == EvaluationPart.SAMPLE);
            assertEquals("Effusion", workbench.ui(() -> {
                var parts = workbench.context().getActiveLeaf().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
                var editor = ((ReadingEditorPart) parts.findPart(ReadingEditorPart.PART_ID).getObject()).editor();
                return editor.sheetMode() && editor.questionFinding() != null ? editor.questionFinding().getCode() : null;
            }), "the sample opens as contact sheets asking 'is this Effusion?'");
            Evaluation evaluation = evaluationOf(workbench);
            double threshold = evaluation.findings().get(effusion).points().get(0).threshold();
            OpenProject open = workbench.context().get(OpenProject.class);
            for (ImageRecord image : readingImages(workbench)) {
                boolean labelled = image.getSourceLabels().stream().anyMatch(l -> l.getFinding().getCode().equals("Effusion"));
                double score = open.session().predictionsOfImage(image.getImageId()).stream()
                        .filter(p -> p.getModel().equals(MODEL) && p.getFinding().getCode().equals("Effusion"))
                        .mapToDouble(Prediction::getProbability).findFirst().orElseThrow();
                assertTrue(!labelled && score >= threshold, image.getImageId() + " is a false positive of Effusion");
            }
            strataAndFigures(workbench, effusion);
        }
    }

    /**
     * With the point chosen on all images, Effusion split by sex shows pROC's per-sex AUROCs with DeLong CIs, images and
     * positives (auroc-by-sex-pROC.csv, make-view-fixtures.R) and the unpaired DeLong test's p (unpaired-delong-sex-pROC.csv);
     * the stratum of a reader's confounder tag (put on the images of patients aged 80 or more) and the age band 80+ both show
     * pROC's AUROC of those images (auroc-age-80-plus-pROC.csv);
     * the cohort table is filled, the figures are drawn and saved as PNG and SVG; the screenshot is evaluation-view.
     */
    private void strataAndFigures(WorkbenchDriver workbench, int effusion) throws Exception {
        Map<String, String[]> bySex = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("../org.lightbox.evaluation.tests/fixtures/auroc-by-sex-pROC.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("Effusion")) {
                bySex.put(f[1], f);
            }
        }
        assertEquals(2, bySex.size(), "pROC's Effusion AUROC for F and M");
        double p = Double.NaN;
        for (String line : Files.readAllLines(Path.of("../org.lightbox.evaluation.tests/fixtures/unpaired-delong-sex-pROC.csv"))) {
            if (line.startsWith("Effusion,")) {
                p = Double.parseDouble(line.split(",")[4]);
            }
        }
        workbench.ui(() -> {
            var parts = workbench.context().getActiveLeaf().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
            parts.activate(parts.findPart(EvaluationPart.PART_ID));
            return null;
        });
        Combo chosenOn = workbench.waitFor(Combo.class, EvaluationPart.CHOSEN_ON_ID, 5_000);
        select(workbench, chosenOn, "all images");
        Evaluation before = evaluationOf(workbench);
        workbench.press(workbench.waitFor(Button.class, EvaluationPart.RUN_ID, 5_000));
        workbench.waitUntil("the evaluation on all images", 120_000, () -> evaluationOf(workbench) != before
                && evaluationOf(workbench).options().split().equals("none"));
        Table table = workbench.waitFor(Table.class, EvaluationPart.TABLE_ID, 5_000);
        workbench.ui(() -> {
            table.select(effusion);
            table.notifyListeners(SWT.Selection, new Event());
            return null;
        });
        Combo split = workbench.waitFor(Combo.class, EvaluationPart.STRATA_SPLIT_ID, 5_000);
        List<String> offered = workbench.ui(() -> List.of(split.getItems()));
        assertTrue(offered.containsAll(List.of("none", "sex", "age band", "view position")), offered.toString());
        select(workbench, split, "sex");
        Table strata = workbench.waitFor(Table.class, EvaluationPart.STRATA_TABLE_ID, 5_000);
        workbench.waitUntil("two strata and the test", 10_000, () -> strata.getItemCount() == 3);
        for (int row = 0; row < 2; row++) {
            int r = row;
            String[] cells = workbench.ui(() -> new String[] {strata.getItem(r).getText(0), strata.getItem(r).getText(1),
                strata.getItem(r).getText(2)});
            String[] expected = bySex.get(cells[0]);
            assertNotNull(expected, "pROC has the stratum " + cells[0]);
            int images = Integer.parseInt(expected[2]);
            int positives = Integer.parseInt(expected[3]);
            assertEquals(String.format(Locale.ROOT, "%,d (%,d / %,d)", images, positives, images - positives), cells[1], cells[0]);
            assertEquals(String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", Double.parseDouble(expected[4]), Double.parseDouble(expected[5]),
                    Double.parseDouble(expected[6])), cells[2], cells[0]);
        }
        String[] test = workbench.ui(() -> new String[] {strata.getItem(2).getText(0), strata.getItem(2).getText(2)});
        assertEquals(EvaluationPart.STRATA_TEST_ROW, test[0]);
        assertTrue(test[1].startsWith(String.format(Locale.ROOT, "p = %.4f", p)), "R's unpaired DeLong p " + p + ": " + test[1]);
        String[] old = null;
        for (String line : Files.readAllLines(Path.of("../org.lightbox.evaluation.tests/fixtures/auroc-age-80-plus-pROC.csv"))) {
            if (line.startsWith("Effusion,")) {
                old = line.split(",");
            }
        }
        assertNotNull(old, "pROC's Effusion AUROC at 80 or more");
        int images = Integer.parseInt(old[1]);
        int positives = Integer.parseInt(old[2]);
        String[] expected = {String.format(Locale.ROOT, "%,d (%,d / %,d)", images, positives, images - positives),
            String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", Double.parseDouble(old[3]), Double.parseDouble(old[4]), Double.parseDouble(old[5]))};
        for (String[] choice : List.of(new String[] {"tag " + TAG, "tagged"}, new String[] {"age band", "80+"})) {
            select(workbench, split, choice[0]);
            String[] row = workbench.ui(() -> {
                for (int r = 0; r < strata.getItemCount(); r++) {
                    if (strata.getItem(r).getText(0).equals(choice[1])) {
                        return new String[] {strata.getItem(r).getText(1), strata.getItem(r).getText(2)};
                    }
                }
                return null;
            });
            assertNotNull(row, choice[0] + " has the stratum " + choice[1]);
            assertEquals(expected[0], row[0], choice[0]);
            assertEquals(expected[1], row[1], choice[0]);
        }
        select(workbench, split, "sex");
        Table cohort = workbench.waitFor(Table.class, EvaluationPart.COHORT_TABLE_ID, 5_000);
        assertEquals(String.format(Locale.ROOT, "%,d", 22_433), workbench.ui(() -> cohort.getItem(0).getText(1)), "images in the cohort");
        String[] men = Files.readAllLines(Path.of("../org.lightbox.evaluation.tests/fixtures/cohort-men-wilson.csv")).get(1).split(",");
        String menRow = workbench.ui(() -> {
            for (int r = 0; r < cohort.getItemCount(); r++) {
                if (cohort.getItem(r).getText(0).equals("sex = M")) {
                    return cohort.getItem(r).getText(1);
                }
            }
            return null;
        });
        assertEquals(String.format(Locale.ROOT, "%.1f%% (%.1f–%.1f), n = %,d", 100 * Double.parseDouble(men[3]), 100 * Double.parseDouble(men[4]),
                100 * Double.parseDouble(men[5]), Integer.parseInt(men[2])), menRow, "the share of men with R's Wilson interval");
        workbench.ui(() -> { // the view maximised (as by its Maximize button) for the screenshot
            var parts = workbench.context().getActiveLeaf().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
            parts.findPart(EvaluationPart.PART_ID).getParent().getTags().add(org.eclipse.e4.ui.workbench.IPresentationEngine.MAXIMIZED);
            return null;
        });
        workbench.settle();
        workbench.screenshot("evaluation-view");
        workbench.ui(() -> {
            ((org.eclipse.swt.widgets.TabFolder) cohort.getParent()).setSelection(1);
            return null;
        });
        workbench.settle();
        workbench.screenshot("evaluation-cohort");
        workbench.ui(() -> {
            ((org.eclipse.swt.widgets.TabFolder) cohort.getParent()).setSelection(0);
            return null;
        });
        Path figures = Files.createDirectories(temp.resolve("figures"));
        for (String format : List.of("png", "svg")) {
            List<Path> written = workbench.ui(() -> partOf(workbench).saveFigures(figures, format));
            assertEquals(List.of(figures.resolve("Effusion-roc." + format), figures.resolve("Effusion-calibration." + format)), written);
            for (Path file : written) {
                assertTrue(Files.size(file) > 1000, file + " is written");
            }
        }
        assertTrue(Files.readString(figures.resolve("Effusion-calibration.svg")).contains("n=15,811"),
                "the reliability diagram carries R's count of Effusion's first bin (calibration-bins.csv)");
    }

    private static void select(WorkbenchDriver workbench, Combo combo, String item) {
        workbench.ui(() -> {
            int index = List.of(combo.getItems()).indexOf(item);
            assertTrue(index >= 0, item + " in " + List.of(combo.getItems()));
            combo.select(index);
            combo.notifyListeners(SWT.Selection, new Event());
            return null;
        });
    }

    private static EvaluationPart partOf(WorkbenchDriver workbench) {
        var parts = workbench.context().getActiveLeaf().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
        return (EvaluationPart) parts.findPart(EvaluationPart.PART_ID).getObject();
    }

    private static List<ImageRecord> readingImages(WorkbenchDriver workbench) {
        return workbench.ui(() -> {
            var parts = workbench.context().getActiveLeaf().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
            var reading = parts.findPart(ReadingEditorPart.PART_ID);
            if (reading == null || !(reading.getObject() instanceof ReadingEditorPart editor)
                    || editor.editor().session() == null) {
                return null;
            }
            return editor.editor().session().images();
        });
    }

    private static Evaluation evaluationOf(WorkbenchDriver workbench) {
        return workbench.ui(() -> {
            var parts = workbench.context().getActiveLeaf().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
            return ((EvaluationPart) parts.findPart(EvaluationPart.PART_ID).getObject()).evaluation();
        });
    }

    /** finding → positives, negatives, auc, lower, upper, from the evaluation tests' pROC fixture. */
    private static Map<String, String[]> procAurocs() throws Exception {
        Path fixture = Path.of("../org.lightbox.evaluation.tests/fixtures/auroc-pROC.csv");
        Map<String, String[]> byFinding = new HashMap<>();
        for (String line : Files.readAllLines(fixture)) {
            String[] f = line.split(",");
            if (f[0].equals(MODEL)) {
                byFinding.put(f[1], new String[] {f[2], f[3], f[4], f[5], f[6]});
            }
        }
        assertEquals(14, byFinding.size(), "pROC values for 14 findings in " + fixture.toAbsolutePath());
        return byFinding;
    }

    /** A project of the predicted images: their v2020 label rows (cut out with plain string matching) and the scores. */
    private Path project(Path labels, Path predictions) throws Exception {
        Set<String> ids = new HashSet<>();
        List<String> rows = Files.readAllLines(predictions);
        for (String line : rows.subList(1, rows.size())) {
            ids.add(line.substring(0, line.indexOf(',')));
        }
        Path subset = temp.resolve("Data_Entry_test_split.csv");
        List<String> aged80 = new java.util.ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(labels)),
                StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(subset)) {
            out.write(in.readLine() + "\n");
            for (String line; (line = in.readLine()) != null;) {
                if (ids.contains(line.substring(0, line.indexOf(',')))) {
                    out.write(line + "\n");
                    if (Integer.parseInt(line.split(",")[4]) >= 80) { // Patient Age
                        aged80.add(line.substring(0, line.indexOf(',')));
                    }
                }
            }
        }
        Path file = TestProjects.write(temp, TestProjects.project("Evaluation test"), List.of());
        BundleContext context = FrameworkUtil.getBundle(EvaluationViewTest.class).getBundleContext();
        ServiceTracker<DatasetImporter, DatasetImporter> importers = new ServiceTracker<>(context, DatasetImporter.class, null);
        ServiceTracker<ProjectStore, ProjectStore> stores = new ServiceTracker<>(context, context.createFilter("(&(objectClass="
                + ProjectStore.class.getName() + ")(" + ProjectStore.KIND_PROPERTY + "=" + ProjectStore.KIND_SQLITE + "))"), null);
        importers.open();
        stores.open();
        try (ProjectSession session = stores.waitForService(10_000).open(new StoreLocation.SqliteFile(file))) {
            DatasetImporter importer = importers.waitForService(10_000);
            var imported = importer.importCxr14Labels(session, subset, null, ImportProgress.NONE);
            assertEquals(ids.size(), imported.imported(), imported.summary());
            var scored = importer.importPredictions(session, predictions, MODEL, ImportProgress.NONE);
            assertEquals(ids.size(), scored.imported(), scored.summary());
            // a reader tags exactly the images of patients aged 80 or more, so that the tag's stratum has R's value
            var tagger = org.lightbox.model.LightboxFactory.eINSTANCE.createReader();
            tagger.setId("tagger");
            session.addReaders(List.of(tagger));
            var desk = session.desk("tagger");
            aged80.forEach(id -> desk.tag(id, TAG, org.lightbox.model.ReadValue.PRESENT));
        } finally {
            importers.close();
            stores.close();
        }
        return file;
    }
}
