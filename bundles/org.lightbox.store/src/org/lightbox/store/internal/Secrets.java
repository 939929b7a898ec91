package org.lightbox.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The project's pseudonym secret and the keyed hash made with it. The secret is 256 random bits,
 * created on first use and kept in {@code project_secrets}; creating it is race-free on a shared
 * server ({@code ON CONFLICT DO NOTHING}, then everyone reads the one that won).
 */
final class Secrets {

    private static final String PATIENT_KEY = "patient-key";
    private static final String ALGORITHM = "HmacSHA256";
    /** 128 of HMAC-SHA-256's 256 bits: enough that patients never collide, short enough to show. */
    private static final int PSEUDONYM_BYTES = 16;

    private final Jdbc jdbc;
    private final SecureRandom random = new SecureRandom();
    private Mac mac;

    Secrets(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the secret is loaded, so that a pseudonym needs no write. */
    boolean ready() {
        return mac != null;
    }

    /** Drops the cached key: the transaction that stored a fresh secret was rolled back. */
    void forget() {
        mac = null;
    }

    /** HMAC-SHA-256 of the identity under the project's patient-key secret, as 32 lower-case hex digits. */
    String pseudonym(String identity) throws SQLException {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("No identity to make a pseudonym of");
        }
        byte[] digest = mac().doFinal(identity.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, PSEUDONYM_BYTES);
    }

    private Mac mac() throws SQLException {
        if (mac == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            jdbc.update("INSERT INTO project_secrets (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    PATIENT_KEY, HexFormat.of().formatHex(fresh));
            String stored = jdbc.first("SELECT secret FROM project_secrets WHERE name = ?", rs -> rs.getString(1),
                    PATIENT_KEY).orElseThrow(() -> new SQLException("the patient-key secret could not be stored"));
            try {
                Mac created = Mac.getInstance(ALGORITHM);
                created.init(new SecretKeySpec(HexFormat.of().parseHex(stored), ALGORITHM));
                mac = created;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
            }
        }
        return mac;
    }
}
