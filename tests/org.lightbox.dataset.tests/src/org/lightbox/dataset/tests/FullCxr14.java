package org.lightbox.dataset.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.store.ProjectSession;

/**
 * One project holding the whole v2020 label file with the 96 shared PNGs linked, imported once per
 * test run (about 20 s) and copied for every test that uses it, so that tests cannot disturb each other.
 */
final class FullCxr14 {

    private static Path master;
    private static ImportReport report;
    private static double seconds;

    private FullCxr14() {
    }

    /** A copy of the project in {@code dir}. */
    static synchronized Path copyTo(Path dir) throws Exception {
        if (master == null) {
            Path csv = SharedData.file(SharedData.V2020);
            Path images = SharedData.folder(SharedData.IMAGES);
            Path folder = Files.createTempDirectory("lightbox-cxr14-");
            Path file = folder.resolve("cxr14.lightbox");
            try (ProjectSession project = Projects.create(file)) {
                long start = System.nanoTime();
                report = Projects.importer().importCxr14Labels(project, csv, images, ImportProgress.NONE);
                seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("[timing] v2020 label import with the 96 PNGs linked: %,d rows in %.1f s%n",
                        report.outcomes().size(), seconds);
            }
            master = file;
            deleteOnExit(folder, file);
        }
        Path copy = dir.resolve("cxr14.lightbox");
        Files.copy(master, copy);
        return copy;
    }

    /** The report of the one import (after {@link #copyTo}). */
    static synchronized ImportReport report() {
        return report;
    }

    static synchronized double seconds() {
        return seconds;
    }

    private static void deleteOnExit(Path folder, Path file) throws IOException {
        folder.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path.of(file + suffix).toFile().deleteOnExit();
        }
    }
}
