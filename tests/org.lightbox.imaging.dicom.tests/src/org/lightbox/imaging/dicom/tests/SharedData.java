package org.lightbox.imaging.dicom.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The third-party data under {@code lightbox.shared}; tests that need it skip when it is absent. */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
        String shared = System.getProperty("lightbox.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "data")),
                "skipped: shared test data not found (system property lightbox.shared = " + shared + ")");
        Path file = Path.of(shared, "data").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "skipped: shared test file missing: " + file);
        return file;
    }
}
