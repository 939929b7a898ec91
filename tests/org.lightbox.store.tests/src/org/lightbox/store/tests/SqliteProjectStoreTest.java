package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreLocation;

@DisplayName("SQLite project store")
class SqliteProjectStoreTest extends ProjectStoreContract {

    SqliteProjectStoreTest() {
        super(StoreBackend.sqlite());
    }

    @Test
    @DisplayName("a project is one SQLite file in WAL mode, alone in its folder once the session is closed")
    void oneFileInWalMode() throws Exception {
        StoreLocation.SqliteFile where = (StoreLocation.SqliteFile) newLocation();
        try (ProjectSession session = store.create(where, Fixtures.project())) {
            session.addImages(List.of(Fixtures.bareImage("a.png")));
            assertTrue(Files.exists(Path.of(where.file() + "-wal")), "a write-ahead log while open");
        }
        try (Stream<Path> files = Files.list(where.file().getParent())) {
            assertEquals(List.of(where.file()), files.toList());
        }
        try (Connection raw = new org.sqlite.JDBC().connect("jdbc:sqlite:" + where.file(), new Properties());
                Statement statement = raw.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertEquals("wal", mode.getString(1));
        }
    }
}
