package org.lightbox.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightbox.cli.tests.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
