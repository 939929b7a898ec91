package org.lightbox.dataset.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The third-party data under {@code lightbox.shared}; tests that need it skip when it is absent. */
final class SharedData {

    static final String V2020 = "cxr14/Data_Entry_2017_v2020.csv.gz";
    static final String SAMPLE_2017 = "cxr14/sample_labels_2017_age_format.csv";
    static final String IMAGES = "cxr14/images";
    static final String FOUR_FINDINGS = "expert-labels/four-findings/individual_readers.csv";
    static final String ALL_FINDINGS = "expert-labels/all-findings/test_individual_readers.csv";
    static final String PREDICTIONS = "predictions/densenet121_cxr14_test_preds.csv";

    private SharedData() {
    }

    static Path file(String relative) {
        Path path = path(relative);
        assumeTrue(Files.isRegularFile(path), "skipped: shared test file missing: " + path);
        return path;
    }

    static Path folder(String relative) {
        Path path = path(relative);
        assumeTrue(Files.isDirectory(path), "skipped: shared test folder missing: " + path);
        return path;
    }

    private static Path path(String relative) {
        String shared = System.getProperty("lightbox.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "data")),
                "skipped: shared test data not found (system property lightbox.shared = " + shared + ")");
        return Path.of(shared, "data").resolve(relative);
    }
}
