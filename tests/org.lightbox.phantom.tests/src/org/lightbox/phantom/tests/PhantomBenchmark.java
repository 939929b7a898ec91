package org.lightbox.phantom.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomSet;
import org.lightbox.phantom.PhantomSetWriter;

/**
 * Benchmark, not a test: writes phantom sets to a temporary folder (deleted afterwards) and prints a
 * table. The phantom bundle needs nothing but the JDK, so it runs on the compiled classes:
 * <pre>
 * ./mvnw -q -pl tests/org.lightbox.phantom.tests -am verify -DskipTests
 * $JAVA_HOME/bin/java -cp bundles/org.lightbox.phantom/target/classes:tests/org.lightbox.phantom.tests/target/classes \
 *     org.lightbox.phantom.tests.PhantomBenchmark [count=10000] [size:format ...=512:png16] [threads=all cores]
 * </pre>
 * Goal (issue 4): 10,000 phantoms at 512² in under 2 minutes on 2 cores.
 */
public final class PhantomBenchmark {

    private PhantomBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> runs = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 1; i < args.length; i++) {
            if (args[i].contains(":")) {
                runs.add(args[i]);
            } else {
                threads = Integer.parseInt(args[i]);
            }
        }
        if (runs.isEmpty()) {
            runs.add("512:png16");
        }
        System.out.printf(Locale.ROOT, "Phantom benchmark: %,d images per run, %d threads, %d cores, %s %s%n", count,
                threads, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-6s %-6s %8s %10s %10s %10s %10s%n", "size", "format", "images", "seconds",
                "images/s", "ms/image", "MB");
        warmUp(threads);
        for (String run : runs) {
            String[] parts = run.split(":");
            int size = Integer.parseInt(parts[0]);
            PhantomEncoder encoder = PhantomEncoder.named(parts[1]);
            Path dir = Files.createTempDirectory("phantom-bench");
            try {
                PhantomSetWriter writer = new PhantomSetWriter(
                        new PhantomGenerator(PhantomConfig.defaults().withSize(size), 1), encoder, threads);
                long start = System.nanoTime();
                PhantomSet set = writer.write(dir, count);
                double seconds = (System.nanoTime() - start) / 1e9;
                long bytes = 0;
                for (var f : set.files()) {
                    bytes += Files.size(f.file());
                }
                System.out.printf(Locale.ROOT, "%-6d %-6s %8d %10.1f %10.1f %10.2f %10.1f%n", size, encoder.format(), count,
                        seconds, count / seconds, 1000 * seconds / count, bytes / 1e6);
            } finally {
                delete(dir);
            }
        }
    }

    /** A few hundred images first, so that the table measures compiled code. */
    private static void warmUp(int threads) throws IOException {
        Path dir = Files.createTempDirectory("phantom-warm");
        try {
            new PhantomSetWriter(new PhantomGenerator(PhantomConfig.defaults().withSize(256), 2), PhantomEncoder.png16(),
                    threads).write(dir, 200);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
