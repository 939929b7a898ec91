package org.lightbox.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.osgi.service.component.annotations.Component;

/**
 * Projects on a PostgreSQL server shared by a panel, one schema per project. Durability comes from
 * the server ({@code synchronous_commit} on, its default): a commit has returned once the WAL is
 * flushed on the server.
 */
@Component(service = ProjectStore.class, property = "store.kind=postgresql")
public final class PostgresProjectStore extends JdbcProjectStore {

    @Override
    public String kind() {
        return KIND_POSTGRESQL;
    }

    @Override
    protected SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    @Override
    protected Connection connect(StoreLocation location, boolean create) throws SQLException {
        StoreLocation.PostgresSchema pg = (StoreLocation.PostgresSchema) location;
        Properties properties = new Properties();
        if (pg.user() != null) {
            properties.setProperty("user", pg.user());
        }
        if (pg.password() != null) {
            properties.setProperty("password", pg.password());
        }
        properties.setProperty("ApplicationName", "Lightbox");
        // DriverManager cannot see a driver in another bundle
        Connection connection = new org.postgresql.Driver().connect(pg.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept the URL " + pg.jdbcUrl());
        }
        try (Statement statement = connection.createStatement()) {
            // the schema name was checked by PostgresSchema: lower-case letters, digits and '_' only
            if (create) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + pg.schema());
            }
            statement.execute("SET search_path TO " + pg.schema());
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
