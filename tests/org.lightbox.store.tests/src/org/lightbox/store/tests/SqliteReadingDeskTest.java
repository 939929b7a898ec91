package org.lightbox.store.tests;

import org.junit.jupiter.api.DisplayName;

@DisplayName("SQLite reading desk")
class SqliteReadingDeskTest extends ReadingDeskContract {

    SqliteReadingDeskTest() {
        super(StoreBackend.sqlite());
    }
}
