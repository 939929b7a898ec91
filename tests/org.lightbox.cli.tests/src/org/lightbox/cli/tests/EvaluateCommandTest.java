package org.lightbox.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lightbox.cli.tests.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightbox evaluate}: clinical metrics from a scores file and a labels file, inside OSGi with the real DS services. */
class EvaluateCommandTest {

    private static final String LABELS = """
            Image Index,Finding Labels,Patient ID,Patient Age,Patient Gender,View Position
            a.png,Effusion,1,50,M,PA
            b.png,No Finding,2,60,F,AP
            c.png,Effusion|Mass,3,70,M,PA
            d.png,Mass,4,40,F,PA
            e.png,No Finding,5,30,M,AP
            f.png,Effusion,6,55,F,PA
            g.png,No Finding,7,65,M,PA
            h.png,Mass,8,45,F,AP
            """;

    private static final String SCORES = """
            Image Index,prob_Effusion,prob_Mass
            a.png,0.9,0.1
            b.png,0.2,0.3
            c.png,0.7,0.8
            d.png,0.4,0.6
            e.png,0.1,0.2
            f.png,0.6,0.1
            g.png,0.3,0.4
            h.png,0.2,0.7
            """;

    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    private static Path shared(String relative) {
        String shared = System.getProperty("lightbox.shared");
        Path file = shared == null ? null : Path.of(shared, "data", relative);
        assumeTrue(file != null && Files.isRegularFile(file), "skipped: shared/data/" + relative + " is absent");
        return file;
    }

    @Test
    @DisplayName("evaluate on a small file prints Table 1 with the Mann-Whitney AUROC (Effusion 9/9 pairs = 1.0000) and Table 2")
    void small() throws IOException {
        CliRun r = run("evaluate", "--scores", file("s.csv", SCORES), "--labels", file("l.csv", LABELS), "--split", "none");
        assertEquals(0, r.exitCode(), r.err());
        // Effusion: positives a, c, f (0.9, 0.7, 0.6) all above negatives (max 0.4): AUROC 1; Mass: positives c, d, h (0.8, 0.6, 0.7)
        // against negatives 0.1, 0.3, 0.2, 0.1, 0.4: AUROC 1 as well
        assertTrue(r.out().matches("(?s).*Table 1\\..*Effusion\\s+3/5\\s+1\\.0000 .*"), r.out());
        assertTrue(r.out().contains("Table 2."), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
    }

    @Test
    @DisplayName("Bad input exits 1 with one line naming the file, row and column")
    void badInput() throws IOException {
        String labels = file("l.csv", LABELS);
        String[][] cases = {
            {"missing.csv", "Image Index,prob_Effusion\na.png,0.5\n,0.4\n", "missing.csv, row 3, column 1 'Image Index': the image id is missing"},
            {"dup.csv", "Image Index,prob_Effusion\na.png,0.5\nb.png,0.4\na.png,0.3\n",
                "dup.csv, row 4, column 1 'Image Index': duplicate image id 'a.png' (first in row 2)"},
            {"range.csv", "Image Index,prob_Effusion,prob_Mass\na.png,0.5,0.1\nb.png,0.4,1.5\n",
                "range.csv, row 3, column 3 'prob_Mass': 1.5 is outside [0, 1]"},
            {"text.csv", "Image Index,prob_Effusion\na.png,0.5\nb.png,high\n", "text.csv, row 3, column 2 'prob_Effusion': 'high' is not a number"},
            {"hernia.csv", "Image Index,prob_Hernia\na.png,0.5\nb.png,0.4\n",
                "l.csv, column 'Finding Labels': finding 'Hernia' has no positives among the 2 images that have scores"},
        };
        for (String[] c : cases) {
            CliRun r = run("evaluate", "--scores", file(c[0], c[1]), "--labels", labels, "--split", "none");
            assertEquals(1, r.exitCode(), c[0] + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("lightbox evaluate: " + c[2]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        String binary = file("binary.csv", "id,Effusion,Patient ID\na.png,YES,1\nb.png,maybe,2\n");
        CliRun r = run("evaluate", "--scores", file("s.csv", SCORES), "--labels", binary, "--reference", "columns", "--split", "none");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("binary.csv, row 3, column 2 'Effusion': 'maybe' is not a binary label"), r.err());
        r = run("evaluate", "--scores", dir.resolve("absent.csv").toString(), "--labels", labels);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no file at"), r.err());
    }

    @Test
    @DisplayName("Ids in only one file are counted and reported, not silently dropped")
    void unmatched() throws IOException {
        String scores = SCORES + "x.png,0.5,0.5\ny.png,0.1,0.2\n";
        CliRun r = run("evaluate", "--scores", file("s.csv", scores), "--labels", file("l.csv", LABELS + "z.png,Mass,9,20,F,PA\n"),
                "--split", "none", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"unmatched\":[\"2 images of s.csv are not in l.csv (e.g. x.png, y.png)\","
                + "\"1 images of l.csv have no scores in s.csv\"]"), r.out());
        assertTrue(r.out().contains("\"images\":8"), r.out());
    }

    @Test
    @DisplayName("evaluate on the real DenseNet-121 predictions gives pROC's Effusion AUROC 0.882716 with DeLong CI, by sex and age band, and writes a report")
    void real() {
        Path preds = shared("predictions/densenet121_cxr14_test_preds.csv");
        Path labels = shared("cxr14/Data_Entry_2017_v2020.csv.gz");
        Path report = dir.resolve("report");
        CliRun r = run("evaluate", "--scores", preds.toString(), "--labels", labels.toString(), "--strata", "sex,age", "--prevalence", "0.02",
                "--json", "--report", report.toString());
        assertEquals(0, r.exitCode(), r.err());
        // pROC 1.18.0 (tests/org.lightbox.evaluation.tests/fixtures/auroc-pROC.csv): 0.882716401450921, CI 0.876468759889986 to 0.888964043011858
        assertTrue(r.out().matches("(?s).*\"statistic\":\"AUROC Effusion\",\"estimate\":0\\.88271640145092[^,]*,[^\\]]*"
                + "\"lower\":0\\.87646875988[^,]*,\"upper\":0\\.88896404301.*"), r.out());
        assertTrue(r.out().contains("\"89,687 images of Data_Entry_2017_v2020.csv.gz have no scores in densenet121_cxr14_test_preds.csv\""));
        assertTrue(r.out().contains("\"column\":\"Patient Gender\"") && r.out().contains("\"level\":\"80+\""));
        assertTrue(Files.isRegularFile(report.resolve("index.html")), r.err());
        try {
            List<String> samples = Files.readAllLines(report.resolve("error-samples.csv"));
            assertEquals("finding,cell,cell_images,image_id", samples.get(0));
            // 25 per cell, fewer where the cell is smaller: Hernia TP 9 and FN 6, Edema FN 16 in R's held-out tables
            // (tests/org.lightbox.evaluation.tests/fixtures/youden-pROC.csv): 14 x 4 x 25 - 44
            assertEquals(1 + 1356, samples.size());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
