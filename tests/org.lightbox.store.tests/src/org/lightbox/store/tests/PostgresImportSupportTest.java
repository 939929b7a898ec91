package org.lightbox.store.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

/** The import support contract against a real PostgreSQL 15 started for this class. */
@DisplayName("PostgreSQL import support")
class PostgresImportSupportTest extends ImportSupportContract {

    private PostgresServer server;
    private int projects;

    @BeforeAll
    void startServer() throws Exception {
        server = PostgresServer.startOrSkip();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected String kind() {
        return ProjectStore.KIND_POSTGRESQL;
    }

    @Override
    protected StoreLocation newLocation() {
        return server.location("import_" + ++projects);
    }
}
