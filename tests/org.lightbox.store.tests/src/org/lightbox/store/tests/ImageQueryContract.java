package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Project;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.ImageQuery.FindingCondition;
import org.lightbox.store.ImageQuery.Sort;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/**
 * What {@link ProjectSession#count(ImageQuery)} and {@link ProjectSession#images(ImageQuery, long, int)} must
 * answer, on every backend. The expected numbers come from the shared CSV files, counted with awk; the
 * command is next to each number (run in {@code shared/data/expert-labels/four-findings}, T=test_labels.csv,
 * R=individual_readers.csv).
 */
abstract class ImageQueryContract extends StoreContract {

    private static final String PTX = "Pneumothorax";
    private ProjectSession panel;
    private GooglePanelSample sample;

    protected ImageQueryContract(StoreBackend backend) {
        super(backend);
    }

    /** Closes the shared project before the backend goes (the base class's @AfterAll runs after this one). */
    private void closePanel() {
        if (panel != null) {
            panel.close();
            panel = null;
        }
    }

    @AfterAll
    void closeSharedPanel() {
        closePanel();
    }

    /** The Google panel project, built once per backend (1,962 images, 5,868 reads, 1,962 panel labels). */
    private ProjectSession panel() throws Exception {
        assumeTrue(GooglePanelSample.available(), "Google panel labels not found under " + GooglePanelSample.dataFolder()
                + " (system property lightbox.shared): test skipped");
        if (panel == null) {
            sample = GooglePanelSample.load();
            long start = System.nanoTime();
            panel = store.create(newLocation(), sample.project());
            sample.fill(panel);
            System.out.printf("%s: Google panel project (%d images, %d reads) built in %d ms%n", kind(),
                    sample.rows.size(), sample.calls.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return panel;
    }

    private static ImageQuery.Builder where() {
        return ImageQuery.builder();
    }

    @Test
    @DisplayName("source and consensus label conditions count what the NLP and panel columns of test_labels.csv say")
    void findingConditions() throws Exception {
        ProjectSession session = panel();
        assertEquals(1962, session.count(ImageQuery.ALL));
        // awk -F, 'NR>1 && $2 ~ /Pneumothorax/' $T | wc -l
        assertEquals(200, session.count(where().finding(FindingCondition.source(PTX, ReadValue.PRESENT)).build()));
        assertEquals(1962 - 200, session.count(where().finding(FindingCondition.source(PTX, ReadValue.ABSENT)).build()));
        // awk -F, 'NR>1 && $13=="YES"' $T | wc -l
        assertEquals(195, session.count(where().finding(FindingCondition.consensus(PTX, ReadValue.PRESENT,
                GooglePanelSample.PANEL)).build()));
        assertEquals(195, session.count(where().finding(FindingCondition.consensus(PTX, ReadValue.PRESENT, null)).build()));
        assertEquals(0, session.count(where().finding(FindingCondition.consensus(PTX, ReadValue.PRESENT, "majority")).build()));
        // NLP says pneumothorax, the panel says no: awk -F, 'NR>1 && $2 ~ /Pneumothorax/ && $13=="NO"' $T | wc -l
        assertEquals(103, session.count(where().finding(FindingCondition.source(PTX, ReadValue.PRESENT))
                .finding(FindingCondition.consensus(PTX, ReadValue.ABSENT, null)).build()));
        // missed by NLP: awk -F, 'NR>1 && $2 !~ /Pneumothorax/ && $13=="YES"' $T | wc -l
        assertEquals(98, session.count(where().finding(FindingCondition.source(PTX, ReadValue.ABSENT))
                .finding(FindingCondition.consensus(PTX, ReadValue.PRESENT, null)).build()));
    }

    @Test
    @DisplayName("a page walk of a filter returns exactly the CSV's matching images, in the order added, once each")
    void pagesOfAFilter() throws Exception {
        ProjectSession session = panel();
        ImageQuery query = where().finding(FindingCondition.source(PTX, ReadValue.PRESENT)).build();
        List<String> expected = sample.rows.stream().filter(r -> r.nlpFindings().contains(PTX))
                .map(GooglePanelSample.Row::imageId).toList();
        List<String> walked = new ArrayList<>();
        for (long offset = 0; offset < 230; offset += 7) {
            session.images(query, offset, 7).forEach(i -> walked.add(i.getImageId()));
        }
        assertEquals(expected, walked);
        ImageRecord first = session.images(query, 0, 1).getFirst();
        assertTrue(first.getSourceLabels().stream().anyMatch(l -> l.getFinding().getCode().equals(PTX)),
                "images come with their source labels");
    }

    @Test
    @DisplayName("reader conditions count what individual_readers.csv says: read by, unread by, number of readers")
    void readerConditions() throws Exception {
        ProjectSession session = panel();
        // awk -F, 'NR>1 && $8 ~ /^test/ && $3=="4323195249" {print $2}' $R | sort -u | wc -l
        assertEquals(1959, session.count(where().readBy("4323195249").build()));
        assertEquals(3, session.count(where().unreadBy("4323195249").build()));
        // comm -23 <(… $3=="4295194124" …) <(… $3=="4323195249" …) | wc -l
        assertEquals(2, session.count(where().readBy("4295194124").unreadBy("4323195249").build()));
        // awk -F, 'NR>1 && $8 ~ /^test/ {print $2","$3}' $R | sort -u | cut -d, -f1 | uniq -c → 22 images with 2, 1940 with 3
        assertEquals(1940, session.count(where().readers(3, null).build()));
        assertEquals(22, session.count(where().readers(null, 2).build()));
        assertEquals(22, session.count(where().readers(2, 2).build()));
        assertEquals(0, session.count(where().readers(null, 0).build()));
        assertEquals(1962, session.count(where().readers(1, 5).build()));
    }

    @Test
    @DisplayName("metadata conditions combine with label and reader conditions as the CSV says")
    void metadataConditions() throws Exception {
        ProjectSession session = panel();
        // awk -F, 'NR>1 && $6=="F" && $7=="PA" && $5>=40 && $5<=60' $T | wc -l
        assertEquals(182, session.count(where().sex(Sex.FEMALE).view(ViewPosition.PA).age(40, 60).build()));
        // awk -F, 'NR>1{print $6, $7}' $T | sort | uniq -c → 453 M PA
        assertEquals(453, session.count(where().sex(Sex.MALE).view(ViewPosition.PA).build()));
        // join of awk -F, 'NR>1 && $6=="M" && $7=="PA" && $13=="YES"' $T and reader 4295232296's images: 23
        assertEquals(23, session.count(where().sex(Sex.MALE).view(ViewPosition.PA).readBy("4295232296")
                .finding(FindingCondition.consensus(PTX, ReadValue.PRESENT, null)).build()));
        // comm -12 <(awk -F, 'NR>1{print $1}' $T | sort) <(ls ../../cxr14/images | sort) | wc -l
        assertEquals(4, session.count(where().hasPixels(true).build()));
        assertEquals(1958, session.count(where().hasPixels(false).build()));
    }

    @Test
    @DisplayName("sorting by age, patient and number of source labels gives the CSV's order, ties in the order added")
    void sortOrders() throws Exception {
        ProjectSession session = panel();
        // awk -F, 'NR>1{print $5, NR, $1}' $T | sort -k1,1nr -k2,2nr | head -5
        assertEquals(List.of("00012609_002.png", "00009368_016.png", "00023325_024.png", "00012609_001.png",
                "00009368_004.png"), ids(session.images(ImageQuery.ALL.sortedBy(Sort.AGE, true), 0, 5)));
        // awk -F, 'NR>1{print $4, $3, NR, $1}' $T | LC_ALL=C sort -k1,1 -k2,2n -k3,3n | sed -n 11,15p
        assertEquals(List.of("00010012_005.png", "00001006_008.png", "00010071_001.png", "00010103_010.png",
                "00010103_011.png"), ids(session.images(ImageQuery.ALL.sortedBy(Sort.PATIENT, false), 10, 5)));
        // awk -F, 'NR>1{n=($2=="No Finding")?0:split($2,a,"|"); print n, NR, $1}' $T | sort -k1,1nr -k2,2nr | head -5
        assertEquals(List.of("00028572_013.png", "00019124_111.png", "00015072_010.png", "00029481_012.png",
                "00026451_008.png"), ids(session.images(ImageQuery.ALL.sortedBy(Sort.SOURCE_LABELS, true), 0, 5)));
        List<String> byId = ids(session.images(ImageQuery.ALL.sortedBy(Sort.IMAGE_ID, false), 0, 2000));
        assertEquals(sample.rows.stream().map(GooglePanelSample.Row::imageId).sorted().toList(), byId);
    }

    @Test
    @DisplayName("quality flag and confounder tag conditions find the flagged and tagged-present images only")
    void flagsAndTags() {
        Project project = Fixtures.project();
        ImageRecord drain = Fixtures.fullImage(project, "drain.png");           // ROTATED; chest-drain present, ecg absent
        ImageRecord noDrain = Fixtures.bareImage("no-drain.png");
        noDrain.getConfounderTags().add(Fixtures.tag("chest-drain", ReadValue.ABSENT, "r1", null, null));
        ImageRecord inverted = Fixtures.bareImage("inverted.png");
        QualityFlag flag = Fixtures.F.createQualityFlag();
        flag.setIssue(QualityIssue.INVERTED);
        inverted.getQualityFlags().add(flag);
        inverted.getConfounderTags().add(Fixtures.tag("pacemaker", ReadValue.PRESENT, "r2", null, null));
        try (ProjectSession session = store.create(newLocation(), project)) {
            session.addImages(List.of(drain, noDrain, inverted, Fixtures.bareImage("plain.png")));
            assertEquals(List.of("drain.png"), ids(session.images(where().qualityIssue(QualityIssue.ROTATED).build(), 0, 9)));
            assertEquals(List.of("drain.png"), ids(session.images(where().confounder("chest-drain").build(), 0, 9)));
            assertEquals(0, session.count(where().confounder("ecg-leads").build()));
            assertEquals(List.of("inverted.png"), ids(session.images(where().confounder("pacemaker")
                    .qualityIssue(QualityIssue.INVERTED).build(), 0, 9)));
            assertEquals(List.of("drain.png"), ids(session.images(where().hasPixels(true).build(), 0, 9)));
        }
    }

    @Test
    @DisplayName("sorting by number of source labels counts present labels and follows added and updated images")
    void sourceLabelCountIsKept() {
        Project project = Fixtures.project();
        ImageRecord two = Fixtures.fullImage(project, "two.png");               // Pneumothorax PRESENT, Effusion UNCERTAIN
        two.getSourceLabels().add(Fixtures.sourceLabel(Fixtures.finding(project, "Atelectasis"), ReadValue.PRESENT, "NLP", null));
        ImageRecord one = Fixtures.fullImage(project, "one.png");
        try (ProjectSession session = store.create(newLocation(), project)) {
            session.addImages(List.of(Fixtures.bareImage("none.png"), two, one));
            ImageQuery mostFirst = ImageQuery.ALL.sortedBy(Sort.SOURCE_LABELS, true);
            assertEquals(List.of("two.png", "one.png", "none.png"), ids(session.images(mostFirst, 0, 9)));
            ImageRecord emptied = session.image("two.png").orElseThrow();
            emptied.getSourceLabels().clear();
            session.updateImages(List.of(emptied));
            assertEquals(List.of("one.png", "two.png", "none.png"), ids(session.images(mostFirst, 0, 9)));
            session.addImages(List.of(Fixtures.fullImage(project, "added.png")));
            assertEquals(List.of("added.png", "one.png", "two.png", "none.png"), ids(session.images(mostFirst, 0, 9)));
        }
    }

    @Test
    @DisplayName("an unknown finding or reader fails with NOT_FOUND naming it; an empty range is refused when built")
    void badQueriesAreRefused() {
        try (ProjectSession session = store.create(newLocation(), Fixtures.project())) {
            session.addImages(List.of(Fixtures.bareImage("a.png")));
            StoreException finding = assertThrows(StoreException.class,
                    () -> session.count(where().finding(FindingCondition.source("Efusion", ReadValue.PRESENT)).build()));
            assertEquals(Reason.NOT_FOUND, finding.reason());
            assertTrue(finding.getMessage().contains("'Efusion'"), finding.getMessage());
            StoreException reader = assertThrows(StoreException.class,
                    () -> session.images(where().unreadBy("dr-nobody").build(), 0, 10));
            assertEquals(Reason.NOT_FOUND, reader.reason());
            assertTrue(reader.getMessage().contains("'dr-nobody'"), reader.getMessage());
            IllegalArgumentException age = assertThrows(IllegalArgumentException.class, () -> where().age(60, 40).build());
            assertEquals("The patient age range is empty: from 60 to 40", age.getMessage());
            assertThrows(IllegalArgumentException.class, () -> where().readBy("r1").unreadBy("r1").build());
            assertEquals(1, session.count(ImageQuery.ALL), "the session stays usable");
        }
    }

    private static List<String> ids(List<ImageRecord> images) {
        return images.stream().map(ImageRecord::getImageId).toList();
    }
}
