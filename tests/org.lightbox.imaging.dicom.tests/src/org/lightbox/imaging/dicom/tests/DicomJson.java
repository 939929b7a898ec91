package org.lightbox.imaging.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads first values out of a DICOM JSON file (PS3.18 F.2) as the expected values of a test.
 * Enough for flat string, number and person-name values; no JSON library is in the target.
 */
final class DicomJson {

    private final String json;

    DicomJson(Path file) throws IOException {
        this.json = Files.readString(file);
    }

    boolean has(String tag) {
        return json.contains("\"" + tag + "\"");
    }

    /** The first value of the element with the given tag (8 hex digits), as text. */
    String first(String tag) {
        int at = json.indexOf("\"" + tag + "\"");
        assertTrue(at >= 0, "the JSON has no element " + tag);
        Matcher m = Pattern.compile("\"Value\"\\s*:\\s*\\[\\s*(?:\"([^\"]*)\"|([-+0-9.eE]+)|\\{\\s*\"Alphabetic\"\\s*:\\s*\"([^\"]*)\")")
                .matcher(json);
        assertTrue(m.find(at), "the JSON element " + tag + " has no value");
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    int integer(String tag) {
        return Integer.parseInt(first(tag));
    }

    double number(String tag) {
        return Double.parseDouble(first(tag));
    }
}
