package org.lightbox.store.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

@DisplayName("SQLite reading desk")
class SqliteReadingDeskTest extends ReadingDeskContract {

    private Path dir;
    private int projects;

    @BeforeAll
    void createDir() throws IOException {
        dir = Files.createTempDirectory("lightbox-desk-");
    }

    @AfterAll
    void deleteDir() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    protected String kind() {
        return ProjectStore.KIND_SQLITE;
    }

    @Override
    protected StoreLocation newLocation() {
        return new StoreLocation.SqliteFile(dir.resolve("project-" + ++projects).resolve("project.lightbox"));
    }
}
