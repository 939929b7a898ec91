package org.lightbox.dataset.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.model.Prediction;
import org.lightbox.store.ProjectSession;

/** DenseNet-121 probabilities for the CXR14 test set (reproduce-chexnet); counts from awk beside them. */
class PredictionsImportTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("22,433 rows of 14 probabilities are stored under the model's name, row 00000010_000.png value by value")
    void densenet() throws Exception {
        Path csv = SharedData.file(SharedData.PREDICTIONS);
        try (ProjectSession project = Projects.sqlite().open(Cxr14LabelImportTest.sqlite(FullCxr14.copyTo(dir)))) {
            ImportReport report = Projects.importer().importPredictions(project, csv, "densenet121", ImportProgress.NONE);
            // tail -n +2 densenet121_cxr14_test_preds.csv | wc -l -> 22433 (awk -F, '{print NF}' -> 15 on every line)
            assertEquals(22_433, report.imported(), report.summary());
            assertEquals(0, report.skipped() + report.failed(), report.summary());
            assertEquals(List.of("densenet121"), project.predictionModels());
            List<Prediction> pneumothorax = project.predictions("densenet121", "Pneumothorax");
            assertEquals(22_433, pneumothorax.size());
            // awk -F, 'NR>1 && $9>0.5' densenet121_cxr14_test_preds.csv | wc -l -> 369
            assertEquals(369, pneumothorax.stream().filter(p -> p.getProbability() > 0.5).count());
            // sed -n 2p: 00000010_000.png,0.0116194645,0.036951177,…,0.04966129,0.0039278236
            Map<String, Double> row = project.predictionsOfImage("00000010_000.png").stream()
                    .collect(Collectors.toMap(p -> p.getFinding().getCode(), Prediction::getProbability));
            assertEquals(14, row.size());
            assertEquals(0.0116194645, row.get("Atelectasis"));
            assertEquals(0.036951177, row.get("Cardiomegaly"));
            assertEquals(0.01933152, row.get("Pneumothorax"));
            assertEquals(0.04966129, row.get("Pleural_Thickening"));
            assertEquals(0.0039278236, row.get("Hernia"));
            Prediction one = project.predictionsOfImage("00000010_000.png").getFirst();
            assertEquals("densenet121", one.getModel());
            assertEquals(null, one.getFold());
            assertTrue(one.getCreatedAt() != null);

            ImportReport again = Projects.importer().importPredictions(project, csv, "densenet121", ImportProgress.NONE);
            assertEquals(22_433, again.imported());
            assertTrue(again.notes().getFirst().startsWith("model 'densenet121' had predictions already"), again.notes().toString());
            assertEquals(22_433, project.predictions("densenet121", "Hernia").size(), "replaced, not added twice");
        }
    }

    @Test
    @DisplayName("rows of images that are not in the project are skipped and nothing is stored")
    void imagesNotInTheProject() throws Exception {
        Path csv = SharedData.file(SharedData.PREDICTIONS);
        try (ProjectSession project = Projects.create(dir.resolve("empty.lightbox"))) {
            ImportReport report = Projects.importer().importPredictions(project, csv, "densenet121", ImportProgress.NONE);
            assertEquals(22_433, report.skipped(), report.summary());
            assertEquals(List.of(), project.predictionModels());
        }
    }

    @Test
    @DisplayName("a label file given as predictions is refused naming its columns, and a blank model name is refused")
    void wrongInput() throws Exception {
        Path labels = SharedData.file(SharedData.SAMPLE_2017);
        Path csv = SharedData.file(SharedData.PREDICTIONS);
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            ImportException columns = assertThrows(ImportException.class,
                    () -> Projects.importer().importPredictions(project, labels, "m", ImportProgress.NONE));
            assertEquals(ImportException.Reason.WRONG_COLUMNS, columns.reason());
            // head -1 sample_labels_2017_age_format.csv: Image_Index (= Image Index), then no finding columns
            assertTrue(columns.getMessage().contains("missing '(at least one finding column)'; unexpected 'Finding_Labels',"
                    + " 'Follow_Up_#', 'Patient_ID', 'Patient_Age', 'Patient_Gender', 'View_Position';"), columns.getMessage());
            ImportException model = assertThrows(ImportException.class,
                    () -> Projects.importer().importPredictions(project, csv, " ", ImportProgress.NONE));
            assertEquals(ImportException.Reason.UNUSABLE, model.reason());
            assertEquals(List.of(), project.predictionModels());
        }
    }
}
