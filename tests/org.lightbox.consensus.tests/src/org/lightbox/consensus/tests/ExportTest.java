package org.lightbox.consensus.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightbox.model.ReadValue.PRESENT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.consensus.ConsensusRunner;
import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.ExportReceipt;
import org.lightbox.consensus.ExportService;
import org.lightbox.dataset.DatasetImporter;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.SourceLabel;
import org.lightbox.store.ProjectSession;
import org.lightbox.testing.Json;

/** Exports of a small panel through the DS services, read back by the CXR14 label importer. */
class ExportTest {

    static final Instant CREATED = Instant.parse("2026-01-07T08:00:00Z");

    @TempDir
    Path dir;

    /** The panel of {@link ConsensusRunnerTest}, majority run, i3 adjudicated PRESENT, and a flagged fifth image. */
    private ProjectSession decided() throws Exception {
        ProjectSession s = Projects.create(dir.resolve("panel.lightbox"));
        ConsensusRunnerTest.panel(s);
        ImageRecord flagged = Projects.F.createImageRecord();
        flagged.setImageId("i5");
        flagged.setPatientKey(s.pseudonym("p4"));
        flagged.setLocation("/films/SMITH^JOHN/i5.png");
        QualityFlag flag = Projects.F.createQualityFlag();
        flag.setIssue(QualityIssue.ROTATED);
        flag.setRaisedBy("detector");
        flag.setScore(0.93);
        flag.setNote("film of John Smith, rotated");
        flag.setRaisedAt(java.util.Date.from(CREATED));
        flagged.getQualityFlags().add(flag);
        s.addImages(List.of(flagged));
        ConsensusRunner runner = Projects.service(ConsensusRunner.class, null);
        ConsensusOptions options = ConsensusOptions.DEFAULT.withAdjudicators(Set.of("adj")).withDecidedAt(ConsensusRunnerTest.DECIDED);
        runner.run(s, "majority", options);
        Projects.read(s, "adj", "i3", "Effusion", PRESENT, ConsensusRunnerTest.T0.plusSeconds(86_400));
        runner.adjudicate(s, options);
        return s;
    }

