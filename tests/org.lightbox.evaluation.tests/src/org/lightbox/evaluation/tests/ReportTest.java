package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.EvaluationOptions;
import org.lightbox.evaluation.EvaluationReport;
import org.lightbox.evaluation.internal.DefaultEvaluator;

/** The HTML report of the real predictions (DenseNet-121 against the age-only model), saved under {@code target/evaluation-report}. */
class ReportTest {

    @Test
    @DisplayName("The report of the real predictions has Tables 1-4, strata and cohort in index.html, well-formed SVG plots, PNG plots and CSV tables")
    void report() throws Exception {
        EvaluationOptions options = new EvaluationOptions(0.95, "youden", "patients", 0.02, List.of("sex", "age", "view"), null);
        Evaluation e = new DefaultEvaluator().evaluate(EvaluatorTest.twoModels(), options);
        Path dir = Path.of("target", "evaluation-report");
        List<Path> files = EvaluationReport.write(e, dir);
        System.out.println("evaluation report: " + dir.toAbsolutePath().resolve("index.html"));
        String html = Files.readString(dir.resolve("index.html"));
        for (String part : List.of("Table 1. AUROC per finding", "Table 2. At the operating point", "Table 3.", "Table 4.", "By Patient Gender",
                "By Patient Age", "By View Position", "<h2>Cohort</h2>", "<h2>ROC curves</h2>", "<h2>Calibration</h2>", "PPV at 0.02")) {
            assertTrue(html.contains(part), part);
        }
        assertTrue(!html.contains("<script") && !html.contains("http://") || html.indexOf("http://") == html.indexOf("http://www.w3.org"),
                "self-contained: no scripts, nothing fetched");
        assertTrue(html.contains("0.818"), "Atelectasis AUROC 0.818 (pROC 0.817981)");
        var dbf = DocumentBuilderFactory.newInstance();
        for (String svg : List.of("roc.svg", "calibration.svg")) {
            var doc = dbf.newDocumentBuilder().parse(dir.resolve(svg).toFile());
            assertEquals("svg", doc.getDocumentElement().getNodeName());
        }
        BufferedImage png = ImageIO.read(dir.resolve("roc.png").toFile());
        assertEquals(4 * 240, png.getWidth());
        assertEquals(4 * 240 + 24, png.getHeight());
        assertTrue(distinctColours(png) > 20, "the PNG is drawn, not blank");
        for (String csv : List.of("table1-auroc.csv", "table2-operating-point.csv", "averages.csv", "strata.csv", "table3-loss-by-label-count.csv",
                "table4-mean-score.csv", "cohort.csv")) {
            assertTrue(files.contains(dir.resolve(csv)), csv);
            assertTrue(Files.readAllLines(dir.resolve(csv)).size() > 2, csv);
        }
        screenshot(dir);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** A PNG screenshot of the report with headless Chromium where one is installed (optional: not a test outcome). */
    private static void screenshot(Path dir) throws IOException, InterruptedException {
        for (String browser : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(browser))) {
                Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--window-size=1500,1700", "--screenshot=" + dir.toAbsolutePath().resolve("screenshot.png"),
                        dir.toAbsolutePath().resolve("index.html").toUri().toString()).redirectErrorStream(true).start();
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                System.out.println("report screenshot (" + browser + "): exit " + p.waitFor() + ", " + dir.resolve("screenshot.png"));
                return;
            }
        }
        System.out.println("no headless Chromium: no screenshot of the report");
    }
}
