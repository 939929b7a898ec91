package org.lightbox.store.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

/** The image query contract against a real PostgreSQL 15 started for this class. */
@DisplayName("PostgreSQL image queries")
class PostgresImageQueryTest extends ImageQueryContract {

    private PostgresServer server;
    private int projects;

    @BeforeAll
    void startServer() throws Exception {
        server = PostgresServer.startOrSkip();
    }

    @AfterAll
    void stopServer() throws Exception {
        closePanel();
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
        return server.location("query_" + ++projects);
    }
}
