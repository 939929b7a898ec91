package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.demo.DemoProject;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreLocation;
import org.lightbox.ui.internal.Projects;
import org.lightbox.ui.internal.reading.ReaderIdentity;

/**
 * The workbench, a real process (Equinox with this test runtime's bundles, running {@link KillableReading}), is
 * killed with SIGKILL after 20 decisions it acknowledged by showing the next image: every one of them is in
 * the store afterwards, each image with all its findings.
 */
class KilledWorkbenchTest {

    private static final int ACKNOWLEDGED = 20;

    @TempDir
    Path dir;

    @Test
    @DisplayName("SIGKILL of the reading workbench after 20 acknowledged decisions loses none of them")
    void acknowledgedDecisionsSurviveAKill() throws Exception {
        WorkbenchDriver.requireDisplay();
        Path demo = dir.resolve("demo");
        DemoProject.ensure(demo, ReadingEditorTest.sqlite(), ReadingEditorTest.importer());           // made here, so the child only opens it
        Path configuration = Files.createDirectories(dir.resolve("configuration"));
        Path ours = Path.of(URI.create(System.getProperty("osgi.configuration.area")));
        Properties config = new Properties();
        try (var in = Files.newInputStream(ours.resolve("config.ini"))) {
            config.load(in);
        }
        try (var out = Files.newOutputStream(configuration.resolve("config.ini"))) {
            config.store(out, "the test runtime's bundles, for a workbench of its own");
        }
        Path framework = Path.of(URI.create(config.getProperty("osgi.framework")));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + Projects.DEMO_DIR_PROPERTY + "=" + demo, "-D" + ReaderIdentity.PROPERTY + "=killed-reader",
                "-Dlightbox.thumbnail.cache=" + dir.resolve("thumbnails"),
                "-jar", framework.toString(), "-configuration", configuration.toUri().toString(),
                "-data", dir.resolve("workspace").toString(), "-application", "org.lightbox.ui.killableReading",
                "-consoleLog").redirectErrorStream(true).start();
        Map<String, String> acknowledged = new LinkedHashMap<>();
        StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long end = System.currentTimeMillis() + 240_000;
            String line;
            while (acknowledged.size() < ACKNOWLEDGED && System.currentTimeMillis() < end && (line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(parts[1], parts[2]);
                } else {
                    other.append(line).append('\n');
                    if (line.contains("Application error") || line.startsWith("done")) {
                        break;                                          // it will acknowledge nothing more
                    }
                }
            }
            child.destroyForcibly();                                    // SIGKILL: no shutdown hooks, no close()
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(ACKNOWLEDGED, acknowledged.size(), "the workbench should have acknowledged " + ACKNOWLEDGED
                + " decisions before the kill; its output:\n" + other);
        assertTrue(Files.exists(demo.resolve(DemoProject.FILE_NAME + "-wal")), "killed mid-session, the WAL is still there");

        try (ProjectSession session = ReadingEditorTest.sqlite().open(new StoreLocation.SqliteFile(demo.resolve(DemoProject.FILE_NAME)))) {
            int findings = session.project().getLabelSchema().getFindings().size();
            for (Map.Entry<String, String> decision : acknowledged.entrySet()) {
                List<Read> reads = session.desk("killed-reader").readsOfImage(decision.getKey());
                assertEquals(findings, reads.size(), "every finding of acknowledged image " + decision.getKey());
                for (Read read : reads) {
                    assertEquals(read.getFinding().getCode().equals(decision.getValue()) ? ReadValue.PRESENT
                            : ReadValue.ABSENT, read.getValue(), decision.getKey() + " " + read.getFinding().getCode());
                }
            }
            assertNotNull(session.desk("killed-reader"));
        }
    }
}
