package org.lightbox.imaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A patient's identity as a format adapter hands it over: a plain digest of the identifier, never
 * the identifier or the name, so that no raw id leaves the adapter. It is not what a project stores:
 * anyone can recompute a plain digest from a guessed id, so the importer ({@code org.lightbox.dataset})
 * keys it with the project's secret ({@code ProjectSession.pseudonym}, HMAC-SHA-256) and stores only
 * that. CXR14 label rows go through the same two steps, so both ways meet in one key per patient.
 * Patient-wise folds and agreement statistics group images by the stored key, so {@link #basis()} says
 * how strong the grouping is: a key from Patient ID joins a patient's images across studies, a key
 * from Study Instance UID only joins the images of one study.
 *
 * @param value 32 lower-case hex digits (128 bits of SHA-256), or "" when {@link Basis#UNKNOWN}
 * @param basis what the hash was computed from
 */
public record PatientKey(String value, Basis basis) {

    /** What the key was derived from, strongest first. */
    public enum Basis { PATIENT_ID, STUDY_INSTANCE_UID, UNKNOWN }

    public static final PatientKey UNKNOWN = new PatientKey("", Basis.UNKNOWN);

    // Versioned domain prefix, so that a later salted scheme cannot collide with this one.
    private static final String DOMAIN = "lightbox/patient-key/v1";

    public PatientKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(basis, "basis");
        if ((basis == Basis.UNKNOWN) != value.isEmpty()) {
            throw new IllegalArgumentException("an UNKNOWN key has an empty value and only it: " + value);
        }
    }

    /**
     * The key for a patient identifier within its issuer (DICOM Issuer of Patient ID, or a dataset
     * name such as "NIH-CXR14"); falls back to the study, then to {@link #UNKNOWN}, when the
     * identifier is blank.
     */
    public static PatientKey derive(String issuer, String patientId, String studyInstanceUid) {
        if (!isBlank(patientId)) {
            return new PatientKey(hash(Basis.PATIENT_ID, nullToEmpty(issuer).strip(), patientId.strip()), Basis.PATIENT_ID);
        }
        if (!isBlank(studyInstanceUid)) {
            return new PatientKey(hash(Basis.STUDY_INSTANCE_UID, "", studyInstanceUid.strip()), Basis.STUDY_INSTANCE_UID);
        }
        return UNKNOWN;
    }

    public boolean isKnown() {
        return basis != Basis.UNKNOWN;
    }

    private static String hash(Basis basis, String issuer, String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = DOMAIN + '\u0000' + basis + '\u0000' + issuer + '\u0000' + id;
            byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return basis == Basis.UNKNOWN ? "PatientKey[unknown]" : "PatientKey[" + value + " from " + basis + "]";
    }
}
