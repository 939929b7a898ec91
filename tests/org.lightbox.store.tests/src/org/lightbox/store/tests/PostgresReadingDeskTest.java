package org.lightbox.store.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

/** Runs the contract against a real PostgreSQL 15 started for this class; one schema per test project. */
@DisplayName("PostgreSQL reading desk")
class PostgresReadingDeskTest extends ReadingDeskContract {

    private PostgresServer server;
    private int projects;

    @BeforeAll
    void startServer() throws Exception {
        server = PostgresServer.startOrSkip();
        System.out.println("PostgreSQL 15 started in " + server.startMillis() + " ms at " + server.jdbcUrl());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
            System.out.println("PostgreSQL 15 stopped and deleted in " + server.stopMillis() + " ms");
        }
    }

    @Override
    protected String kind() {
        return ProjectStore.KIND_POSTGRESQL;
    }

    @Override
    protected StoreLocation newLocation() {
        return server.location("project_" + ++projects);
    }
}
