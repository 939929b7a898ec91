package org.lightbox.dataset.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportOutcome;
import org.lightbox.dataset.ImportOutcome.Status;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.store.ProjectSession;

/** Importing folders of image files, one outcome per file; expected values from sha256sum, file, ls and zcat/grep. */
class FolderImportTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the 96 CXR14 PNGs import with their names as ids, four RGBA ones with a note, and each patient's images share a key")
    void cxr14Pngs() throws Exception {
        Path images = SharedData.folder(SharedData.IMAGES);
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            ImportReport report = Projects.importer().importFolder(project, images, ImportProgress.NONE);
            // ls images | wc -l -> 96
            assertEquals(96, report.imported(), report.summary());
            assertEquals(96, project.imageCount());
            // file images/*.png | grep -c RGBA -> 00000004_000, 00000100_000, 00001369_000, 00002578_000
            List<ImportOutcome> rgba = report.outcomes().stream().filter(o -> o.detail().startsWith("RGBA image")).toList();
            assertEquals(List.of("00000004_000.png", "00000100_000.png", "00001369_000.png", "00002578_000.png"),
                    rgba.stream().map(ImportOutcome::imageId).toList());
            // sha256sum images/00000001_000.png -> 54637429…e9bd; file: PNG image data, 1024 x 1024, 8-bit grayscale
            ImageRecord first = project.image("00000001_000.png").orElseThrow();
            assertEquals("54637429eef039060cf9feb4a07042d4986a71042b41cd1c833befd26cabe9bd", first.getContentHash());
            assertEquals(ImageFormat.PNG, first.getFormat());
            assertEquals(1024, first.getWidth());
            assertEquals(1024, first.getHeight());
            assertEquals(images.resolve("00000001_000.png").toAbsolutePath().normalize().toString(), first.getLocation());
            List<ImageRecord> all = Projects.allImages(project);
            // ls images | cut -c1-8 | sort -u | wc -l -> 80 patients; ls images/00000003_* | wc -l -> 8
            assertEquals(80, all.stream().map(ImageRecord::getPatientKey).distinct().count());
            assertEquals(1, all.stream().filter(i -> i.getImageId().startsWith("00000003_")).map(ImageRecord::getPatientKey)
                    .distinct().count());
            assertEquals(7, project.image("00000003_007.png").orElseThrow().getFollowUp());

            ImportReport again = Projects.importer().importFolder(project, images, ImportProgress.NONE);
            assertEquals(96, again.skipped(), again.summary());
            assertEquals("already imported (same content hash) as 00000001_000.png", again.outcomes().getFirst().detail());
            assertEquals(96, project.imageCount());
        }
    }

    @Test
    @DisplayName("in a mixed folder a copy is skipped by its hash, a text file is not an image, a cut-off PNG fails as truncated")
    void mixedFolder() throws Exception {
        Path images = SharedData.folder(SharedData.IMAGES);
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.createDirectories(folder.resolve("a"));
        Files.createDirectories(folder.resolve("b"));
        Files.createDirectories(folder.resolve("sub"));
        Files.copy(images.resolve("00000001_000.png"), folder.resolve("a/00000001_000.png"));
        Files.copy(images.resolve("00000001_000.png"), folder.resolve("b/copy.png"));
        Files.writeString(folder.resolve("notes.txt"), "reading list\n");
        // head -c 20000 00000002_000.png > cut.png (`file` still says: PNG image data, 1024 x 1024, 8-bit grayscale)
        byte[] whole = Files.readAllBytes(images.resolve("00000002_000.png"));
        Files.write(folder.resolve("cut.png"), java.util.Arrays.copyOf(whole, 20_000));
        Files.copy(images.resolve("00000003_000.png"), folder.resolve("sub/x.png"));
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            ImportReport report = Projects.importer().importFolder(project, folder, ImportProgress.NONE);
            Map<String, ImportOutcome> byItem = report.outcomes().stream()
                    .collect(Collectors.toMap(ImportOutcome::item, Function.identity()));
            assertEquals(List.of("a/00000001_000.png", "b/copy.png", "cut.png", "notes.txt", "sub/x.png"),
                    report.outcomes().stream().map(ImportOutcome::item).toList(), "one outcome per file, in path order");
            assertEquals(Status.IMPORTED, byItem.get("a/00000001_000.png").status());
            assertEquals(new ImportOutcome("b/copy.png", Status.SKIPPED, "00000001_000.png",
                    "already imported (same content hash) as 00000001_000.png"), byItem.get("b/copy.png"));
            assertEquals(Status.FAILED, byItem.get("cut.png").status());
            assertTrue(byItem.get("cut.png").detail().startsWith("truncated"), byItem.get("cut.png").detail());
            assertEquals(Status.SKIPPED, byItem.get("notes.txt").status());
            assertTrue(byItem.get("notes.txt").detail().startsWith("not an image"), byItem.get("notes.txt").detail());
            // not a CXR14 name: the id is the path in the folder; sha256sum 00000003_000.png -> 6a8be07b…ce26
            assertEquals(new ImportOutcome("sub/x.png", Status.IMPORTED, "sub/x.png", ""), byItem.get("sub/x.png"));
            assertEquals("6a8be07b5e70d1e0f43846d06a678ea55adc2d7ea9d26071690a88ebfb6fce26",
                    project.image("sub/x.png").orElseThrow().getContentHash());
            assertEquals(2, project.imageCount(), "the failed and skipped files left nothing behind");

            Path csv = dir.resolve("report.csv");
            report.writeCsv(csv);
            List<CSVRecord> lines;
            try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(csv))) {
                assertEquals(ImportReport.CSV_COLUMNS, parser.getHeaderNames());
                lines = parser.getRecords();
            }
            assertEquals(5, lines.size());
            assertEquals(List.of("b/copy.png", "SKIPPED", "00000001_000.png",
                    "already imported (same content hash) as 00000001_000.png"), lines.get(1).toList());
        }
    }

    @Test
    @DisplayName("PNGs imported first get their labels from the label file afterwards, and keep the same patient keys")
    void folderThenLabels() throws Exception {
        Path images = SharedData.folder(SharedData.IMAGES);
        Path v2020 = SharedData.file(SharedData.V2020);
        Set<String> names;
        try (Stream<Path> files = Files.list(images)) {
            names = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
        // the header and the 96 rows of the shared PNGs: zcat … | grep -f <(ls images | sed 's/^/^/') | wc -l -> 96
        Path rows = dir.resolve("rows.csv");
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(v2020)),
                StandardCharsets.UTF_8))) {
            lines.add(in.readLine());
            in.lines().filter(l -> names.contains(l.substring(0, l.indexOf(',')))).forEach(lines::add);
        }
        Files.write(rows, lines);
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            Projects.importer().importFolder(project, images, ImportProgress.NONE);
            Map<String, String> keysFromNames = Projects.allImages(project).stream()
                    .collect(Collectors.toMap(ImageRecord::getImageId, ImageRecord::getPatientKey));
            ImportReport report = Projects.importer().importCxr14Labels(project, rows, null, ImportProgress.NONE);
            assertEquals(96, report.imported(), report.summary());
            assertTrue(report.outcomes().stream().allMatch(o -> o.detail().startsWith("labels added to the image imported before")),
                    report.outcomes().getFirst().detail());
            assertEquals(96, project.imageCount());
            List<ImageRecord> all = Projects.allImages(project);
            // zcat … | grep -f <(ls images | sed 's/^/^/') | awk -F, '$2!="No Finding"{n+=split($2,a,"|")} END{print n}' -> 152
            assertEquals(152, all.stream().mapToInt(i -> i.getSourceLabels().size()).sum());
            assertTrue(all.stream().allMatch(i -> i.getLocation() != null), "the pixels stay linked");
            assertEquals(keysFromNames, all.stream().collect(Collectors.toMap(ImageRecord::getImageId, ImageRecord::getPatientKey)),
                    "00000001_000.png and row '…,1,57,M,PA' give patient 1 the same key");
            // zcat … | grep '^00000100_000.png': 00000100_000.png,Atelectasis|Effusion|Infiltration,0,100,60,M,PA,…
            assertEquals(60, project.image("00000100_000.png").orElseThrow().getPatientAge());
        }
    }

    @Test
    @DisplayName("a folder import cancelled after 60 of the 96 PNGs keeps exactly those 60, and importing again adds the other 36")
    void cancelledFolderImport() throws Exception {
        Path images = SharedData.folder(SharedData.IMAGES);
        Path file = dir.resolve("p.lightbox");
        try (ProjectSession project = Projects.create(file)) {
            ImportReport cancelled = Projects.importer().importFolder(project, images,
                    new Cxr14LabelImportTest.CancelAfterPolls(60));
            assertTrue(cancelled.cancelled());
            assertEquals(60, cancelled.imported(), cancelled.summary());
            assertEquals(List.of("cancelled after 60 of 96 files"), cancelled.notes());
        }
        try (ProjectSession project = Projects.sqlite().open(Cxr14LabelImportTest.sqlite(file))) {
            assertEquals(60, project.imageCount(), "every file reported imported is in the store, no other");
            ImportReport rest = Projects.importer().importFolder(project, images, ImportProgress.NONE);
            assertEquals(36, rest.imported(), rest.summary());
            assertEquals(60, rest.skipped(), rest.summary());
            assertEquals(96, project.imageCount());
        }
    }

    @Test
    @DisplayName("a folder that does not exist is refused before anything is written")
    void missingFolder() throws Exception {
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            ImportException e = assertThrows(ImportException.class,
                    () -> Projects.importer().importFolder(project, dir.resolve("nowhere"), ImportProgress.NONE));
            assertEquals(ImportException.Reason.UNREADABLE, e.reason());
            assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("does not exist"), e.getMessage());
            assertEquals(0, project.imageCount());
        }
    }
}