    @Test
    @DisplayName("The CXR14 export lists PRESENT labels joined with '|', 'No Finding' when none, adjudication overriding ties")
    void cxr14Export() throws Exception {
        ExportService exports = Projects.service(ExportService.class, null);
        assertEquals(List.of("cxr14", "exclusions", "json", "long", "reads"), exports.formats());
        try (ProjectSession s = decided()) {
            Path file = dir.resolve("labels.csv");
            ExportReceipt receipt = exports.export(s, "cxr14", new ExportOptions("majority", false, CREATED), file);
            List<String> lines = Files.readAllLines(file);
            assertEquals("Image Index,Finding Labels,Follow-up #,Patient ID,Patient Age,Patient Gender,View Position", lines.get(0));
            assertEquals(List.of("i1,Effusion", "i2,No Finding", "i3,Effusion", "i4,No Finding"),
                    lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList());
            assertTrue(lines.get(1).contains("," + s.pseudonym("p1") + ","), lines.get(1));
            assertFalse(String.join("\n", lines).contains("p1,"), "no raw patient id");
            assertEquals(4, receipt.records());
            Map<?, ?> sidecar = (Map<?, ?>) Json.parse(Files.readString(receipt.sidecar()));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))), sidecar.get("sha256"));
            assertEquals("majority", sidecar.get("method"));
            assertEquals("cxr14", sidecar.get("format"));
            assertEquals(CREATED.toString(), sidecar.get("created"));
            assertEquals(Boolean.TRUE, sidecar.get("deidentified"));
            assertEquals("0.1.0", sidecar.get("lightbox"));
            assertEquals(file.resolveSibling("labels.csv.json"), receipt.sidecar());
        }
    }

    @Test
    @DisplayName("Importing the CXR14 export into a new project gives back the same labels, patients still grouped")
    void cxr14RoundTrip() throws Exception {
        ExportService exports = Projects.service(ExportService.class, null);
        DatasetImporter importer = Projects.service(DatasetImporter.class, null);
        Path file = dir.resolve("labels.csv");
        Map<String, Set<String>> exported;
        try (ProjectSession s = decided()) {
            exports.export(s, "cxr14", ExportOptions.labels("majority"), file);
            exported = s.consensusLabels("majority").stream().collect(Collectors.groupingBy(l -> l.getImage().getImageId(),
                    Collectors.filtering(l -> effective(s, l.getImage().getImageId(), l.getFinding().getCode(), l.getValue()) == PRESENT,
                            Collectors.mapping(l -> l.getFinding().getCode(), Collectors.toSet()))));
        }
        try (ProjectSession back = Projects.create(dir.resolve("back.lightbox"))) {
            importer.importCxr14Labels(back, file, null, ImportProgress.NONE);
            Map<String, ImageRecord> images = back.imagesById(List.of("i1", "i2", "i3", "i4")).stream()
                    .collect(Collectors.toMap(ImageRecord::getImageId, i -> i));
            assertEquals(exported.keySet(), images.keySet());
            for (ImageRecord image : images.values()) {
                assertEquals(exported.get(image.getImageId()), image.getSourceLabels().stream().filter(l -> l.getValue() == PRESENT)
                        .map(SourceLabel::getFinding).map(f -> f.getCode()).collect(Collectors.toSet()), image.getImageId());
            }
            assertEquals(images.get("i1").getPatientKey(), images.get("i2").getPatientKey(), "one patient stays one");
            assertNotEquals(images.get("i1").getPatientKey(), images.get("i3").getPatientKey());
            assertEquals(Set.of("Effusion"), exported.get("i3"), "the adjudicated label, not the tie");
        }
    }

    @Test
    @DisplayName("Importing the reads export (Google's expert-reads layout) into a new project gives back every read")
    void readsRoundTrip() throws Exception {
        ExportService exports = Projects.service(ExportService.class, null);
        DatasetImporter importer = Projects.service(DatasetImporter.class, null);
        Path file = dir.resolve("reads.csv");
        Set<String> before;
        try (ProjectSession s = decided()) {
            assertEquals(12, exports.export(s, "reads", ExportOptions.READS, file).records(), "one row per image and reader");
            before = s.allReads().stream().map(r -> r.getImage().getImageId() + " google-" + r.getReader().getId() + " "
                    + r.getFinding().getCode() + " " + r.getValue()).collect(Collectors.toSet());
        }
        try (ProjectSession back = Projects.create(dir.resolve("back.lightbox"))) {
            Projects.images(back, List.of("i1", "i2", "i3", "i4"), List.of("p1", "p1", "p2", "p3"));
            importer.importExpertReads(back, file, ImportProgress.NONE);
            Set<String> after = back.allReads().stream().map(r -> r.getImage().getImageId() + " " + r.getReader().getId() + " "
                    + r.getFinding().getCode() + " " + r.getValue()).collect(Collectors.toSet());
            assertEquals(before, after, "the importer names readers google-<id>");
        }
    }

    /** A label as exported: the adjudicator's where there is one. */
    private static org.lightbox.model.ReadValue effective(ProjectSession s, String image, String finding, org.lightbox.model.ReadValue own) {
        return s.consensusLabels(ConsensusOptions.ADJUDICATION).stream()
                .filter(l -> l.getImage().getImageId().equals(image) && l.getFinding().getCode().equals(finding))
                .map(l -> l.getValue()).findFirst().orElse(own);
    }

    @Test
    @DisplayName("The JSON export keeps each label's provenance: method, support, read count, time, who voted what and the reads behind it")
    void jsonExport() throws Exception {
        ExportService exports = Projects.service(ExportService.class, null);
        try (ProjectSession s = decided()) {
            Path file = dir.resolve("labels.json");
            exports.export(s, "json", ExportOptions.labels("majority"), file);
            Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            assertEquals("majority", json.get("method"));
            List<?> images = (List<?>) json.get("images");
            assertEquals(4, images.size());
            Map<?, ?> i3 = (Map<?, ?>) images.get(2);
            assertEquals("i3", i3.get("image"));
            assertEquals(s.pseudonym("p2"), i3.get("patientKey"));
            Map<?, ?> effusion = (Map<?, ?>) ((List<?>) i3.get("labels")).stream()
                    .filter(l -> "Effusion".equals(((Map<?, ?>) l).get("finding"))).findFirst().orElseThrow();
            assertEquals("adjudication", effusion.get("method"));
            assertEquals("PRESENT", effusion.get("value"));
            assertEquals(4.0, ((Number) effusion.get("readCount")).doubleValue());
            assertEquals("r1:PRESENT;r2:ABSENT;r3:UNCERTAIN;adj:PRESENT", effusion.get("votes"));
            List<?> reads = (List<?>) effusion.get("reads");
            assertEquals(List.of("r1", "r2", "r3", "adj"), reads.stream().map(r -> ((Map<?, ?>) r).get("reader")).toList());
            assertFalse(Files.readString(file).contains("Dr r1"), "reader names only on request");
        }
    }

    @Test
    @DisplayName("The long export has one row per read; names and free text appear only when the lead opts in")
    void longExport() throws Exception {
        ExportService exports = Projects.service(ExportService.class, null);
        try (ProjectSession s = decided()) {
            Path file = dir.resolve("reads.csv");
            ExportReceipt receipt = exports.export(s, "long", new ExportOptions("majority", false, CREATED), file);
            List<String> lines = Files.readAllLines(file);
            assertEquals("Image Index,Patient Key,Reader,Finding,Value,Read At,Duration ms", lines.get(0));
            assertEquals(13, receipt.records(), "11 Effusion reads, 1 Edema read, 1 adjudicator read");
            assertEquals("i1," + s.pseudonym("p1") + ",r1,Effusion,PRESENT,2026-01-05T09:00:00Z,", lines.get(1));
            assertEquals(null, receipt.method(), "reads have no consensus method");
            Path named = dir.resolve("reads-named.csv");
            exports.export(s, "long", new ExportOptions(null, true, CREATED), named);
            assertTrue(Files.readString(named).contains("Dr r1"));
        }
    }

    @Test
    @DisplayName("The exclusion list names each quality-flagged image, without notes or locations unless asked")
    void exclusions() throws Exception {
        ExportService exports = Projects.service(ExportService.class, null);
        try (ProjectSession s = decided()) {
            Path file = dir.resolve("exclude.csv");
            exports.export(s, "exclusions", ExportOptions.READS, file);
            List<String> lines = Files.readAllLines(file);
            assertEquals(List.of("Image Index,Patient Key,Issue,Raised By,Score,Raised At,Source",
                    "i5," + s.pseudonym("p4") + ",ROTATED,detector,0.93,2026-01-07T08:00:00Z,image"), lines);
            exports.export(s, "exclusions", new ExportOptions(null, true, CREATED), file);
            assertTrue(Files.readString(file).contains("SMITH^JOHN"));
        }
    }

    @Test
    @DisplayName("The exclusion list also names the flags readers raised at the reading desk, by reader id, notes only when asked")
    void readerFlagsInExclusions() throws Exception {
        ExportService exports = Projects.service(ExportService.class, null);
        try (ProjectSession s = decided()) {
            s.desk("r2").raise("i2", QualityIssue.LATERAL, "lateral film of Jane Doe");
            s.desk("r1").raise("i5", QualityIssue.INVERTED, null);
            s.desk("r1").raise("i2", QualityIssue.NON_CHEST, "abdomen");
            s.desk("r1").clear("i2", QualityIssue.NON_CHEST);
            Path file = dir.resolve("exclude.csv");
            exports.export(s, "exclusions", ExportOptions.READS, file);
            List<String> lines = Files.readAllLines(file);
            assertEquals(4, lines.size(), String.join("\n", lines));
            assertEquals(List.of("i2", s.pseudonym("p1"), "LATERAL", "r2", "", "reader"), dropTime(lines.get(1)));
            assertEquals("i5," + s.pseudonym("p4") + ",ROTATED,detector,0.93,2026-01-07T08:00:00Z,image", lines.get(2));
            assertEquals(List.of("i5", s.pseudonym("p4"), "INVERTED", "r1", "", "reader"), dropTime(lines.get(3)));
            String text = Files.readString(file);
            assertFalse(text.contains("Jane Doe") || text.contains("Dr r"), "no notes nor reader names without identifiers");
            assertFalse(text.contains("NON_CHEST"), "a cleared flag is not listed");
            exports.export(s, "exclusions", new ExportOptions(null, true, CREATED), file);
            lines = Files.readAllLines(file);
            assertEquals(4, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(1).startsWith("i2,") && lines.get(1).contains(",LATERAL,r2,,") && lines.get(1).contains(",reader,lateral film of Jane Doe,"),
                    lines.get(1));
            assertTrue(lines.get(3).startsWith("i5,") && lines.get(3).contains(",INVERTED,r1,,") && lines.get(3).contains(",reader,,/films/"),
                    lines.get(3));
        }
    }

    /** The cells of an exclusion row without its Raised At (a reader flag is stamped with the time it was raised). */
    private static List<String> dropTime(String line) {
        List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
        assertTrue(cells.get(5).isEmpty() || Instant.parse(cells.get(5)).isAfter(Instant.EPOCH), line);
        cells.remove(5);
        return cells;
    }

    @Test
    @DisplayName("Exports of labels need a method that has labels, and unknown formats are refused")
    void refusals() throws Exception {
        ExportService exports = Projects.service(ExportService.class, null);
        try (ProjectSession s = decided()) {
            Path file = dir.resolve("x.csv");
            assertTrue(assertThrows(IllegalArgumentException.class, () -> exports.export(s, "cxr14", ExportOptions.READS, file))
                    .getMessage().contains("method"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> exports.export(s, "cxr14", ExportOptions.labels("dawid-skene"), file))
                    .getMessage().contains("no consensus labels"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> exports.export(s, "xml", ExportOptions.READS, file))
                    .getMessage().contains("cxr14"));
            assertFalse(Files.exists(file), "a refused export leaves no file");
        }
    }
}
