package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationFileException;
import org.lightbox.evaluation.EvaluationFiles;
import org.lightbox.evaluation.LabelTable;
import org.lightbox.evaluation.ScoreTable;

/**
 * The outside reference values (R output committed under {@code fixtures/}, made by {@code fixtures/make-fixtures.sh})
 * and the shared data they were computed from (skipped when {@code lightbox.shared} is absent).
 */
final class Fixtures {

    private static EvaluationData real;

    private Fixtures() {
    }

    /** Rows of a committed fixture CSV as header name to cell. */
    static List<Map<String, String>> csv(String name) {
        Path file = folder().resolve(name);
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double number(Map<String, String> row, String column) {
        String s = row.get(column);
        return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    /** The fixture folder: under the test fragment, which is the working directory of the Tycho test run. */
    static Path folder() {
        for (Path p : List.of(Path.of("fixtures"), Path.of("tests/org.lightbox.evaluation.tests/fixtures"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("fixtures folder not found from " + Path.of("").toAbsolutePath());
    }

    /** A file under the shared data, or the test is skipped. */
    static Path shared(String relative) {
        String shared = System.getProperty("lightbox.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "data")),
                "skipped: shared test data not found (system property lightbox.shared = " + shared + ")");
        Path file = Path.of(shared, "data").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "skipped: shared test file missing: " + file);
        return file;
    }

    static Path predictionsFile() {
        return shared("predictions/densenet121_cxr14_test_preds.csv");
    }

    static Path labelsFile() {
        return shared("cxr14/Data_Entry_2017_v2020.csv.gz");
    }

    /** The DenseNet-121 test predictions joined to the CXR14 labels (read once). */
    static synchronized EvaluationData real() {
        Path preds = predictionsFile();
        Path labels = labelsFile();
        if (real == null) {
            try {
                ScoreTable scores = EvaluationFiles.readScores(preds, true);
                LabelTable reference = EvaluationFiles.readLabels(labels, null, scores.findings());
                real = EvaluationData.join(scores, null, reference);
            } catch (IOException | EvaluationFileException e) {
                throw new IllegalStateException(e);
            }
        }
        return real;
    }

    /** The age-only baseline model of the fixtures: score min(age, 100) / 100 for every finding. */
    static double[] ageModel(EvaluationData data) {
        String[] age = data.labels().column("Patient Age");
        double[] s = new double[age.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.min(Double.parseDouble(age[i]), 100) / 100;
        }
        return s;
    }

    /** Operating points are chosen on even patient ids (as in the fixtures) and applied to odd ones. */
    static boolean[] tuning(EvaluationData data) {
        String[] patient = data.labels().column("Patient ID");
        boolean[] t = new boolean[patient.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Long.parseLong(patient[i]) % 2 == 0;
        }
        return t;
    }
}
