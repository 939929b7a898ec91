package org.lightbox.phantom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.phantom.Defect;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomSetWriter;

/** Same seed, same bytes: the property every later test on phantoms relies on. */
class DeterminismTest {

    @TempDir
    Path dir;

    /** Every defect and device turns up in 40 images at these rates, so every drawing path is hashed. */
    private static PhantomConfig busy(int size) {
        PhantomConfig config = PhantomConfig.defaults().withSize(size);
        for (Defect d : Defect.values()) {
            config = config.withDefectRate(d, 0.04);
        }
        return config;
    }

    @Test
    @DisplayName("The same seed written twice, on 1 and on 2 threads, gives byte-identical images, manifest and reads")
    void sameSeedSameBytes() throws IOException {
        Map<String, String> first = write(dir.resolve("one"), busy(256), 20261122L, 1, PhantomEncoder.png16());
        Map<String, String> second = write(dir.resolve("two"), busy(256), 20261122L, 2, PhantomEncoder.png16());
        assertEquals(40 + 3, first.size(), "40 images, the manifest, the reads and the Data_Entry file");
        assertEquals(first, second);
    }

    @Test
    @DisplayName("8-bit PNGs are deterministic too, and another seed gives other images")
    void eightBitAndOtherSeed() throws IOException {
        Map<String, String> a = write(dir.resolve("a"), busy(128), 7, 2, PhantomEncoder.png8());
        Map<String, String> b = write(dir.resolve("b"), busy(128), 7, 2, PhantomEncoder.png8());
        Map<String, String> c = write(dir.resolve("c"), busy(128), 8, 2, PhantomEncoder.png8());
        assertEquals(a, b);
        long same = a.entrySet().stream().filter(e -> e.getValue().equals(c.get(e.getKey()))).count();
        assertEquals(0, same, "no file of seed 8 should equal seed 7's");
        assertNotEquals(a.get("manifest.csv"), c.get("manifest.csv"));
    }

    private static Map<String, String> write(Path folder, PhantomConfig config, long seed, int threads,
            PhantomEncoder encoder) throws IOException {
        new PhantomSetWriter(new PhantomGenerator(config, seed), encoder, threads).write(folder, 40);
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(folder.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
