package org.lightbox.consensus.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The reference fixtures shipped in this fragment under {@code fixtures/} (each names the command that made it). */
final class Fixtures {

    private Fixtures() {
    }

    /** The lines of {@code fixtures/<name>}. */
    static List<String> lines(String name) {
        for (Path dir : List.of(Path.of("fixtures"), Path.of("tests/org.lightbox.consensus.tests/fixtures"))) {
            if (Files.isRegularFile(dir.resolve(name))) {
                try {
                    return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new AssertionError("cannot read fixture " + name, e);
                }
            }
        }
        return fromBundle(name);
    }

    private static List<String> fromBundle(String name) {
        Bundle host = FrameworkUtil.getBundle(Fixtures.class);
        assertNotNull(host, "no fixture " + name + " in the working folder, and not running in OSGi");
        // findEntries, unlike getEntry, also looks into fragments attached to the host
        Enumeration<URL> found = host.findEntries("fixtures", name, false);
        assertNotNull(found, "no fixture fixtures/" + name);
        URL url = found.nextElement();
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + url, e);
        }
    }
}
