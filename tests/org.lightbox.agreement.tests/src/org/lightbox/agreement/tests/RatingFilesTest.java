package org.lightbox.agreement.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingFileException;
import org.lightbox.agreement.RatingFiles;
import org.lightbox.agreement.RatingFiles.Layout;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.internal.DefaultAgreementAnalysis;

/** Rating files: each malformed input gets one message naming the file, row and column; undefined statistics say why. */
class RatingFilesTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private RatingFileException failure(Path file, Layout layout, Level level) {
        return assertThrows(RatingFileException.class, () -> RatingFiles.read(file, layout, level, false));
    }

    @Test
    @DisplayName("A ragged row in a wide file is refused, naming the file, its row and the first column past the shorter one")
    void raggedRow() throws IOException {
        Path file = file("ragged.csv", "subject,r1,r2,r3\n1,a,b,a\n2,a,b\n");
        RatingFileException e = failure(file, Layout.WIDE, Level.NOMINAL);
        assertEquals(3, e.row());
        assertEquals(4, e.column());
        assertEquals(file + ", row 3, column 4: the row has 3 cells and the header has 4", e.getMessage());
    }

    @Test
    @DisplayName("A value that is not a number at the interval level is refused with its row and column")
    void unknownValueForLevel() throws IOException {
        Path file = file("values.csv", "subject,r1,r2\n1,1,2\n2,3,YES\n");
        RatingFileException e = failure(file, Layout.WIDE, Level.INTERVAL);
        assertEquals(file + ", row 3, column 3: 'YES' is not a number, and the interval level needs numbers", e.getMessage());
        RatingFileException negative = failure(file("ratio.csv", "subject,r1,r2\n1,1,-2\n"), Layout.WIDE, Level.RATIO);
        assertTrue(negative.getMessage().endsWith("row 2, column 3: '-2' is negative, and the ratio level needs values of 0 or more"),
                negative.getMessage());
    }

    @Test
    @DisplayName("A rater with no ratings is refused, in wide files by column and in long files by the rater's first row")
    void raterWithoutRatings() throws IOException {
        RatingFileException wide = failure(file("empty-rater.csv", "subject,r1,r2,r3\n1,a,,b\n2,b,,b\n"), Layout.WIDE, Level.NOMINAL);
        assertTrue(wide.getMessage().endsWith("row 1, column 3: rater 'r2' has no ratings"), wide.getMessage());
        RatingFileException longer = failure(file("long.csv", "subject,rater,value\n1,ann,a\n1,bob,\n2,ann,b\n"), Layout.LONG, Level.NOMINAL);
        assertTrue(longer.getMessage().endsWith("row 3, column 2: rater 'bob' has no ratings"), longer.getMessage());
    }

    @Test
    @DisplayName("A contingency table that is not square is refused with the row that does not fit")
    void notSquare() throws IOException {
        RatingFileException wide = failure(file("t1.csv", "a\\b,x,y,z\nx,1,2,3\ny,4,5,6\n"), Layout.TABLE, Level.NOMINAL);
        assertTrue(wide.getMessage().contains("row 3: the table has 2 rows of counts and 3 category columns; a two-rater table must be"
                + " square"), wide.getMessage());
        RatingFileException tall = failure(file("t2.csv", "a\\b,x,y\nx,1,2\ny,4,5\nz,7,8\n"), Layout.TABLE, Level.NOMINAL);
        assertTrue(tall.getMessage().contains("row 4, column 1: the table has 3 rows"), tall.getMessage());
        RatingFileException count = failure(file("t3.csv", "a\\b,x,y\nx,1,2\ny,4,lots\n"), Layout.TABLE, Level.NOMINAL);
        assertTrue(count.getMessage().endsWith("row 3, column 3: 'lots' is not a count (a whole number, 0 or more)"), count.getMessage());
    }

    @Test
    @DisplayName("A rater who rates a subject twice in a long file is refused, naming both rows")
    void duplicateRating() throws IOException {
        RatingFileException e = failure(file("dup.csv", "1,ann,a,Mass\n1,bob,a,Mass\n1,ann,b,Mass\n"), Layout.LONG, Level.NOMINAL);
        assertTrue(e.getMessage().endsWith("row 3, column 2: rater 'ann' already rated subject '1' for Mass at row 1"), e.getMessage());
    }

    @Test
    @DisplayName("A long file with a finding column gives one table per finding, empty values being missing ratings")
    void longPerFinding() throws IOException {
        Map<String, RatingTable> tables = RatingFiles.read(file("long4.csv",
                "subject,rater,value,finding\n1,ann,YES,Mass\n1,bob,NO,Mass\n2,ann,NO,Mass\n2,bob,,Mass\n1,ann,NO,Nodule\n1,bob,NO,Nodule\n"),
                Layout.LONG, Level.NOMINAL, false);
        assertEquals(2, tables.size());
        RatingTable mass = tables.get("Mass");
        assertEquals(2, mass.subjectCount());
        assertEquals(3, mass.ratingCount());
        assertEquals(RatingTable.MISSING, mass.code(1, 1));
        assertEquals(1, tables.get("Nodule").subjectCount());
    }

    @Test
    @DisplayName("When every reader chose NO for every image, the kappas and alpha are undefined with the reason, and no NaN is printed")
    void undefinedWhenOneCategory() throws IOException {
        RatingTable table = RatingFiles.read(file("all-no.csv", "image,r1,r2\n1,NO,NO\n2,NO,NO\n3,NO,NO\n"), Layout.WIDE, Level.NOMINAL,
                false).get("");
        AgreementReport report = new DefaultAgreementAnalysis().analyse(table, AgreementOptions.DEFAULT);
        for (String name : new String[] {"Fleiss' kappa", "Krippendorff's alpha", "Cohen's kappa"}) {
            Estimate e = report.get(name);
            assertFalse(e.defined(), name);
            assertFalse(e.format().contains("NaN"), e.format());
            assertTrue(e.format().contains("undefined ("), e.format());
        }
        assertEquals("every rating is 'NO': chance agreement is 1", report.get("Fleiss' kappa").undefinedReason());
        assertEquals(1.0, report.get("Percent agreement").value());
        assertEquals(3, report.get("Percent agreement").n().subjects());
    }
}
