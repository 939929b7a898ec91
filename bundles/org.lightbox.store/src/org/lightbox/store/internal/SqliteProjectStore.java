package org.lightbox.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;
import org.lightbox.store.StoreLocation;
import org.osgi.service.component.annotations.Component;

/**
 * Projects in SQLite files, one file per project, for a single reader on a laptop.
 * <p>
 * Durability: {@code journal_mode=WAL} with {@code synchronous=FULL}. In WAL mode, NORMAL syncs
 * only at checkpoints, so a commit survives an application crash but may be lost with the last
 * few others on power loss or an OS crash; FULL syncs the WAL at every commit, so a read that
 * {@code recordRead} returned from is on disk. Its cost is one fsync per read (a reader makes a
 * call every few seconds) and one per batch of images, which is nothing next to a radiologist's
 * minute. {@code foreign_keys=ON} because SQLite leaves it off per connection; writes take the
 * lock when their transaction begins (IMMEDIATE) and wait up to 10 s for another connection.
 */
@Component(service = ProjectStore.class, property = "store.kind=sqlite")
public final class SqliteProjectStore extends JdbcProjectStore {

    @Override
    public String kind() {
        return KIND_SQLITE;
    }

    @Override
    protected SqlDialect dialect() {
        return SqlDialect.SQLITE;
    }

    @Override
    protected Connection connect(StoreLocation location, boolean create) throws SQLException {
        Path file = ((StoreLocation.SqliteFile) location).file().toAbsolutePath();
        if (!create && !Files.isRegularFile(file)) {
            throw new StoreException(Reason.NOT_FOUND, "There is no Lightbox project file " + file);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException(Reason.FAILURE, "Could not create the folder of " + file + ": " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        properties.setProperty("transaction_mode", "IMMEDIATE");
        // DriverManager cannot see a driver in another bundle
        Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, properties);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                String journal = mode.next() ? mode.getString(1) : null;
                if (!"wal".equalsIgnoreCase(journal)) {
                    throw new SQLException("SQLite would not use write-ahead logging for " + file + " (journal mode " + journal + ")");
                }
            }
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = 10000");
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
