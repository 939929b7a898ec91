package org.lightbox.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/**
 * Ordered schema migrations, one SQL script per version ({@code migrations/V<n>__<what>.sql},
 * dialect tokens such as {@code ${identity}} expanded by {@link SqlDialect}). The table
 * {@code schema_version} records each applied version; opening a store applies the missing ones in
 * one transaction and refuses a store whose version is newer than the newest script known here.
 * <p>
 * To add version 2: write {@code migrations/V2__<what>.sql} and append its path to {@link #STANDARD}.
 * Never edit a script that has shipped.
 */
public final class Migrations {

    /** The migrations of this Lightbox, oldest first. */
    private static final List<String> STANDARD = List.of(
            "migrations/V1__initial.sql",
            "migrations/V2__predictions_and_patient_secret.sql",
            "migrations/V3__image_query_indexes.sql",
            "migrations/V4__reading_desk.sql",
            "migrations/V5__consensus_votes.sql");

    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /** One script: its version, its description (from the file name) and its resource path. */
    public record Script(int version, String description, String resource) {
    }

    /** One row of {@code schema_version}. */
    public record Applied(int version, String description, long appliedAtMillis) {
    }

    private final ClassLoader loader;
    private final List<Script> scripts;

    private Migrations(ClassLoader loader, List<Script> scripts) {
        this.loader = loader;
        this.scripts = scripts;
    }

    /** The migrations that ship with this bundle. */
    public static Migrations standard() {
        return of(Migrations.class.getClassLoader(), STANDARD);
    }

    /** Migrations from the given resources, which must be versions 1, 2, … in order. */
    public static Migrations of(ClassLoader loader, List<String> resources) {
        List<Script> scripts = new ArrayList<>();
        for (String resource : resources) {
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            Matcher name = SCRIPT_NAME.matcher(fileName);
            if (!name.matches()) {
                throw new IllegalArgumentException("Migration " + resource + " is not named V<n>__<what>.sql");
            }
            int version = Integer.parseInt(name.group(1));
            if (version != scripts.size() + 1) {
                throw new IllegalArgumentException("Migration " + resource + " should be version " + (scripts.size() + 1));
            }
            scripts.add(new Script(version, name.group(2).replace('_', ' '), resource));
        }
        return new Migrations(loader, List.copyOf(scripts));
    }

    public List<Script> scripts() {
        return scripts;
    }

    public int latestVersion() {
        return scripts.size();
    }

    /**
     * Brings the store up to {@link #latestVersion()}. Must run inside a transaction, so that a
     * failing script leaves the store at the version it had.
     */
    void apply(Jdbc jdbc, SqlDialect dialect, String where) throws SQLException {
        jdbc.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        if (dialect.migrationLockSql() != null) {
            jdbc.execute(dialect.migrationLockSql());
        }
        int current = currentVersion(jdbc);
        if (current > latestVersion()) {
            throw new StoreException(Reason.INCOMPATIBLE_VERSION, where + " has schema version " + current
                    + ", but this Lightbox knows schema versions up to " + latestVersion()
                    + ": it was written by a newer Lightbox. Update Lightbox to open it; the store was not changed.");
        }
        for (Script script : scripts.subList(current, scripts.size())) {
            try {
                for (String statement : statements(script, dialect)) {
                    jdbc.execute(statement);
                }
            } catch (SQLException e) {
                throw new SQLException("migration V" + script.version() + " (" + script.description()
                        + ") failed, the store stays at version " + current + ": " + e.getMessage(),
                        e.getSQLState(), e.getErrorCode(), e);
            }
            jdbc.update("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    script.version(), script.description(), System.currentTimeMillis());
        }
    }

    static int currentVersion(Jdbc jdbc) throws SQLException {
        return (int) jdbc.count("SELECT MAX(version) FROM schema_version");
    }

    static List<Applied> applied(Jdbc jdbc) throws SQLException {
        return jdbc.list("SELECT version, description, applied_at FROM schema_version ORDER BY version",
                rs -> new Applied(rs.getInt("version"), rs.getString("description"), rs.getLong("applied_at")));
    }

    /** The script's statements: comments dropped, tokens expanded, split at semicolons. */
    private List<String> statements(Script script, SqlDialect dialect) {
        StringBuilder sql = new StringBuilder();
        for (String line : read(script).split("\\R")) {
            int comment = line.indexOf("--");
            sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : dialect.expand(sql.toString()).split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private String read(Script script) {
        try (InputStream in = loader.getResourceAsStream(script.resource())) {
            if (in == null) {
                throw new IllegalStateException("Migration script " + script.resource() + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read migration script " + script.resource(), e);
        }
    }
}
