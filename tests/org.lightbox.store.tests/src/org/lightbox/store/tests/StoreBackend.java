package org.lightbox.store.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

/**
 * Where a contract's test projects live, for one store kind: SQLite files in a temporary folder deleted afterwards,
 * or schemas of a real PostgreSQL 15 server started for the test class and stopped afterwards (the tests skip when
 * the server binaries are missing, and fail under {@code CI=true}).
 */
abstract class StoreBackend implements AutoCloseable {

    private int projects;

    abstract String kind();

    abstract void start() throws Exception;

    /** A fresh location for the next test project. */
    StoreLocation newLocation() {
        return location("project_" + ++projects);
    }

    abstract StoreLocation location(String name);

    static StoreBackend sqlite() {
        return new StoreBackend() {
            private Path dir;

            @Override
            String kind() {
                return ProjectStore.KIND_SQLITE;
            }

            @Override
            void start() throws IOException {
                dir = Files.createTempDirectory("lightbox-store-");
            }

            @Override
            StoreLocation location(String name) {
                return new StoreLocation.SqliteFile(dir.resolve(name).resolve("project.lightbox"));
            }

            @Override
            public void close() throws IOException {
                if (dir == null) {
                    return;
                }
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        };
    }

    static StoreBackend postgres() {
        return new StoreBackend() {
            private PostgresServer server;

            @Override
            String kind() {
                return ProjectStore.KIND_POSTGRESQL;
            }

            @Override
            void start() throws Exception {
                server = PostgresServer.startOrSkip();
                System.out.println("PostgreSQL 15 started in " + server.startMillis() + " ms at " + server.jdbcUrl());
            }

            @Override
            StoreLocation location(String name) {
                return server.location(name);
            }

            @Override
            public void close() throws Exception {
                if (server != null) {
                    server.close();
                    System.out.println("PostgreSQL 15 stopped and deleted in " + server.stopMillis() + " ms");
                }
            }
        };
    }
}
