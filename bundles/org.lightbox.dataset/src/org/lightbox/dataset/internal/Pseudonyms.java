package org.lightbox.dataset.internal;

import java.util.HashMap;
import java.util.Map;

import org.lightbox.imaging.PatientKey;
import org.lightbox.store.ProjectSession;

/**
 * Stored patient keys. An identity is first reduced to the imaging API's {@link PatientKey} (issuer,
 * id, fall-back to the study; a plain digest that never leaves memory), which the project then keys
 * with its secret ({@link ProjectSession#pseudonym}). One way for DICOM headers and CXR14 rows alike,
 * so CXR14 patient 1 gets the same key from {@code 00000001_000.png} and from the label file.
 */
final class Pseudonyms {

    /** The issuer of ChestX-ray14 patient ids. */
    static final String CXR14_ISSUER = "NIH ChestX-ray14";

    private final ProjectSession project;
    private final Map<String, String> cache = new HashMap<>();

    Pseudonyms(ProjectSession project) {
        this.project = project;
    }

    /** The stored key of a CXR14 patient id ("1" and "00000001" are the same patient), or null if blank. */
    String cxr14(String patientId) {
        String id = patientId == null ? "" : patientId.strip();
        if (id.matches("\\d+")) {
            id = String.valueOf(Long.parseLong(id));
        }
        return of(PatientKey.derive(CXR14_ISSUER, id, null));
    }

    /** The stored key for an identity from an image header, or null when the header had none. */
    String of(PatientKey identity) {
        if (identity == null || !identity.isKnown()) {
            return null;
        }
        String text = identity.basis() + ":" + identity.value();
        return cache.computeIfAbsent(text, project::pseudonym);
    }
}
