package org.lightbox.dataset.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.model.Finding;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.store.ProjectSession;

/**
 * Google's expert reads of CXR14 (Majkowska et al. 2019, Nabulsi et al. 2021), imported into the
 * whole v2020 project. Counts from awk/cut/sort over the shared files; commands beside them.
 */
class ExpertReadsImportTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("four-findings: 13,081 rows of 4,376 images by 22 readers give 52,308 current reads; 4 double reads leave history")
    void fourFindings() throws Exception {
        Path csv = SharedData.file(SharedData.FOUR_FINDINGS);
        try (ProjectSession project = Projects.sqlite().open(Cxr14LabelImportTest.sqlite(FullCxr14.copyTo(dir)))) {
            ImportReport report = Projects.importer().importExpertReads(project, csv, ImportProgress.NONE);
            // tail -n +2 individual_readers.csv | wc -l -> 13081
            assertEquals(13_081, report.imported(), report.summary());
            assertEquals(0, report.skipped() + report.failed(), report.summary());
            assertEquals(List.of("added to the label schema: Fracture, Airspace opacity, Nodule or mass"), report.notes());
            // tail -n +2 … | cut -d, -f3 | sort -u | wc -l -> 22
            List<Reader> readers = project.project().getReaders();
            assertEquals(22, readers.size());
            assertTrue(readers.stream().allMatch(r -> r.getRole() == ReaderRole.EXTERNAL && r.getId().startsWith("google-")
                    && r.getName().endsWith(r.getId().substring("google-".length()))));
            List<Read> reads = project.allReads();
            // 13,081 rows × 4 cells, none empty (awk … if($i!="") n++ -> 52324), minus the 4 pairs of rows in which
            // one reader read one image twice (cut -d, -f2,3 | sort | uniq -d | wc -l -> 4): 52,324 - 16 = 52,308
            assertEquals(52_308, reads.size());
            // awk -F, 'NR>1{for(i=4;i<=7;i++) v[$2","$3","i]=$i} END{for(k in v) c[v[k]]++; …}' -> YES 8429, NO 43454, HEDGE 425
            Map<ReadValue, Long> values = reads.stream().collect(Collectors.groupingBy(Read::getValue, Collectors.counting()));
            assertEquals(Map.of(ReadValue.PRESENT, 8_429L, ReadValue.ABSENT, 43_454L, ReadValue.UNCERTAIN, 425L), values);
            // 4,376 images: tail -n +2 … | cut -d, -f2 | sort -u | wc -l
            assertEquals(4_376, reads.stream().map(r -> r.getImage().getImageId()).distinct().count());
            // line 2: 13,00000013_008.png,4295367682,NO,YES,YES,NO,test
            Map<String, ReadValue> line2 = project.readsOfImage("00000013_008.png").stream()
                    .filter(r -> r.getReader().getId().equals("google-4295367682"))
                    .collect(Collectors.toMap(r -> r.getFinding().getCode(), Read::getValue));
            assertEquals(Map.of("Fracture", ReadValue.ABSENT, "Pneumothorax", ReadValue.PRESENT, "Airspace_opacity",
                    ReadValue.PRESENT, "Nodule_or_mass", ReadValue.ABSENT), line2);
            // lines 13026 and 13028: 4295376896 read 00030573_013.png twice, Airspace opacity YES then NO (so did 4323195249)
            List<Read> history = project.readHistory("00030573_013.png");
            assertEquals(2, history.size());
            assertTrue(history.stream().allMatch(r -> r.getValue() == ReadValue.PRESENT
                    && r.getFinding().getCode().equals("Airspace_opacity")));
            assertTrue(report.outcomes().get(13_026).detail().contains("replaced 1 different read(s)"),
                    report.outcomes().get(13_026).toString());

            ImportReport again = Projects.importer().importExpertReads(project, csv, ImportProgress.NONE);
            assertEquals(13_081, again.skipped(), again.summary());
            assertEquals(52_308, project.allReads().size());
            assertEquals(2, project.readHistory("00030573_013.png").size(), "importing again replaces nothing");
            assertEquals(22, project.project().getReaders().size());
        }
    }

    @Test
    @DisplayName("all-findings: 4,050 reads of 810 images by 5 readers, the Abnormal column's 1/0 read as present/absent")
    void allFindings() throws Exception {
        Path csv = SharedData.file(SharedData.ALL_FINDINGS);
        try (ProjectSession project = Projects.sqlite().open(Cxr14LabelImportTest.sqlite(FullCxr14.copyTo(dir)))) {
            ImportReport report = Projects.importer().importExpertReads(project, csv, ImportProgress.NONE);
            // tail -n +2 test_individual_readers.csv | wc -l -> 4050
            assertEquals(4_050, report.imported(), report.summary());
            // 'Pleural Thickening' is CXR14's Pleural_Thickening; only Abnormal and Other are new
            assertEquals(List.of("added to the label schema: Abnormal (any actionable finding), Other finding (none of the 14)"),
                    report.notes());
            assertEquals(16, project.project().getLabelSchema().getFindings().size());
            // cut -d, -f3 | sort -u -> 4343880271 4343882583 4343882785 4343883593 4343883996
            assertEquals(List.of("google-4343880271", "google-4343882583", "google-4343882785", "google-4343883593",
                    "google-4343883996"), project.project().getReaders().stream().map(Reader::getId).sorted().toList());
            List<Read> reads = project.allReads();
            // 4,050 rows × 16 columns, none empty: awk … for(i=4;i<=19;i++) if($i!="") n++ -> 64800
            assertEquals(64_800, reads.size());
            // awk -F, 'NR>1{print $4}' | sort | uniq -c -> 2731 "1", 1319 "0"
            Map<ReadValue, Long> abnormal = reads.stream().filter(r -> r.getFinding().getCode().equals("Abnormal"))
                    .collect(Collectors.groupingBy(Read::getValue, Collectors.counting()));
            assertEquals(Map.of(ReadValue.PRESENT, 2_731L, ReadValue.ABSENT, 1_319L), abnormal);
            // awk -F, 'NR>1 && $12=="YES"' | wc -l -> 622 Pneumothorax reads
            assertEquals(622, reads.stream().filter(r -> r.getFinding().getCode().equals("Pneumothorax")
                    && r.getValue() == ReadValue.PRESENT).count());
            // awk -F, 'NR>1{for(i=5;i<=19;i++) c[$i]++}' -> YES 7358 outside the Abnormal column
            assertEquals(7_358, reads.stream().filter(r -> !r.getFinding().getCode().equals("Abnormal")
                    && r.getValue() == ReadValue.PRESENT).count());
            assertEquals(810, reads.stream().map(r -> r.getImage().getImageId()).distinct().count());
            List<String> codes = project.project().getLabelSchema().getFindings().stream().map(Finding::getCode).toList();
            assertEquals(List.of("Hernia", "Abnormal", "Other"), codes.subList(13, 16));
        }
    }

    @Test
    @DisplayName("reads of images that are not in the project are skipped row by row, and the project is left as it was")
    void imagesNotInTheProject() throws Exception {
        Path csv = SharedData.file(SharedData.ALL_FINDINGS);
        try (ProjectSession project = Projects.create(dir.resolve("empty.lightbox"))) {
            ImportReport report = Projects.importer().importExpertReads(project, csv, ImportProgress.NONE);
            assertEquals(4_050, report.skipped(), report.summary());
            assertEquals("image 00029560_000.png is not in the project", report.outcomes().getFirst().detail());
            assertEquals(List.of(), project.allReads());
            assertEquals(List.of(), project.project().getReaders());
            assertEquals(14, project.project().getLabelSchema().getFindings().size());
        }
    }

    @Test
    @DisplayName("a label file given as reads is refused, naming the missing Image ID and Reader ID and the unexpected columns")
    void wrongColumns() throws Exception {
        Path csv = SharedData.file(SharedData.SAMPLE_2017);
        try (ProjectSession project = Projects.create(dir.resolve("p.lightbox"))) {
            ImportException e = assertThrows(ImportException.class,
                    () -> Projects.importer().importExpertReads(project, csv, ImportProgress.NONE));
            assertEquals(ImportException.Reason.WRONG_COLUMNS, e.reason());
            // head -1 sample_labels_2017_age_format.csv: Image_Index,Finding_Labels,Follow_Up_#,Patient_ID,…
            assertTrue(e.getMessage().contains("missing 'Image ID', 'Reader ID', '(at least one finding column)';"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("unexpected 'Image_Index', 'Finding_Labels', 'Follow_Up_#', 'Patient_Age',"
                    + " 'Patient_Gender', 'View_Position';"), e.getMessage());
            assertEquals(List.of(), project.project().getReaders());
            assertEquals(14, project.project().getLabelSchema().getFindings().size());
        }
    }
}
