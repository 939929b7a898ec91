package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.model.LightboxPackage;
import org.lightbox.model.Read;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Nothing a reader did is lost: a process killed with SIGKILL mid-session keeps every read it acknowledged. */
class KilledProcessDurabilityTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("Every read acknowledged before the reading process is killed (SIGKILL) is in the SQLite store afterwards")
    void acknowledgedReadsSurviveAKill() throws Exception {
        Path file = dir.resolve("killed.lightbox");
        String classPath = String.join(java.io.File.pathSeparator, List.of(root(ReadingProcess.class),
                root(org.lightbox.store.internal.SqliteProjectStore.class), root(LightboxPackage.class),
                root(EObject.class), root(URI.class), root(org.sqlite.JDBC.class)));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ReadingProcess.class.getName(), file.toString()).redirectErrorStream(true).start();
        Map<String, String> acknowledged = new HashMap<>();
        StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 100 && (line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(parts[1] + " " + parts[2], parts[3]);
                } else {
                    other.append(line).append('\n');
                }
            }
            child.destroyForcibly();                    // SIGKILL: no shutdown hooks, no close()
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(100, acknowledged.size(), "the child should have acknowledged 100 reads before the kill:\n" + other);
        assertTrue(Files.exists(dir.resolve("killed.lightbox-wal")), "killed mid-session, the write-ahead log is still there");

        try (ProjectSession session = sqlite().open(new StoreLocation.SqliteFile(file))) {
            Map<String, String> stored = new HashMap<>();
            for (Read read : session.allReads()) {
                stored.put(read.getImage().getImageId() + " " + read.getFinding().getCode(), read.getValue().getLiteral());
            }
            acknowledged.forEach((key, value) -> assertEquals(value, stored.get(key), "acknowledged read " + key));
            assertTrue(stored.size() < ReadingProcess.IMAGES * ReadingProcess.FINDINGS.size(), "the child was killed before it finished");
        }
    }

    private static ProjectStore sqlite() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(KilledProcessDurabilityTest.class).getBundleContext();
        ServiceTracker<ProjectStore, ProjectStore> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + ProjectStore.class.getName() + ")(store.kind=sqlite))"), null);
        tracker.open();
        ProjectStore store = tracker.waitForService(10_000);
        assertTrue(store != null, "no SQLite ProjectStore service");
        return store;
    }

    /** The jar or class folder a class was loaded from (its code source), for a plain class path. */
    private static String root(Class<?> type) throws URISyntaxException {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        Path root = Path.of(source.getLocation().toURI());
        String classFile = type.getName().replace('.', '/') + ".class";
        if (Files.isDirectory(root) && !Files.isRegularFile(root.resolve(classFile))) {
            root = root.resolve("target/classes");       // a bundle run from its project folder
        }
        return root.toString();
    }
}
