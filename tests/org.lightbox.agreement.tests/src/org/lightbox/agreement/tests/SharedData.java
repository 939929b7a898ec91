package org.lightbox.agreement.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real data (system property {@code lightbox.shared}) and assertions to a printed precision. */
final class SharedData {

    private SharedData() {
    }

    /** A file under {@code shared/data}; the calling test is skipped, saying why, when it is absent. */
    static Path file(String first, String... more) {
        String shared = System.getProperty("lightbox.shared");
        Path file = shared == null ? null : Path.of(shared, "data").resolve(Path.of(first, more));
        assumeTrue(file != null && Files.isRegularFile(file), () -> "skipped: the shared data file " + Path.of(first, more)
                + " is absent (set -Dlightbox.shared to the shared folder; it was " + shared + ")");
        return file;
    }

    /**
     * Asserts that {@code actual} rounds to {@code printed} at the printed number of decimals ("0.4842" means within
     * 0.00005), the precision at which a published value can be checked.
     */
    static void assertPrinted(String printed, double actual, String what) {
        BigDecimal expected = new BigDecimal(printed);
        double tolerance = 0.5 * Math.pow(10, -expected.scale());
        assertEquals(expected.doubleValue(), actual, tolerance + 1e-12, what + ": published " + printed + ", computed " + actual);
    }
}
