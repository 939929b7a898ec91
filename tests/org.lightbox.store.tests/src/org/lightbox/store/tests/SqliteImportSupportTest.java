package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreLocation;

@DisplayName("SQLite import support")
class SqliteImportSupportTest extends ImportSupportContract {

    SqliteImportSupportTest() {
        super(StoreBackend.sqlite());
    }

    @Test
    @DisplayName("the pseudonym is HMAC-SHA-256 under the stored secret, cut to 128 bits, as openssl computes it")
    void pseudonymIsHmacSha256() throws Exception {
        StoreLocation.SqliteFile where = (StoreLocation.SqliteFile) newLocation();
        store.create(where, Fixtures.project()).close();
        // a known secret in place of the random one, before the project makes its first pseudonym
        try (Connection raw = new org.sqlite.JDBC().connect("jdbc:sqlite:" + where.file(), new Properties());
                Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO project_secrets (name, secret) VALUES ('patient-key',"
                    + " '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f')");
        }
        try (ProjectSession session = store.open(where)) {
            // printf 'PATIENT_ID:1' | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1e1f
            //   -> 8fc346580ac1d91d5eb8a6501e411406404ff10437e366aea731a34f2b7759dd (first 32 hex digits kept)
            assertEquals("8fc346580ac1d91d5eb8a6501e411406", session.pseudonym("PATIENT_ID:1"));
        }
    }
}
