package org.lightbox.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightbox.cli.tests.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lightbox consensus} and {@code lightbox export} on a project built the way a lead builds one: {@code new},
 * {@code import cxr14}, {@code import reads}.
 */
class ConsensusCommandTest {

    @TempDir
    Path dir;

    /** Three images of two patients, read for Effusion and Pneumothorax by three readers; image 2 ties on Pneumothorax. */
    private String project() throws IOException {
        String file = CliRun.cxr14Project(dir, """
                00000001_000.png,Effusion,0,1,58,M,PA
                00000001_001.png,No Finding,1,1,58,M,PA
                00000002_000.png,Pneumothorax,0,2,81,F,AP
                """);
        Path reads = Files.writeString(dir.resolve("readers.csv"), """
                Image ID,Patient ID,Reader ID,Effusion,Pneumothorax
                00000001_000.png,1,11,YES,NO
                00000001_000.png,1,22,YES,NO
                00000001_000.png,1,33,NO,NO
                00000001_001.png,1,11,NO,NO
                00000001_001.png,1,22,NO,YES
                00000001_001.png,1,33,NO,HEDGE
                00000002_000.png,2,11,NO,YES
                00000002_000.png,2,22,YES,YES
                00000002_000.png,2,33,YES,YES
                """);
        CliRun read = run("import", "reads", file, reads.toString());
        assertEquals(0, read.exitCode(), read.err());
        return file;
    }

    @Test
    @DisplayName("consensus --method majority prints per finding the counts, ties and prevalence with its Wilson interval and n")
    void majority() throws IOException {
        CliRun r = run("consensus", project(), "--method", "majority");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*\\nEffusion\\s+3\\s+2\\s+1\\s+0\\s+0\\s+0\\.667 \\(0\\.208 to 0\\.939\\).*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nPneumothorax\\s+3\\s+1\\s+1\\s+1\\s+1\\s+0\\.333 .*"), r.out());
        assertTrue(r.out().contains("Stored 6 consensus label(s) of method 'majority'; 1 tie(s) in the review queue 'adjudication'"), r.out());
    }

    @Test
    @DisplayName("export --format cxr14 writes the Data_Entry layout with pseudonymous patients and a sidecar with the SHA-256")
    void exportCxr14() throws IOException {
        String project = project();
        assertEquals(0, run("consensus", project, "--method", "dawid-skene", "--finding", "Effusion").exitCode());
        assertEquals(0, run("consensus", project, "--method", "majority").exitCode());
        Path out = dir.resolve("consensus.csv");
        CliRun r = run("export", project, "--format", "cxr14", "--method", "majority", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("Image Index,Finding Labels,Follow-up #,Patient ID,Patient Age,Patient Gender,View Position", lines.get(0));
        assertTrue(lines.get(1).matches("00000001_000\\.png,Effusion,0,[0-9a-f]{32},58,M,PA"), lines.get(1));
        assertTrue(lines.get(2).startsWith("00000001_001.png,No Finding,1,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("00000002_000.png,Effusion|Pneumothorax,0,"), lines.get(3));
        assertEquals(lines.get(1).split(",")[3], lines.get(2).split(",")[3], "one patient, one pseudonym");
        String sidecar = Files.readString(dir.resolve("consensus.csv.json"));
        assertTrue(r.out().contains("sha256") && sidecar.contains(r.out().replaceAll("(?s).*sha256\\s+([0-9a-f]{64}).*", "$1")), r.out() + sidecar);
        assertTrue(sidecar.contains("\"method\": \"majority\""), sidecar);
        CliRun dawidSkene = run("export", project, "--format", "json", "--method", "dawid-skene", "--out", dir.resolve("ds.json").toString());
        assertEquals(0, dawidSkene.exitCode(), dawidSkene.err());
        assertTrue(Files.readString(dir.resolve("ds.json")).contains("\"method\": \"dawid-skene\""));
    }

    @Test
    @DisplayName("consensus and export refuse a missing project, an unknown method or format, and labels never computed, in one line")
    void refusals() throws IOException {
        String project = project();
        String[][] cases = {
            {"consensus", dir.resolve("none.lightbox").toString(), "--method", "majority"},
            {"consensus", project, "--method", "vote"},
            {"consensus", project, "--method", "majority", "--finding", "Hernia"},
            {"export", project, "--format", "xml", "--out", dir.resolve("x").toString()},
            {"export", project, "--format", "cxr14", "--out", dir.resolve("x").toString()},
            {"export", project, "--format", "cxr14", "--method", "dawid-skene", "--out", dir.resolve("x").toString()},
        };
        String[] expected = {"no project file at", "unknown method 'vote' (dawid-skene, majority)", "no reads of finding 'Hernia'",
            "unknown export format 'xml'", "name the method", "no consensus labels of method 'dawid-skene'"};
        for (int i = 0; i < cases.length; i++) {
            CliRun r = run(cases[i]);
            assertEquals(2, r.exitCode(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertEquals(1, r.err().trim().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
