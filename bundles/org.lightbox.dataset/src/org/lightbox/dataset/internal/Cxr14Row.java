package org.lightbox.dataset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;

/**
 * One row of a CXR14 {@code Data_Entry} file turned into an image record without pixels. A row that
 * cannot be an image record (no image id, unknown finding) is refused with the reason; metadata that
 * cannot be read (an age of "abc") is left empty with a note, because the labels are still worth having.
 */
final class Cxr14Row {

    static final String IMAGE = "Image Index";
    static final String LABELS = "Finding Labels";
    static final String FOLLOW_UP = "Follow-up #";
    static final String PATIENT = "Patient ID";
    static final String AGE = "Patient Age";
    static final String SEX = "Patient Gender";
    static final String VIEW = "View Position";
    static final List<String> REQUIRED = List.of(IMAGE, LABELS, FOLLOW_UP, PATIENT, AGE, SEX, VIEW);
    /** v2020's size and pixel-spacing columns of the original DICOMs; a header comma splits each in two. */
    static final List<String> IGNORED = List.of("OriginalImage[Width", "Height]", "OriginalImagePixelSpacing[x", "y]",
            "OriginalImage[Width,Height]", "OriginalImagePixelSpacing[x,y]");
    static final String NO_FINDING = "No Finding";
    /** The source of the labels: report-mined by NLP. */
    static final String NLP = "NLP";

    /** "57", or the 2017 form "057Y" (also M, W, D for the few infants). */
    private static final Pattern AGE_TEXT = Pattern.compile("(\\d{1,3})([YMWD]?)");
    private static final int OLDEST = 120;

    /** A row as an image record, with notes on what could not be read; or the reason it is refused. */
    record Parsed(String imageId, ImageRecord image, String patientId, List<String> notes, String refusal) {
    }

    private Cxr14Row() {
    }

    static Parsed parse(CSVRecord row, Columns columns, Map<String, Finding> findingsByKey, String source) {
        String imageId = field(row, columns, IMAGE);
        if (!row.isConsistent()) {
            return refused(imageId, "has " + row.size() + " fields where the header has " + columns.headerSize());
        }
        if (imageId.isEmpty()) {
            return refused(imageId, "no " + IMAGE);
        }
        ImageRecord image = LightboxFactory.eINSTANCE.createImageRecord();
        image.setImageId(imageId);
        image.setSource(source);
        List<String> notes = new ArrayList<>();
        String refusal = addLabels(image, field(row, columns, LABELS), findingsByKey);
        if (refusal != null) {
            return refused(imageId, refusal);
        }
        image.setFollowUp(number(field(row, columns, FOLLOW_UP), FOLLOW_UP, notes));
        image.setPatientAge(age(field(row, columns, AGE), notes));
        image.setPatientSex(sex(field(row, columns, SEX), notes));
        image.setViewPosition(Pixels.view(field(row, columns, VIEW)));
        String patientId = field(row, columns, PATIENT);
        if (patientId.isEmpty()) {
            notes.add("no " + PATIENT + ": no patient key");
        }
        return new Parsed(imageId, image, patientId, notes, null);
    }

    private static Parsed refused(String imageId, String reason) {
        return new Parsed(imageId, null, "", List.of(), reason);
    }

    private static String field(CSVRecord row, Columns columns, String name) {
        int index = columns.index(name);
        return index >= 0 && index < row.size() ? row.get(index).strip() : "";
    }

    private static String addLabels(ImageRecord image, String text, Map<String, Finding> findingsByKey) {
        if (text.isEmpty()) {
            return "no " + LABELS;
        }
        if (text.equals(NO_FINDING)) {
            return null;
        }
        for (String name : text.split("\\|")) {
            Finding finding = findingsByKey.get(Columns.key(name));
            if (finding == null) {
                return name.strip().equals(NO_FINDING) ? "'" + NO_FINDING + "' together with findings: " + text
                        : "unknown finding '" + name.strip() + "' (not in the project's label schema)";
            }
            SourceLabel label = LightboxFactory.eINSTANCE.createSourceLabel();
            label.setFinding(finding);
            label.setValue(ReadValue.PRESENT);
            label.setSource(NLP);
            image.getSourceLabels().add(label);
        }
        return null;
    }

    private static Integer number(String text, String column, List<String> notes) {
        try {
            return text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            notes.add(column + " '" + text + "' is not a number, left empty");
            return null;
        }
    }

    /** Whole years; months, weeks and days round down. */
    static Integer age(String text, List<String> notes) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = AGE_TEXT.matcher(text.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            notes.add("age '" + text + "' not understood, left empty");
            return null;
        }
        int value = Integer.parseInt(m.group(1));
        int years = switch (m.group(2)) {
            case "M" -> value / 12;
            case "W" -> value / 52;
            case "D" -> value / 365;
            default -> value;
        };
        if (years > OLDEST) {
            notes.add("age '" + text + "' is over " + OLDEST + " years, left empty");
            return null;
        }
        return years;
    }

    private static Sex sex(String text, List<String> notes) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> Sex.MALE;
            case "F", "FEMALE" -> Sex.FEMALE;
            case "", "U", "UNKNOWN" -> Sex.UNKNOWN;
            default -> {
                notes.add("sex '" + text + "' not understood, left unknown");
                yield Sex.UNKNOWN;
            }
        };
    }
}
