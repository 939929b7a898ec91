package org.lightbox.store.tests;

import org.junit.jupiter.api.DisplayName;

/** The image query contract against a real PostgreSQL 15 started for this class. */
@DisplayName("PostgreSQL image queries")
class PostgresImageQueryTest extends ImageQueryContract {

    PostgresImageQueryTest() {
        super(StoreBackend.postgres());
    }
}
