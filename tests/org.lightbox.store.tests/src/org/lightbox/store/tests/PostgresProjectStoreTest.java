package org.lightbox.store.tests;

import org.junit.jupiter.api.DisplayName;

/** Runs the contract against a real PostgreSQL 15 started for this class; one schema per test project. */
@DisplayName("PostgreSQL project store")
class PostgresProjectStoreTest extends ProjectStoreContract {

    PostgresProjectStoreTest() {
        super(StoreBackend.postgres());
    }
}
