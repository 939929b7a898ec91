package org.lightbox.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightbox.cli.tests.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Sex;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The headless command line as {@code ./lightbox <command>} runs it, inside OSGi with the real DS services. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("--help exits 0 and lists the info and demo commands")
    void helpListsCommands() {
        CliRun help = run("--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("info") && help.out().contains("demo"), help.out());
    }

    @Test
    @DisplayName("info on a new demo project reports as many images as the demo wrote PNG files, and its 3 readers")
    void infoDescribesTheDemoProject() throws IOException {
        CliRun demo = run("demo", dir.toString());
        assertEquals(0, demo.exitCode(), demo.err());
        long pngs;
        try (Stream<Path> files = Files.list(dir.resolve("images"))) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).count();
        }
        CliRun info = run("info", dir.resolve("demo.lightbox").toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Images:       " + pngs + "\n") || info.out().contains("Images:       " + pngs + System.lineSeparator()),
                info.out());
        assertTrue(info.out().contains("Readers:      3 (reader-a, reader-b, reader-c)"), info.out());
        assertTrue(info.out().matches("(?s).*schema version [1-9][0-9]*\\).*"), info.out());
    }

    @Test
    @DisplayName("the demo comes in through the CXR14 import: every manifest row is an image with the manifest's"
            + " SHA-256, sex and report-mined labels, and its patient only as a pseudonym")
    void demoIsImportedThroughTheCxr14Import() throws Exception {
        CliRun demo = run("demo", dir.toString());
        assertEquals(0, demo.exitCode(), demo.err());
        List<String> lines = Files.readAllLines(dir.resolve("manifest.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        BundleContext context = FrameworkUtil.getBundle(CommandLineTest.class).getBundleContext();
        ServiceTracker<ProjectStore, ProjectStore> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + ProjectStore.class.getName() + ")(" + ProjectStore.KIND_PROPERTY
                        + "=" + ProjectStore.KIND_SQLITE + "))"), null);
        tracker.open();
        try (ProjectSession session = tracker.waitForService(10_000)
                .open(new StoreLocation.SqliteFile(dir.resolve("demo.lightbox")))) {
            assertEquals(lines.size() - 1, session.imageCount());
            for (String line : lines.subList(1, lines.size())) {
                List<String> row = List.of(line.split(",", -1));
                String file = row.get(header.indexOf("file"));
                ImageRecord image = session.image(file.substring(file.lastIndexOf('/') + 1)).orElseThrow();
                assertEquals(row.get(header.indexOf("sha256")), image.getContentHash(), file);
                assertEquals(row.get(header.indexOf("sex")), image.getPatientSex() == Sex.FEMALE ? "F" : "M", file);
                assertTrue(Files.isSameFile(dir.resolve(file), Path.of(image.getLocation())), file);
                assertNotEquals(row.get(header.indexOf("patient")), image.getPatientKey(), file);
                java.util.Set<String> reported = new java.util.TreeSet<>();
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).startsWith("report_") && "1".equals(row.get(i))) {
                        reported.add(header.get(i).substring("report_".length()));
                    }
                }
                java.util.Set<String> stored = new java.util.TreeSet<>();
                image.getSourceLabels().forEach(l -> stored.add(l.getFinding().getCode()));
                assertEquals(reported, stored, file);
            }
        } finally {
            tracker.close();
        }
    }

    @Test
    @DisplayName("info on a missing file exits 2 and names the file")
    void infoOnMissingFile() {
        CliRun info = run("info", dir.resolve("nothing.lightbox").toString());
        assertEquals(2, info.exitCode());
        assertTrue(info.err().contains("no project file at") && info.err().contains("nothing.lightbox"), info.err());
    }

    @Test
    @DisplayName("info on a file that is not a project exits 1 with SQLite's reason, and leaves the file untouched")
    void infoOnGarbage() throws IOException {
        Path garbage = dir.resolve("notes.lightbox");
        Files.writeString(garbage, "these are not the images you are looking for\n");
        CliRun info = run("info", garbage.toString());
        assertEquals(1, info.exitCode(), info.out());
        assertTrue(info.err().contains("not a database"), info.err());
        assertEquals("these are not the images you are looking for\n", Files.readString(garbage));
    }

    @Test
    @DisplayName("An unknown command exits 2 with picocli's usage message")
    void unknownCommand() {
        CliRun bogus = run("bogus");
        assertEquals(2, bogus.exitCode());
        assertTrue(bogus.err().contains("Unmatched argument"), bogus.err());
    }
}
