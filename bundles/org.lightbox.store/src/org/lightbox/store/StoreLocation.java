package org.lightbox.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a project lives. Each kind of location is served by the {@link ProjectStore} whose
 * {@code store.kind} service property equals {@link #storeKind()}.
 */
public sealed interface StoreLocation {

    /** The {@code store.kind} of the {@link ProjectStore} service that handles this location. */
    String storeKind();

    /** One SQLite file per project (the embedded default for a single reader). */
    record SqliteFile(Path file) implements StoreLocation {

        public SqliteFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String storeKind() {
            return ProjectStore.KIND_SQLITE;
        }

        @Override
        public String toString() {
            return "SQLite file " + file;
        }
    }

    /**
     * One schema of a PostgreSQL database per project (the shared panel server).
     *
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://host:5432/lightbox}
     * @param schema   the project's schema: lower-case letters, digits and '_', starting with a letter
     *                 or '_' (it is put into SQL, so it is checked rather than quoted)
     */
    record PostgresSchema(String jdbcUrl, String user, String password, String schema) implements StoreLocation {

        private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

        public PostgresSchema {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(schema, "schema");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            if (!SCHEMA_NAME.matcher(schema).matches()) {
                throw new IllegalArgumentException("Schema name '" + schema
                        + "' must be 1-63 lower-case letters, digits or '_' and not start with a digit");
            }
        }

        @Override
        public String storeKind() {
            return ProjectStore.KIND_POSTGRESQL;
        }

        /** Never shows the password: locations end up in logs and error messages. */
        @Override
        public String toString() {
            return "PostgreSQL schema " + schema + " at " + jdbcUrl + " as " + user;
        }
    }
}
