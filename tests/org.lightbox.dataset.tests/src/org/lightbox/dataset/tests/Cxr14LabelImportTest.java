package org.lightbox.dataset.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportOutcome;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.imaging.PatientKey;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreLocation;

/**
 * The CXR14 label file import. Expected counts were computed from the shared files with shell tools
 * (the command is beside each number), never by this code.
 */
class Cxr14LabelImportTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the 10,000-row 2017 sample imports with ages like 040Y as years, 5,473 rows without labels and 4,527 NLP labels")
    void sample2017() throws Exception {
        Path csv = SharedData.file(SharedData.SAMPLE_2017);
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            ImportReport report = Projects.importer().importCxr14Labels(project, csv, null, ImportProgress.NONE);
            // tail -n +2 sample_labels_2017_age_format.csv | wc -l                                        -> 10000
            assertEquals(10_000, report.imported(), report.summary());
            assertEquals(0, report.skipped() + report.failed(), report.summary());
            assertEquals(10_000, project.imageCount());
            List<ImageRecord> images = Projects.allImages(project);
            // grep -c ',No Finding,' sample_labels_2017_age_format.csv                                  -> 5473
            assertEquals(5_473, images.stream().filter(i -> i.getSourceLabels().isEmpty()).count());
            // awk -F, 'NR>1 && $2!="No Finding"{n+=split($2,a,"|")} END{print n}' sample_labels_2017_age_format.csv -> 4527
            List<SourceLabel> labels = images.stream().flatMap(i -> i.getSourceLabels().stream()).toList();
            assertEquals(4_527, labels.size());
            assertTrue(labels.stream().allMatch(l -> l.getValue() == ReadValue.PRESENT && "NLP".equals(l.getSource())));
            // awk -F, 'NR>1 && $2 ~ /(^|\|)Pneumothorax(\||$)/' sample_labels_2017_age_format.csv | wc -l -> 213
            assertEquals(213, count(images, "Pneumothorax"));
            // awk -F, 'NR>1{print $4}' sample_labels_2017_age_format.csv | sort -u | wc -l               -> 2327
            assertEquals(2_327, images.stream().map(ImageRecord::getPatientKey).distinct().count());
            // head -2 sample_labels_2017_age_format.csv: 00009232_004.png,Cardiomegaly,4,9232,040Y,F,PA
            ImageRecord first = project.image("00009232_004.png").orElseThrow();
            assertEquals(List.of("Cardiomegaly"), codes(first));
            assertEquals(4, first.getFollowUp());
            assertEquals(40, first.getPatientAge());
            assertEquals(Sex.FEMALE, first.getPatientSex());
            assertEquals(ViewPosition.PA, first.getViewPosition());
            assertNull(first.getLocation(), "no images folder given: no pixels");
            assertEquals(ImageFormat.UNKNOWN, first.getFormat());
            // grep -c '^00009232_' sample_labels_2017_age_format.csv -> 4 images of one patient, one key
            assertEquals(1, images.stream().filter(i -> i.getImageId().startsWith("00009232_"))
                    .map(ImageRecord::getPatientKey).distinct().count());
            // tail -1: 00011558_007.png,No Finding,7,11558,042Y,M,PA
            ImageRecord last = project.image("00011558_007.png").orElseThrow();
            assertEquals(List.of(), codes(last));
            assertEquals(42, last.getPatientAge());
            assertEquals(Sex.MALE, last.getPatientSex());
        }
    }

    @Test
    @DisplayName("the whole v2020 file: 112,120 images, 5,302 Pneumothorax-positive, 81,176 NLP labels, 30,805 patients, the 96 PNGs linked")
    void wholeV2020WithImages() throws Exception {
        try (ProjectSession project = Projects.sqlite().open(sqlite(FullCxr14.copyTo(dir)))) {
            ImportReport report = FullCxr14.report();
            // zcat Data_Entry_2017_v2020.csv.gz | tail -n +2 | wc -l -> 112120
            assertEquals(112_120, report.imported(), report.summary());
            assertEquals(0, report.failed() + report.skipped(), report.summary());
            assertTrue(FullCxr14.seconds() < 120, "the import took " + FullCxr14.seconds() + " s, more than the 120 s allowed");
            assertEquals(112_120, project.imageCount());
            List<ImageRecord> images = Projects.allImages(project);
            // zcat … | awk -F, 'NR>1 && $2 ~ /(^|\|)Pneumothorax(\||$)/' | wc -l -> 5302
            assertEquals(5_302, count(images, "Pneumothorax"));
            // zcat … | awk -F, 'NR>1 && $2=="No Finding"' | wc -l -> 60361
            assertEquals(60_361, images.stream().filter(i -> i.getSourceLabels().isEmpty()).count());
            // zcat … | awk -F, 'NR>1 && $2!="No Finding"{n+=split($2,a,"|")} END{print n}' -> 81176
            assertEquals(81_176, images.stream().mapToInt(i -> i.getSourceLabels().size()).sum());
            // zcat … | awk -F, 'NR>1{print $4}' | sort -u | wc -l -> 30805
            assertEquals(30_805, images.stream().map(ImageRecord::getPatientKey).distinct().count());
            // ls images | wc -l -> 96 linked; the other rows are kept without pixels
            assertEquals(96, images.stream().filter(i -> i.getLocation() != null).count());
            assertTrue(report.notes().contains(String.format("112,024 rows have no image file in %s and were kept without pixels",
                    SharedData.folder(SharedData.IMAGES))), report.notes().toString());
            // zcat … | grep '^00000001_001.png': 00000001_001.png,Cardiomegaly|Emphysema,1,1,58,M,PA,2894,2729,0.143…
            ImageRecord row = project.image("00000001_001.png").orElseThrow();
            assertEquals(List.of("Cardiomegaly", "Emphysema"), codes(row));
            assertEquals(1, row.getFollowUp());
            assertEquals(58, row.getPatientAge());
            assertEquals(Sex.MALE, row.getPatientSex());
            assertEquals(ViewPosition.PA, row.getViewPosition());
            // zcat … | grep '^00000100_000.png': 00000100_000.png,Atelectasis|Effusion|Infiltration,0,100,60,M,PA,…
            // sha256sum images/00000100_000.png -> d2fb221b…d842; identify: PNG 1024x1024 8-bit sRGB (RGBA per `file`)
            ImageRecord rgba = project.image("00000100_000.png").orElseThrow();
            assertEquals(List.of("Atelectasis", "Effusion", "Infiltration"), codes(rgba));
            assertEquals("d2fb221be22d4301bed503c8bcfd6b866eab3c6015086b8dd6ab7c97822cd842", rgba.getContentHash());
            assertEquals(ImageFormat.PNG, rgba.getFormat());
            assertEquals(1024, rgba.getWidth());
            assertEquals(1024, rgba.getHeight());
            assertTrue(rgba.getLocation().endsWith("/cxr14/images/00000100_000.png"), rgba.getLocation());
            // file images/*.png | grep -c RGBA -> 4 (00000004_000, 00000100_000, 00001369_000, 00002578_000)
            List<ImportOutcome> rgbaNotes = report.outcomes().stream().filter(o -> o.detail().contains("RGBA")).toList();
            assertEquals(List.of("00000004_000.png", "00000100_000.png", "00001369_000.png", "00002578_000.png"),
                    rgbaNotes.stream().map(ImportOutcome::imageId).sorted().toList());
        }
    }

    @Test
    @DisplayName("importing the same label file again adds nothing and reports every row as already imported")
    void reimportIsIdempotent() throws Exception {
        Path csv = SharedData.file(SharedData.SAMPLE_2017);
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            Projects.importer().importCxr14Labels(project, csv, null, ImportProgress.NONE);
            List<ImageRecord> before = Projects.allImages(project);
            ImportReport again = Projects.importer().importCxr14Labels(project, csv, null, ImportProgress.NONE);
            assertEquals(10_000, again.skipped(), again.summary());
            assertEquals(0, again.imported() + again.failed(), again.summary());
            assertTrue(again.outcomes().stream().allMatch(o -> o.detail().equals("already imported")));
            assertEquals(10_000, project.imageCount());
            List<ImageRecord> after = Projects.allImages(project);
            assertEquals(before.stream().map(Cxr14LabelImportTest::describe).toList(),
                    after.stream().map(Cxr14LabelImportTest::describe).toList());
        }
    }

    @Test
    @DisplayName("a label import cancelled after two batches keeps exactly those 4,000 rows, and importing again adds the other 6,000")
    void cancelledImportIsConsistentAndResumable() throws Exception {
        Path csv = SharedData.file(SharedData.SAMPLE_2017);
        Path file = dir.resolve("p.lightbox");
        ImportReport cancelled;
        try (ProjectSession project = Projects.create(file)) {
            cancelled = Projects.importer().importCxr14Labels(project, csv, null, new CancelAfterPolls(2));
        }
        assertTrue(cancelled.cancelled());
        assertEquals(4_000, cancelled.imported(), cancelled.summary());
        assertTrue(cancelled.summary().contains("cancelled after 4,000 items"), cancelled.summary());
        try (ProjectSession project = Projects.sqlite().open(sqlite(file))) {
            assertEquals(4_000, project.imageCount(), "whole batches of 2,000 rows, nothing of the third");
            // awk -F, 'NR>1 && NR<=4001 && $2!="No Finding"{n+=split($2,a,"|")} END{print n}' sample… -> 1847
            assertEquals(1_847, Projects.allImages(project).stream().mapToInt(i -> i.getSourceLabels().size()).sum());
            ImportReport rest = Projects.importer().importCxr14Labels(project, csv, null, ImportProgress.NONE);
            assertEquals(6_000, rest.imported(), rest.summary());
            assertEquals(4_000, rest.skipped(), rest.summary());
            assertEquals(10_000, project.imageCount());
        }
    }

    @Test
    @DisplayName("a CSV with other columns is refused with the missing and unexpected columns named, and nothing is written")
    void wrongColumnsAreNamed() throws Exception {
        Path index = SharedData.file("cxr14/IMAGE_INDEX.csv");
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            ImportException e = assertThrows(ImportException.class,
                    () -> Projects.importer().importCxr14Labels(project, index, null, ImportProgress.NONE));
            assertEquals(ImportException.Reason.WRONG_COLUMNS, e.reason());
            // head -1 IMAGE_INDEX.csv: image,finding_labels,patient_id,age,sex,view,png_w,…,in_jrzech_test_preds
            String message = e.getMessage();
            assertTrue(message.contains("missing 'Image Index', 'Follow-up #', 'Patient Age', 'Patient Gender',"
                    + " 'View Position';"), message);
            assertTrue(message.contains("unexpected 'image', 'age', 'sex', 'view', 'png_w'"), message);
            assertTrue(message.contains("in_jrzech_test_preds"), message);
            assertTrue(message.endsWith("Nothing was imported."), message);
            assertEquals(0, project.imageCount());
            assertEquals(List.of(), project.predictionModels());
        }
    }

    @Test
    @DisplayName("patient keys are the project's keyed pseudonyms: one per patient, not the id, not its plain hash, another in another project")
    void patientKeysArePseudonyms() throws Exception {
        Path csv = SharedData.file(SharedData.V2020);
        Path head = dir.resolve("head.csv");
        // the header and the first three rows: patient 1's three images (zcat … | head -4)
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(csv)),
                StandardCharsets.UTF_8))) {
            Files.write(head, lines.lines().limit(4).toList());
        }
        String keyOne;
        try (ProjectSession project = Projects.create(dir.resolve("a.lightbox"))) {
            Projects.importer().importCxr14Labels(project, head, null, ImportProgress.NONE);
            List<String> keys = Projects.allImages(project).stream().map(ImageRecord::getPatientKey).distinct().toList();
            assertEquals(1, keys.size(), "patient 1's three images share one key");
            keyOne = keys.getFirst();
            assertTrue(keyOne.matches("[0-9a-f]{32}"), keyOne);
            assertNotEquals(PatientKey.derive("NIH ChestX-ray14", "1", null).value(), keyOne,
                    "the stored key is keyed with the project's secret, not the plain digest anyone can recompute");
            assertEquals(keyOne, project.pseudonym(PatientKey.Basis.PATIENT_ID + ":"
                    + PatientKey.derive("NIH ChestX-ray14", "1", null).value()));
        }
        try (ProjectSession other = Projects.create(dir.resolve("b.lightbox"))) {
            Projects.importer().importCxr14Labels(other, head, null, ImportProgress.NONE);
            String otherKey = Projects.allImages(other).getFirst().getPatientKey();
            assertNotNull(otherKey);
            assertNotEquals(keyOne, otherKey, "each project has its own secret");
        }
        try (ProjectSession again = Projects.sqlite().open(sqlite(dir.resolve("a.lightbox")))) {
            assertEquals(keyOne, again.pseudonym(PatientKey.Basis.PATIENT_ID + ":"
                    + PatientKey.derive("NIH ChestX-ray14", "1", null).value()), "the secret is kept in the store");
        }
    }

    static StoreLocation sqlite(Path file) {
        return new StoreLocation.SqliteFile(file);
    }

    private static String describe(ImageRecord i) {
        return String.join("|", i.getImageId(), String.valueOf(i.getPatientKey()), String.valueOf(i.getPatientAge()),
                String.valueOf(i.getPatientSex()), String.valueOf(i.getViewPosition()), String.valueOf(i.getFollowUp()),
                String.join("+", codes(i)));
    }

    private static long count(List<ImageRecord> images, String finding) {
        return images.stream().filter(i -> codes(i).contains(finding)).count();
    }

    static List<String> codes(ImageRecord image) {
        return image.getSourceLabels().stream().map(l -> l.getFinding().getCode()).toList();
    }

    /** Cancels when polled for the (n+1)-th time: the import gets through n batches. */
    static final class CancelAfterPolls implements ImportProgress {
        private final int polls;
        private int polled;

        CancelAfterPolls(int polls) {
            this.polls = polls;
        }

        @Override
        public void begin(String task, long totalUnits) {
            // not shown
        }

        @Override
        public void worked(long units) {
            // not shown
        }

        @Override
        public boolean isCancelled() {
            return polled++ >= polls;
        }
    }
}
