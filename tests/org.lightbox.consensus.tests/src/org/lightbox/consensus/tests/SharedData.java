package org.lightbox.consensus.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real data (system property {@code lightbox.shared}); tests that need it skip, saying why, when it is absent. */
final class SharedData {

    private SharedData() {
    }

    /** A file under {@code shared/data}; the calling test is skipped when it is absent. */
    static Path file(String first, String... more) {
        String shared = System.getProperty("lightbox.shared");
        Path file = shared == null ? null : Path.of(shared, "data").resolve(Path.of(first, more));
        assumeTrue(file != null && Files.isRegularFile(file), () -> "skipped: the shared data file " + Path.of(first, more)
                + " is absent (set -Dlightbox.shared to the shared folder; it was " + shared + ")");
        return file;
    }
}
