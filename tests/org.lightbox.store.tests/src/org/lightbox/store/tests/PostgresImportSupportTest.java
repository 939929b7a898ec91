package org.lightbox.store.tests;

import org.junit.jupiter.api.DisplayName;

/** The import support contract against a real PostgreSQL 15 started for this class. */
@DisplayName("PostgreSQL import support")
class PostgresImportSupportTest extends ImportSupportContract {

    PostgresImportSupportTest() {
        super(StoreBackend.postgres());
    }
}
