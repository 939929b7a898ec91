package org.lightbox.dataset.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ChestX-ray14 file names, {@code <patient, 8 digits>_<follow-up, 3 digits>.png}: the dataset's
 * image id, which also encodes the patient and the follow-up number.
 */
record Cxr14Names(String imageId, String patientId, int followUp) {

    private static final Pattern NAME = Pattern.compile("(\\d{8})_(\\d{3})\\.png");

    /** The parts of a CXR14 file name, or empty for any other name. */
    static Optional<Cxr14Names> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Cxr14Names(fileName, String.valueOf(Integer.parseInt(m.group(1))),
                Integer.parseInt(m.group(2))));
    }
}
