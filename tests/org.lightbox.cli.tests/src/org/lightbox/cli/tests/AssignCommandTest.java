package org.lightbox.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightbox.cli.tests.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightbox assign}: reading lists for a panel from each source, and its refusals, on a project made by {@code new} and {@code import}. */
class AssignCommandTest {

    @TempDir
    Path dir;

    /** Six images: two Effusion, two Pneumothorax (one of them with Effusion too), two with no finding. */
    private String project() throws IOException {
        return CliRun.cxr14Project(dir, """
                00000001_000.png,Effusion,0,1,58,M,PA
                00000001_001.png,No Finding,1,1,58,M,PA
                00000002_000.png,Pneumothorax,0,2,81,F,AP
                00000003_000.png,Effusion|Pneumothorax,0,3,40,F,PA
                00000004_000.png,No Finding,0,4,33,M,PA
                00000005_000.png,Effusion,0,5,70,M,AP
                """);
    }

    @Test
    @DisplayName("--random-per-class gives every reader a stratified list; the info of each reader's list is printed")
    void randomPerClass() throws IOException {
        String project = project();
        CliRun r = run("assign", project, "--name", "first look", "--reader", "r1", "--reader", "r2", "--random-per-class", "1",
                "--seed", "7");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Assigned 'first look' (random 1 per class, seed 7)"), r.out());
        // one Effusion, one Pneumothorax (never the image drawn for Effusion), one with no finding
        assertTrue(r.out().matches("(?s).*\\n  r1\\s+3 images  \\(Effusion=1, No Finding=1, Pneumothorax=1\\)\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  r2\\s+3 images  \\(Effusion=1, No Finding=1, Pneumothorax=1\\)\\n"), r.out());

        CliRun again = run("assign", project, "--name", "first look", "--reader", "r3", "--reader", "r2", "--random-per-class", "1");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("Reader 'r2' already has a reading list named 'first look'; nothing was assigned"), again.err());
    }

    @Test
    @DisplayName("--source-label with --limit, --csv in file order; unknown ids, empty queues and bad values are refused by name")
    void filterCsvAndRefusals() throws IOException {
        String project = project();
        CliRun filtered = run("assign", project, "--name", "effusion", "--reader", "r1", "--filter", "--source-label",
                "Effusion=present", "--source-label", "Pneumothorax=ABSENT", "--limit", "5");
        assertEquals(0, filtered.exitCode(), filtered.err());
        assertTrue(filtered.out().matches("(?s).*\\n  r1\\s+2 images\\n"), filtered.out());

        Path ids = Files.writeString(dir.resolve("ids.csv"), "image_id\n00000004_000.png\n00000001_000.png\n");
        CliRun csv = run("assign", project, "--name", "recheck", "--reader", "r1", "--csv", ids.toString());
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().contains("(CSV ids.csv of 2)"), csv.out());

        Path reads = Files.writeString(dir.resolve("reads.csv"), """
                Image ID,Patient ID,Reader ID,Effusion
                00000001_000.png,1,r1,YES
                00000002_000.png,2,r1,NO
                00000004_000.png,4,r2,NO
                """);
        CliRun read = run("import", "reads", project, reads.toString());
        assertEquals(0, read.exitCode(), read.err());
        CliRun theirs = run("assign", project, "--name", "recheck", "--reader", "google-r1", "--csv", ids.toString());
        assertEquals(0, theirs.exitCode(), theirs.err());
        CliRun info = run("info", project);
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("""
                Reading lists: 3
                  'effusion' for r1: 0 of 2 read (filter: Effusion present (source), Pneumothorax absent (source), first 5)
                  'recheck' for r1: 0 of 2 read (CSV ids.csv of 2)
                  'recheck' for google-r1: 1 of 2 read (CSV ids.csv of 2)
                """), info.out());

        Files.writeString(ids, "00000004_000.png\n99999999_000.png\n");
        CliRun unknown = run("assign", project, "--name", "bad", "--reader", "r1", "--csv", ids.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("1 of the 2 image ids are not in this project, e.g. '99999999_000.png'"), unknown.err());

        CliRun missing = run("assign", project, "--name", "gone", "--reader", "r1", "--csv", dir.resolve("nothing.csv").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no CSV file at " + dir.resolve("nothing.csv")), missing.err());

        CliRun queue = run("assign", project, "--name", "ties", "--reader", "adjudicator", "--queue", "adjudication");
        assertEquals(1, queue.exitCode());
        assertTrue(queue.err().contains("The review queue 'adjudication' holds no images"), queue.err());

        CliRun older = run("assign", project, "--name", "older AP", "--reader", "r2", "--filter", "--view", "AP", "--min-age", "60",
                "--unread-by", "r2");
        assertEquals(0, older.exitCode(), older.err());
        assertTrue(older.out().matches("(?s).*\\n  r2\\s+2 images\\n"), older.out()); // 00000002_000 (81, AP), 00000005_000 (70, AP)
        CliRun next = run("assign", project, "--name", "next effusion", "--reader", "google-r1", "--filter", "--source-label",
                "Effusion=PRESENT", "--skip-read");
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.out().matches("(?s).*\\n  google-r1\\s+2 images\\n"), next.out()); // 00000001_000 was read
        CliRun alone = run("assign", project, "--name", "x", "--reader", "r1", "--queue", "q", "--view", "AP");
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().contains("go with --filter"), alone.err());

        CliRun value = run("assign", project, "--name", "x", "--reader", "r1", "--filter", "--source-label", "Effusion=maybe");
        assertEquals(2, value.exitCode());
        assertTrue(value.err().contains("the value must be PRESENT, ABSENT or UNCERTAIN"), value.err());

        CliRun two = run("assign", project, "--name", "x", "--reader", "r1", "--queue", "a", "--random-per-class", "3");
        assertEquals(2, two.exitCode());
        assertTrue(two.err().contains("mutually exclusive"), two.err());
    }
}
