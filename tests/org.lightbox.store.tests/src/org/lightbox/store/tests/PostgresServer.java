package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.lightbox.store.StoreLocation;

/**
 * A throwaway PostgreSQL 15 server (Debian's binaries) in a temporary folder, on a free port of
 * 127.0.0.1, with a superuser {@value #USER} and trust authentication. initdb and the server refuse
 * to run as root, so as root they run as the {@code postgres} user in a folder it owns.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "lightbox";
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;
    private final boolean asPostgres;
    private final long startMillis;
    private long stopMillis;

    private PostgresServer(Path dir, int port, boolean asPostgres, long startMillis) {
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
        this.startMillis = startMillis;
    }

    /**
     * Starts a server, or skips the calling tests when the binaries are missing; with the environment
     * variable CI=true a missing server fails them instead, so that CI cannot pass without it.
     */
    static PostgresServer startOrSkip() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            String why = "PostgreSQL 15 server binaries not found in " + BIN + " (Debian package postgresql-15)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; CI=true, so the PostgreSQL store tests must not be skipped");
            }
            Assumptions.abort(why + ": PostgreSQL store tests skipped");
        }
        return start();
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        boolean root = "root".equals(System.getProperty("user.name"));
        // as root: under /tmp, which postgres can reach (the build's temp dir may not be)
        Path dir = root ? Files.createTempDirectory(Path.of("/tmp"), "lightbox-pg-")
                : Files.createTempDirectory("lightbox-pg-");
        if (root) {
            Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
        int port = freePort();
        PostgresServer server = new PostgresServer(dir, port, root, 0);
        try {
            server.run(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", USER, "-E", "UTF8", "--locale=C", "--no-sync");
            server.run(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                    "-l", dir.resolve("log").toString(), "-w", "start");
        } catch (IOException | RuntimeException e) {
            server.deleteDir();
            throw e;
        }
        return new PostgresServer(dir, port, root, (System.nanoTime() - begin) / 1_000_000);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    StoreLocation.PostgresSchema location(String schema) {
        return new StoreLocation.PostgresSchema(jdbcUrl(), USER, null, schema);
    }

    long startMillis() {
        return startMillis;
    }

    long stopMillis() {
        return stopMillis;
    }

    /** Stops the server (fast shutdown) and deletes its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        try {
            run(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } finally {
            deleteDir();
            stopMillis = (System.nanoTime() - begin) / 1_000_000;
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).directory(dir.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", line) + " failed:\n" + new String(output, StandardCharsets.UTF_8)
                    + serverLog());
        }
    }

    private String serverLog() {
        try {
            Path log = dir.resolve("log");
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void deleteDir() {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
