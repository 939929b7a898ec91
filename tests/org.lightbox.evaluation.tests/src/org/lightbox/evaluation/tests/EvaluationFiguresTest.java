package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationFigures;
import org.lightbox.evaluation.EvaluationOptions;
import org.lightbox.evaluation.internal.DefaultEvaluator;
import org.lightbox.evaluation.internal.FindingFigures;
import org.xml.sax.InputSource;

/** One finding's ROC and reliability diagram for the evaluation view, on the real DenseNet-121 predictions. */
class EvaluationFiguresTest {

    @Test
    @DisplayName("The reliability diagram's bins hold R's counts, positives, mean scores and Wilson intervals for every finding")
    void calibrationBinsEqualR() {
        EvaluationData data = Fixtures.real();
        int rows = 0;
        for (Map<String, String> row : Fixtures.csv("calibration-bins.csv")) {
            String f = row.get("finding");
            BinaryScores s = data.finding(0, data.findings().indexOf(f));
            double[][] bins = FindingFigures.equalWidthBins(s, EvaluationFigures.CALIBRATION_BINS, 0.95);
            int b = (int) Fixtures.number(row, "bin");
            assertEquals(Fixtures.number(row, "n"), bins[4][b], 0, f + " bin " + b);
            assertEquals(Fixtures.number(row, "observed"), bins[1][b], 1e-12, f + " bin " + b);
            assertEquals(Fixtures.number(row, "mean_score"), bins[0][b], 1e-9, f + " bin " + b);
            assertEquals(Fixtures.number(row, "lower"), bins[2][b], 1e-9, f + " bin " + b);
            assertEquals(Fixtures.number(row, "upper"), bins[3][b], 1e-9, f + " bin " + b);
            rows++;
        }
        assertTrue(rows >= 14 * 5, rows + " bins compared");
    }

    @Test
    @DisplayName("The ROC and the reliability diagram of Effusion are PNG images of the asked size and well-formed SVG with each bin's n")
    void figuresAreDrawn() throws Exception {
        Evaluation e = new DefaultEvaluator().evaluate(Fixtures.real(), EvaluationOptions.defaults());
        for (byte[] png : List.of(EvaluationFigures.rocPng(e, "Effusion", 480, 528), EvaluationFigures.calibrationPng(e, "Effusion", 480, 600))) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(480, image.getWidth());
            assertEquals(528, image.getHeight());
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 3) {
                for (int x = 0; x < image.getWidth(); x += 3) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 20, "drawn, not blank");
        }
        var dbf = DocumentBuilderFactory.newInstance();
        String calibration = EvaluationFigures.calibrationSvg(e, "Effusion");
        for (String svg : List.of(EvaluationFigures.rocSvg(e, "Effusion"), calibration)) {
            assertEquals("svg", dbf.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement().getNodeName());
        }
        // Effusion's first bin holds 15,811 images in R (calibration-bins.csv)
        assertEquals(15_811, EvaluationFigures.calibrationCounts(e, "Effusion")[0]);
        assertTrue(calibration.contains("n=15,811"), "the bin's n is written in the diagram");
    }
}
