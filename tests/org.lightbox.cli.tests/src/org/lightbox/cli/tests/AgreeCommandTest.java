package org.lightbox.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lightbox.cli.tests.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightbox agree}: agreement statistics for a file, without a project, inside OSGi with the real DS services. */
class AgreeCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path shared(String name) {
        String shared = System.getProperty("lightbox.shared");
        Path file = shared == null ? null : Path.of(shared, "data", "agreement", name);
        assumeTrue(file != null && Files.isRegularFile(file), "skipped: shared/data/agreement/" + name + " is absent");
        return file;
    }

    @Test
    @DisplayName("agree on Fleiss' 1971 diagnoses (wide) prints Fleiss' kappa 0.4302 with z 17.6518 and the 15 rater pairs")
    void fleissWide() {
        CliRun r = run("agree", shared("fleiss1971_diagnoses_30x6.csv").toString(), "--layout", "wide");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("30 subjects, 6 raters, categories 1, 2, 3, 4, 5 (nominal)"), r.out());
        assertTrue(r.out().matches("(?s).*Fleiss' kappa\\s+0\\.4302 .*z 17\\.6518.*"), r.out());
        assertTrue(r.out().contains("rater5 x rater6"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
    }

    @Test
    @DisplayName("agree --json on the SAS table with linear weights gives Cohen's kappa 0.4701 with its interval, n and z")
    void tableJson() {
        CliRun r = run("agree", shared("sas_table10_cohen_3x3.csv").toString(), "--layout", "table", "--weights", "linear", "--json");
        assertEquals(0, r.exitCode(), r.err());
        String json = r.out().trim();
        assertTrue(json.startsWith("{\"file\":") && json.endsWith("]}"), json);
        assertTrue(json.matches("(?s).*\\{\"statistic\":\"Cohen's kappa \\(linear weights\\)\",\"estimate\":0\\.4701195219123.*"), json);
        assertTrue(json.contains("\"n\":{\"subjects\":19,\"raters\":2,\"ratings\":38,\"pairs\":19}"), json);
        assertTrue(json.contains("\"method\":\"asymptotic standard error (Fleiss, Cohen & Everitt 1969)\""), json);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
    }

    @Test
    @DisplayName("agree --positive on Altman & Bland's 2x2 table adds sensitivity 0.8953, specificity 0.6279 and DOR 14.4375")
    void accuracy() {
        CliRun r = run("agree", shared("altman_bland_1994_liver_scan_2x2.csv").toString(), "--layout", "table", "--positive",
                "disease_present");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*Sensitivity\\s+0\\.8953 .*Specificity\\s+0\\.6279 .*Diagnostic odds ratio\\s+14\\.4375\\s+7\\.9896 to 26\\.0890.*"),
                r.out());
    }

    @Test
    @DisplayName("Malformed files exit 1 with one line naming the file, row and column, and no stack trace")
    void malformed() throws IOException {
        String[][] cases = {
            {"ragged.csv", "subject,r1,r2\n1,a,b\n2,a\n", "wide", "nominal", "ragged.csv, row 3, column 3: the row has 2 cells and the header has 3"},
            {"level.csv", "subject,r1,r2\n1,1,2\n2,2,high\n", "wide", "ordinal", "level.csv, row 3, column 3: 'high' is not a number, and the ordinal level needs numbers"},
            {"silent.csv", "subject,r1,r2,r3\n1,a,b,\n2,b,b,\n", "wide", "nominal", "silent.csv, row 1, column 4: rater 'r3' has no ratings"},
            {"quote.csv", "subject,r1,r2\n1,a,b\n2,\"a,b\n", "wide", "nominal", "quote.csv, row 3, column 2: a quoted cell is not closed on its line"},
            {"table.csv", "r\\c,x,y\nx,1,2\ny,3,4\nz,5,6\n", "table", "nominal", "table.csv, row 4, column 1: the table has 3 rows of counts and 2 category columns; a two-rater table must be square"},
        };
        for (String[] c : cases) {
            CliRun r = run("agree", file(c[0], c[1]).toString(), "--layout", c[2], "--level", c[3]);
            assertEquals(1, r.exitCode(), c[0] + ": " + r.out());
            assertTrue(r.err().startsWith("lightbox agree: ") && r.err().trim().endsWith(c[4]), c[0] + ": " + r.err());
            assertEquals(1, r.err().trim().lines().count(), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
    }

    @Test
    @DisplayName("Bad options and a missing file exit 2 with the reason")
    void badOptions() throws IOException {
        Path ok = file("ok.csv", "subject,r1,r2\n1,a,b\n");
        assertTrue(run("agree", ok.toString(), "--layout", "sideways").err().contains("unknown layout 'sideways' (wide, long, table or counts)"));
        assertTrue(run("agree", ok.toString(), "--level", "fancy").err().contains("unknown level of measurement 'fancy'"));
        assertTrue(run("agree", ok.toString(), "--weights", "cubic").err().contains("unknown weights 'cubic' (none, linear or quadratic)"));
        CliRun missing = run("agree", dir.resolve("nothing.csv").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no file at") && missing.err().contains("nothing.csv"), missing.err());
    }

    @Test
    @DisplayName("When everyone chose NO, agree says the kappas are undefined and why, and prints no NaN, in text and JSON")
    void undefined() throws IOException {
        Path allNo = file("all-no.csv", "image,r1,r2,r3\n1,NO,NO,NO\n2,NO,NO,NO\n");
        CliRun text = run("agree", allNo.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().matches("(?s).*Fleiss' kappa\\s+undefined\\s+2\\s+every rating is 'NO': chance agreement is 1.*"), text.out());
        assertFalse(text.out().contains("NaN"), text.out());
        CliRun json = run("agree", allNo.toString(), "--json");
        assertTrue(json.out().contains("\"statistic\":\"Fleiss' kappa\",\"estimate\":null,\"undefined\":\"every rating is 'NO': chance agreement is 1\""),
                json.out());
        assertFalse(json.out().contains("NaN"), json.out());
    }

    @Test
    @DisplayName("agree on a long file with a finding column reports each finding")
    void longLayout() throws IOException {
        Path file = file("long.csv", "subject,rater,value,finding\n1,ann,YES,Mass\n1,bob,YES,Mass\n2,ann,NO,Mass\n2,bob,YES,Mass\n"
                + "3,ann,NO,Mass\n3,bob,NO,Mass\n1,ann,NO,Nodule\n1,bob,NO,Nodule\n2,ann,YES,Nodule\n2,bob,YES,Nodule\n");
        CliRun r = run("agree", file.toString(), "--layout", "long");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("long.csv [Mass]: 3 subjects, 2 raters") && r.out().contains("long.csv [Nodule]: 2 subjects, 2 raters"),
                r.out());
    }
}
