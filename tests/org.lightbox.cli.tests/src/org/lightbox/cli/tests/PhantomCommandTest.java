package org.lightbox.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** {@code ./lightbox phantom} and the demo project it feeds, inside OSGi. */
class PhantomCommandTest {

    @TempDir
    Path dir;

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }

    @Test
    @DisplayName("phantom --count 12 --seed 5 writes 12 PNGs with manifest, reads and Data_Entry, byte for byte the same twice")
    void writesTheSameSetTwice() throws IOException {
        CliRun first = run("phantom", "--count", "12", "--seed", "5", "--out", dir.resolve("a").toString(), "--size", "128",
                "--format", "png8");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("Wrote 12 phantoms (128×128 png8)"), first.out());
        CliRun second = run("phantom", "--count", "12", "--seed", "5", "--out", dir.resolve("b").toString(), "--size", "128",
                "--format", "png8", "--threads", "1");
        assertEquals(0, second.exitCode(), second.err());
        List<Path> names = files(dir.resolve("a"));
        assertEquals(12 + 3, names.size(), names.toString());
        assertEquals(names, files(dir.resolve("b")));
        for (Path name : names) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name)),
                    Files.readAllBytes(dir.resolve("b").resolve(name)), name.toString());
        }
        assertEquals(1 + 12, Files.readAllLines(dir.resolve("a/manifest.csv")).size());
    }

    @Test
    @DisplayName("phantom into a folder that holds a set exits 2, says so, and leaves the set as it was")
    void refusesAnExistingSet() throws IOException {
        Path out = dir.resolve("set");
        assertEquals(0, run("phantom", "--count", "3", "--seed", "1", "--out", out.toString(), "--size", "128").exitCode());
        String manifest = Files.readString(out.resolve("manifest.csv"));
        CliRun again = run("phantom", "--count", "5", "--seed", "2", "--out", out.toString(), "--size", "128");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("holds a phantom set already"), again.err());
        assertEquals(manifest, Files.readString(out.resolve("manifest.csv")));
        assertEquals(3 + 3, files(out).size());
    }

    @Test
    @DisplayName("A size of 4096, an unknown format or an unknown finding exits 2 with a message naming what is allowed")
    void badOptions() {
        CliRun size = run("phantom", "--count", "3", "--seed", "1", "--out", dir.toString(), "--size", "4096");
        assertEquals(2, size.exitCode());
        assertTrue(size.err().contains("128 to 1024 pixels, got 4096"), size.err());
        CliRun format = run("phantom", "--count", "3", "--seed", "1", "--out", dir.toString(), "--format", "gif");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("unknown --format 'gif'") && format.err().contains("png16"), format.err());
        CliRun finding = run("phantom", "--count", "3", "--seed", "1", "--out", dir.toString(), "--prevalence", "Gout=0.2");
        assertEquals(2, finding.exitCode());
        assertTrue(finding.err().contains("no planted finding is called 'Gout'"), finding.err());
    }

    @Test
    @DisplayName("The demo keeps the phantoms' truth beside the project and the simulated readers' reads inside it")
    void demoHasTruthAndReads() throws IOException {
        CliRun demo = run("demo", dir.toString());
        assertEquals(0, demo.exitCode(), demo.err());
        List<String> manifest = Files.readAllLines(dir.resolve("manifest.csv"));
        long pngs;
        try (Stream<Path> images = Files.list(dir.resolve("images"))) {
            pngs = images.count();
        }
        assertEquals(pngs + 1, manifest.size());
        long reads = Files.readAllLines(dir.resolve("reads.csv")).size() - 1;
        CliRun info = run("info", dir.resolve("demo.lightbox").toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains(String.format("Reads:        %,d", reads)), info.out() + " expected " + reads + " reads");
    }
}
