package org.lightbox.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lightbox.cli.tests.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lightbox new} and {@code lightbox import …} as a lead runs them: exit codes, the summary on
 * stdout, progress and errors on stderr. Counts from the shared files by shell tools (commands beside them).
 */
class ImportCommandTest {

    @TempDir
    Path dir;

    private static Path shared(String relative) {
        String shared = System.getProperty("lightbox.shared");
        Path path = shared == null ? null : Path.of(shared, "data", relative);
        assumeTrue(path != null && Files.exists(path), "skipped: shared test data not found: " + path);
        return path;
    }

    private String newProject() {
        Path file = dir.resolve("cxr14.lightbox");
        CliRun created = run("new", file.toString(), "--name", "CXR14 relabelling");
        assertEquals(0, created.exitCode(), created.err());
        return file.toString();
    }

    @Test
    @DisplayName("new creates an empty project with the 14 CXR14 findings, and refuses with exit 2 to overwrite one")
    void newProjectCommand() {
        String project = newProject();
        CliRun info = run("info", project);
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Project:      CXR14 relabelling"), info.out());
        assertTrue(info.out().contains("Label schema: ChestX-ray14 2017, 14 findings"), info.out());
        assertTrue(info.out().contains("Images:       0"), info.out());
        CliRun again = run("new", project);
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("exists already"), again.err());
    }

    @Test
    @DisplayName("import cxr14 prints progress on stderr and the summary on stdout, and info then counts 10,000 images")
    void importCxr14Labels() {
        Path labels = shared("cxr14/sample_labels_2017_age_format.csv");
        String project = newProject();
        CliRun imported = run("import", "cxr14", project, labels.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        // tail -n +2 sample_labels_2017_age_format.csv | wc -l -> 10000
        assertTrue(imported.out().startsWith("CXR14 labels from sample_labels_2017_age_format.csv: 10,000 imported,"
                + " 0 skipped, 0 failed in "), imported.out());
        assertTrue(imported.err().contains("lightbox import cxr14: 100%"), imported.err());
        assertTrue(run("info", project).out().contains("Images:       10,000"));
        CliRun again = run("import", "cxr14", project, labels.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("0 imported, 10,000 skipped, 0 failed"), again.out());
    }

    @Test
    @DisplayName("import folder writes one report line per file; a cut-off PNG among them makes the exit code 1")
    void importFolderWithReport() throws Exception {
        Path images = shared("cxr14/images");
        String project = newProject();
        Path report = dir.resolve("report.csv");
        CliRun imported = run("import", "folder", project, images.toString(), "--report", report.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        // ls images | wc -l -> 96, plus the header line
        List<String> lines = Files.readAllLines(report);
        assertEquals(97, lines.size());
        assertEquals("item,outcome,image_id,detail", lines.getFirst());
        assertEquals("00000001_000.png,IMPORTED,00000001_000.png,", lines.get(1));

        Path broken = Files.createDirectories(dir.resolve("broken"));
        byte[] png = Files.readAllBytes(images.resolve("00000002_000.png"));
        Files.write(broken.resolve("cut.png"), Arrays.copyOf(png, 20_000)); // head -c 20000
        CliRun failed = run("import", "folder", project, broken.toString());
        assertEquals(1, failed.exitCode(), failed.out());
        assertTrue(failed.out().contains("0 imported, 0 skipped, 1 failed"), failed.out());
    }

    @Test
    @DisplayName("wrong columns exit 1 naming them and write nothing; a missing file exits 2; predictions need --model")
    void errors() {
        Path index = shared("cxr14/IMAGE_INDEX.csv");
        String project = newProject();
        CliRun wrong = run("import", "cxr14", project, index.toString());
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().contains("missing 'Image Index'") && wrong.err().contains("Nothing was imported."), wrong.err());
        assertEquals("", wrong.out());
        assertTrue(run("info", project).out().contains("Images:       0"));

        CliRun noFile = run("import", "reads", project, dir.resolve("nothing.csv").toString());
        assertEquals(2, noFile.exitCode());
        assertTrue(noFile.err().contains("nothing.csv does not exist"), noFile.err());
        CliRun noProject = run("import", "folder", dir.resolve("none.lightbox").toString(), dir.toString());
        assertEquals(2, noProject.exitCode());
        assertTrue(noProject.err().contains("no project file at"), noProject.err());
        CliRun noModel = run("import", "predictions", project, index.toString());
        assertEquals(2, noModel.exitCode());
        assertTrue(noModel.err().contains("--model"), noModel.err());
    }

    @Test
    @DisplayName("reads of images the project lacks are all skipped, and the exit code is still 0")
    void readsOfMissingImages() {
        Path reads = shared("expert-labels/all-findings/test_individual_readers.csv");
        String project = newProject();
        CliRun result = run("import", "reads", project, reads.toString());
        assertEquals(0, result.exitCode(), result.err());
        // tail -n +2 test_individual_readers.csv | wc -l -> 4050
        assertTrue(result.out().contains("0 imported, 4,050 skipped, 0 failed"), result.out());
    }

    @Test
    @DisplayName("--help lists the new and import commands, and import --help its four kinds")
    void help() {
        CliRun help = run("--help");
        assertTrue(help.out().contains("new") && help.out().contains("import"), help.out());
        CliRun importHelp = run("import", "--help");
        assertEquals(0, importHelp.exitCode());
        for (String kind : List.of("folder", "cxr14", "reads", "predictions")) {
            assertTrue(importHelp.out().contains(kind), importHelp.out());
        }
    }
}
