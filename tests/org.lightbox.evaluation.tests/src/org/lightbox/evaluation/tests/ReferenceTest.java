package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.DeLong;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationFiles;
import org.lightbox.evaluation.LabelTable;
import org.lightbox.evaluation.ScoreTable;

/** The same predictions against two references: the report-mined label and the radiologist panel's adjudicated label. */
class ReferenceTest {

    @Test
    @DisplayName("Pneumothorax on the 408 expert-read test images: AUROC against the NLP label and against the panel label equal pROC's")
    void nlpAgainstPanel() throws Exception {
        ScoreTable scores = EvaluationFiles.readScores(Fixtures.predictionsFile(), true);
        var file = Fixtures.shared("expert-labels/four-findings/test_labels.csv");
        Map<String, LabelTable> references = Map.of("nlp", EvaluationFiles.readLabels(file, "Finding Labels", scores.findings()), "panel",
                EvaluationFiles.readLabels(file, EvaluationFiles.COLUMNS, scores.findings()));
        for (Map<String, String> row : Fixtures.csv("reference-pneumothorax-pROC.csv")) {
            EvaluationData data = EvaluationData.join(scores, null, references.get(row.get("reference")));
            assertEquals(408, data.size());
            if (row.get("reference").equals("panel")) {
                assertEquals(List.of("Pneumothorax"), data.findings(), "only Pneumothorax has a panel column that matches a score column");
                assertTrue(data.skippedFindings().contains("Effusion"));
            }
            Estimate auc = DeLong.auroc(data.finding(0, data.findings().indexOf("Pneumothorax")), 0.95);
            assertEquals(Fixtures.number(row, "positives"), auc.detail("positives").orElseThrow(), row.get("reference"));
            assertEquals(Fixtures.number(row, "auc"), auc.value(), 1e-9, row.get("reference"));
            assertEquals(Fixtures.number(row, "lower"), auc.interval().orElseThrow().lower(), 1e-9, row.get("reference"));
            assertEquals(Fixtures.number(row, "upper"), auc.interval().orElseThrow().upper(), 1e-9, row.get("reference"));
        }
    }
}
