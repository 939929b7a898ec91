package org.lightbox.agreement.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.RatingTableBuilder;
import org.lightbox.agreement.internal.Csv;

/**
 * The radiologists' reads of CXR14 images (Google's expert labels) as one rating table per finding, images clustered
 * by patient. In the four-findings set four image/reader pairs occur twice with different answers (a reader who read
 * an image again); the later row is kept, which leaves 1, 2 or 3 readers per image.
 */
final class ExpertReads {

    static final List<String> FOUR_FINDINGS = List.of("Fracture", "Pneumothorax", "Airspace opacity", "Nodule/mass");

    /** A set of tables and how many repeated reads were replaced. */
    record Tables(Map<String, RatingTable> byFinding, int repeatedReads) {
    }

    private ExpertReads() {
    }

    /** {@code four-findings/individual_readers.csv}: Patient ID, Image ID, Reader ID, four findings, Set ID. */
    static Tables fourFindings(Path file) throws IOException {
        return read(file, "Image ID", "Patient ID", "Reader ID", FOUR_FINDINGS);
    }

    /** {@code all-findings/test_individual_readers.csv}: Image ID, Patient ID, Reader ID, Abnormal, 14 findings, Other. */
    static Tables allFindings(Path file) throws IOException {
        List<String> header = Csv.read(file).get(0).cells();
        return read(file, "Image ID", "Patient ID", "Reader ID", header.subList(3, header.size()));
    }

    private static Tables read(Path file, String image, String patient, String reader, List<String> findings) throws IOException {
        List<Csv.Row> rows = Csv.read(file);
        List<String> header = rows.get(0).cells();
        int imageColumn = header.indexOf(image);
        int patientColumn = header.indexOf(patient);
        int readerColumn = header.indexOf(reader);
        Map<String, RatingTableBuilder> builders = new LinkedHashMap<>();
        findings.forEach(f -> builders.put(f, RatingTable.builder(Level.NOMINAL)));
        int repeated = 0;
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> cells = row.cells();
            boolean again = false;
            for (String finding : findings) {
                RatingTableBuilder builder = builders.get(finding);
                builder.subject(cells.get(imageColumn), cells.get(patientColumn));
                again |= builder.rate(cells.get(imageColumn), cells.get(readerColumn), cells.get(header.indexOf(finding))) != null;
            }
            repeated += again ? 1 : 0;
        }
        Map<String, RatingTable> tables = new LinkedHashMap<>();
        builders.forEach((finding, builder) -> tables.put(finding, builder.build()));
        return new Tables(tables, repeated);
    }

    /** Images rated by exactly {@code readers} readers. */
    static RatingTable withReaders(RatingTable table, int readers) {
        return table.filterSubjects(s -> table.ratingsOf(s) == readers);
    }

    /** Reader counts per image: index = readers, value = images. */
    static int[] readerCounts(RatingTable table) {
        int[] counts = new int[table.raterCount() + 1];
        for (int s = 0; s < table.subjectCount(); s++) {
            counts[table.ratingsOf(s)]++;
        }
        return counts;
    }
}
