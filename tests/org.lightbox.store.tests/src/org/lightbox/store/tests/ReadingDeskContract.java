package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.model.ConfounderTag;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Project;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.PanelLists;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ReadingDesk;
import org.lightbox.store.ReadingList;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;
import org.lightbox.store.StoreLocation;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * What a reader's {@link ReadingDesk} must do on every store: blinding (two readers never see each other's
 * reads, flags, tags or lists), durability of what it records, undo by withdrawal, and reading lists.
 */
abstract class ReadingDeskContract extends StoreContract {

    protected ReadingDeskContract(StoreBackend backend) {
        super(backend);
    }

    /** 30 images: Pneumothorax when i % 3 == 0, Effusion when i % 4 == 0 (uncertain when i % 7 == 1), Atelectasis for 1, 2. */
    private ProjectSession thirtyImages(StoreLocation where) {
        ProjectSession session = store.create(where, Fixtures.project());
        Project project = session.project();
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ImageRecord image = Fixtures.bareImage(String.format("img_%02d", i));
            if (i % 3 == 0) {
                image.getSourceLabels().add(Fixtures.sourceLabel(Fixtures.finding(project, "Pneumothorax"),
                        ReadValue.PRESENT, "NLP", null));
            }
            if (i % 4 == 0 || i % 7 == 1) {
                image.getSourceLabels().add(Fixtures.sourceLabel(Fixtures.finding(project, "Effusion"),
                        i % 4 == 0 ? ReadValue.PRESENT : ReadValue.UNCERTAIN, "NLP", null));
            }
            if (i == 1 || i == 2) {
                image.getSourceLabels().add(Fixtures.sourceLabel(Fixtures.finding(project, "Atelectasis"),
                        ReadValue.PRESENT, "NLP", null));
            }
            images.add(image);
        }
        session.addImages(images);
        return session;
    }

    private static Set<String> keys(List<Read> reads) {
        return reads.stream().map(r -> r.getReader().getId() + " " + r.getImage().getImageId() + " "
                + r.getFinding().getCode() + " " + r.getValue()).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("two readers of one image each see only their own reads, flags, tags and lists; the lead sees both")
    void twoReadersAreBlinded() {
        try (ProjectSession session = thirtyImages(newLocation())) {
            ReadingDesk ada = session.desk("r1");
            ReadingDesk ben = session.desk("r2");
            ada.record("img_00", "Pneumothorax", ReadValue.PRESENT, 1200, null);
            ben.record("img_00", "Pneumothorax", ReadValue.ABSENT, 900, "skin fold");
            ben.record("img_01", "Effusion", ReadValue.UNCERTAIN, 800, null);
            ada.raise("img_00", QualityIssue.ROTATED, null);
            ben.raise("img_00", QualityIssue.CHILD, "paediatric");
            ada.tag("img_00", "chest-drain", ReadValue.PRESENT);
            session.assignImages("mine", "r1", List.of("img_05", "img_06"));
            session.assignImages("mine", "r2", List.of("img_07"));

            assertEquals(Set.of("r1 img_00 Pneumothorax PRESENT"), keys(ada.reads()));
            assertEquals(Set.of("r1 img_00 Pneumothorax PRESENT"), keys(ada.readsOfImage("img_00")));
            assertEquals(Set.of("r2 img_00 Pneumothorax ABSENT"), keys(ben.readsOfImage("img_00")));
            assertEquals(Set.of(), keys(ada.readsOfImage("img_01")));
            assertEquals(Set.of("r2 img_00 Pneumothorax ABSENT", "r2 img_01 Effusion UNCERTAIN"),
                    keys(ben.readsOfImages(List.of("img_00", "img_01", "img_02"))));
            assertEquals(Set.of("r1 img_00 Pneumothorax PRESENT"), keys(ada.readsOfImages(List.of("img_00", "img_01"))));
            assertEquals(List.of(QualityIssue.ROTATED), ada.flagsOfImage("img_00").stream().map(QualityFlag::getIssue).toList());
            assertEquals(List.of(QualityIssue.CHILD), ben.flagsOfImage("img_00").stream().map(QualityFlag::getIssue).toList());
            assertEquals("r2", ben.flags().get("img_00").getFirst().getRaisedBy());
            assertEquals(List.of(), ben.tagsOfImage("img_00"));
            assertEquals(Map.of(), ben.tags());
            assertEquals(List.of("img_05", "img_06"), ada.readingList("mine").orElseThrow().imageIds());
            assertEquals(List.of("img_07"), ben.readingList("mine").orElseThrow().imageIds());
            assertEquals(1, ben.readingLists().size());

            assertEquals(3, session.allReads().size());
            assertEquals(Set.of("r1 img_00 Pneumothorax PRESENT", "r2 img_00 Pneumothorax ABSENT"),
                    keys(session.readsOfImage("img_00")));
            assertEquals(Set.of("r1", "r2"), session.readerFlags().get("img_00").stream()
                    .map(QualityFlag::getRaisedBy).collect(Collectors.toSet()));
            assertEquals(2, session.readingLists().size());
        }
    }

    @Test
    @DisplayName("a desk for a reader who is not in the project is refused")
    void unknownReaderHasNoDesk() {
        try (ProjectSession session = thirtyImages(newLocation())) {
            assertEquals(Reason.NOT_FOUND, assertThrows(StoreException.class, () -> session.desk("r9")).reason());
            ReadingDesk ada = session.desk("r1");
            assertEquals(Reason.NOT_FOUND, assertThrows(StoreException.class,
                    () -> ada.record("nope.png", "Pneumothorax", ReadValue.PRESENT, 1, null)).reason());
            assertEquals(Reason.NOT_FOUND, assertThrows(StoreException.class,
                    () -> ada.record("img_00", "Nodule", ReadValue.PRESENT, 1, null)).reason());
        }
    }

    @Test
    @DisplayName("what a desk records is there for a new session; a changed call goes to the history, a withdrawn one leaves")
    void deskWritesAreDurableAndUndoable() {
        StoreLocation where = newLocation();
        try (ProjectSession session = thirtyImages(where)) {
            ReadingDesk ada = session.desk("r1");
            ada.record("img_00", "Pneumothorax", ReadValue.PRESENT, 1000, null);
            ada.record("img_00", "Pneumothorax", ReadValue.UNCERTAIN, 500, "tube?");
            ada.record("img_00", "Effusion", ReadValue.ABSENT, 400, null);
            session.desk("r2").record("img_00", "Effusion", ReadValue.PRESENT, 400, null);
            ada.raise("img_03", QualityIssue.POOR_EXPOSURE, "too dark");
            ada.raise("img_03", QualityIssue.POOR_EXPOSURE, "much too dark");
            ada.tag("img_03", "pacemaker", ReadValue.PRESENT);
            ada.tag("img_04", "ecg-leads", ReadValue.UNCERTAIN);
            assertTrue(ada.untag("img_04", "ecg-leads"));
            assertFalse(ada.untag("img_04", "ecg-leads"));
        }
        try (ProjectSession session = store.open(where)) {
            ReadingDesk ada = session.desk("r1");
            assertEquals(Set.of("r1 img_00 Pneumothorax UNCERTAIN", "r1 img_00 Effusion ABSENT"), keys(ada.reads()));
            assertEquals(1, session.readHistory("img_00").size());
            List<QualityFlag> flags = ada.flagsOfImage("img_03");
            assertEquals(1, flags.size());
            assertEquals("much too dark", flags.getFirst().getNote());
            List<ConfounderTag> tags = ada.tagsOfImage("img_03");
            assertEquals("pacemaker", tags.getFirst().getCode());
            assertEquals(Set.of("img_03"), ada.tags().keySet());

            assertTrue(ada.withdraw("img_00", "Pneumothorax"));
            assertFalse(ada.withdraw("img_00", "Pneumothorax"));
            assertTrue(ada.clear("img_03", QualityIssue.POOR_EXPOSURE));
            assertEquals(Set.of("r1 img_00 Effusion ABSENT"), keys(ada.reads()));
            assertEquals(Set.of("r1 img_00 Effusion ABSENT", "r2 img_00 Effusion PRESENT"), keys(session.allReads()));
            assertEquals(List.of(), session.readHistory("img_00"));
            ada.record("img_00", "Pneumothorax", ReadValue.ABSENT, 300, null); // reading it again after an undo
            assertEquals(3, session.allReads().size());
        }
    }

    @Test
    @DisplayName("random per class is stratified, skips what the reader read, and equals java.util.Random's draw computed in Python")
    void randomPerClassMatchesTheSpecifiedDraw() throws IOException {
        try (ProjectSession session = thirtyImages(newLocation())) {
            ReadingDesk ada = session.desk("r1");
            ada.record("img_03", "Pneumothorax", ReadValue.PRESENT, 1, null);
            ada.record("img_08", "Effusion", ReadValue.ABSENT, 1, null);
            session.desk("r2").record("img_00", "Pneumothorax", ReadValue.PRESENT, 1, null); // not r1's: no effect
            ReadingList list = session.assignRandomPerClass("per class", "r1", 4, 42);
            List<String> drawn = list.items().stream().map(i -> i.imageId() + " " + i.stratum()).toList();
            assertEquals(fixture("reading-lists/expected-seed42-per4.txt"), drawn);
            assertEquals("random 4 per class, seed 42", list.origin());
            assertEquals(list.items(), ada.readingList("per class").orElseThrow().items());
            assertEquals(list.items(), session.assignRandomPerClass("again", "r1", 4, 42).items(), "same seed, same list");
            assertFalse(list.items().equals(session.assignRandomPerClass("other", "r1", 4, 43).items()));
        }
    }

    @Test
    @DisplayName("a list from a repository filter holds the matching images in the query's order; one from a CSV its ids")
    void listsFromAFilterAndFromACsv() throws IOException {
        try (ProjectSession session = thirtyImages(newLocation())) {
            ImageQuery pneumothorax = ImageQuery.builder()
                    .finding(ImageQuery.FindingCondition.source("Pneumothorax", ReadValue.PRESENT)).build();
            ReadingList filtered = session.assignFromQuery("ptx", "r2", pneumothorax, 4);
            assertEquals(List.of("img_00", "img_03", "img_06", "img_09"), filtered.imageIds());

            String csv = "Image Index,Finding Labels\n\"img_17\",No Finding\n\nimg_02,Atelectasis\nimg_17,x\n";
            List<String> ids = ReadingList.imageIdsFromCsv(new StringReader(csv));
            assertEquals(List.of("img_17", "img_02"), ids);
            assertEquals(ids, session.assignImages("csv", "r1", ids).imageIds());
            assertEquals(List.of("a.png", "b.png"), ReadingList.imageIdsFromCsv(new StringReader("a.png\nb.png\n")));

            StoreException missing = assertThrows(StoreException.class,
                    () -> session.assignImages("bad", "r1", List.of("img_01", "img_99")));
            assertEquals(Reason.NOT_FOUND, missing.reason());
            assertTrue(missing.getMessage().contains("img_99"), missing.getMessage());
            assertTrue(session.desk("r1").readingList("bad").isEmpty(), "nothing assigned");
            assertEquals(Reason.CONSTRAINT_VIOLATION, assertThrows(StoreException.class,
                    () -> session.assignImages("csv", "r1", List.of("img_01"))).reason());
        }
    }

    @Test
    @DisplayName("a panel's lists: one name for every reader, new readers added, each draw the reader's own; all or nothing")
    void panelListsForEveryReader() throws IOException {
        try (ProjectSession session = thirtyImages(newLocation())) {
            session.desk("r1").record("img_03", "Pneumothorax", ReadValue.PRESENT, 1, null);
            session.desk("r1").record("img_08", "Effusion", ReadValue.ABSENT, 1, null);
            List<ReadingList> lists = PanelLists.assign(session, " first look ", List.of("r1", "new-reader", "r1"),
                    new PanelLists.Source.RandomPerClass(4, 42));
            assertEquals(List.of("r1", "new-reader"), lists.stream().map(ReadingList::readerId).toList());
            assertEquals(fixture("reading-lists/expected-seed42-per4.txt"), lists.getFirst().items().stream()
                    .map(i -> i.imageId() + " " + i.stratum()).toList(), "r1's draw skips r1's reads, as specified");
            assertEquals("first look", session.desk("new-reader").readingLists().getFirst().name());
            assertEquals(session.assignRandomPerClass("same draw", "r2", 4, 42).items(), lists.get(1).items(),
                    "the new reader, like r2, has read nothing: the draw without exclusions");
            assertFalse(lists.get(1).items().equals(lists.getFirst().items()), "r1's reads are skipped, the new reader's list is not");

            ImageQuery pneumothorax = ImageQuery.builder()
                    .finding(ImageQuery.FindingCondition.source("Pneumothorax", ReadValue.PRESENT)).build();
            List<ReadingList> next = PanelLists.assign(session, "next ptx", List.of("r1", "r2"),
                    new PanelLists.Source.Filter(pneumothorax, 3, true));
            assertEquals(List.of("img_00", "img_06", "img_09"), next.get(0).imageIds(), "r1 read img_03: skipped");
            assertEquals(List.of("img_00", "img_03", "img_06"), next.get(1).imageIds(), "r2 read none of them");

            StoreException again = assertThrows(StoreException.class, () -> PanelLists.assign(session, "first look",
                    List.of("r2", "r1"), new PanelLists.Source.Filter(ImageQuery.ALL, 5, false)));
            assertEquals(Reason.ALREADY_EXISTS, again.reason());
            assertEquals(List.of("same draw", "next ptx"), session.desk("r2").readingLists().stream().map(ReadingList::name).toList(),
                    "nothing assigned to r2 either");

            StoreException empty = assertThrows(StoreException.class, () -> PanelLists.assign(session, "ties",
                    List.of("r2"), new PanelLists.Source.Queue("adjudication")));
            assertEquals(Reason.NOT_FOUND, empty.reason());
            assertTrue(empty.getMessage().contains("'adjudication' holds no images"), empty.getMessage());
            Map<String, ImageRecord> byId = session.imagesById(List.of("img_05", "img_07")).stream()
                    .collect(Collectors.toMap(ImageRecord::getImageId, i -> i));
            session.putCandidates(List.of(
                    Fixtures.candidate("adjudication", byId.get("img_05"), Fixtures.finding(session.project(), "Effusion"),
                            0.2, org.lightbox.model.CandidateReason.LIKELY_MISLABELLED),
                    Fixtures.candidate("adjudication", byId.get("img_07"), Fixtures.finding(session.project(), "Effusion"),
                            0.9, org.lightbox.model.CandidateReason.LIKELY_MISLABELLED),
                    Fixtures.candidate("adjudication", byId.get("img_05"), Fixtures.finding(session.project(),
                            "Pneumothorax"), 0.5, org.lightbox.model.CandidateReason.LIKELY_MISLABELLED)));
            ReadingList ties = PanelLists.assign(session, "ties", List.of("r2"), new PanelLists.Source.Queue("adjudication"))
                    .getFirst();
            assertEquals(List.of("img_07", "img_05"), ties.imageIds(), "highest score first, once each");
            assertEquals("review queue 'adjudication' of 2", ties.origin());
            StoreException unknown = assertThrows(StoreException.class, () -> PanelLists.assign(session, "csv",
                    List.of("brand-new", "r2"), new PanelLists.Source.Images(List.of("img_01", "img_99"), "CSV x.csv")));
            assertTrue(unknown.getMessage().contains("'img_99'"), unknown.getMessage());
            assertThrows(StoreException.class, () -> session.desk("brand-new"), "no reader added when nothing is assigned");
            assertThrows(IllegalArgumentException.class, () -> PanelLists.assign(session, "x", List.of(" "),
                    new PanelLists.Source.Filter(ImageQuery.ALL, 5, false)));
        }
    }

    /** The lines of a fixture file shipped in this fragment under {@code fixtures/}. */
    private static List<String> fixture(String relative) throws IOException {
        Bundle host = FrameworkUtil.getBundle(ReadingDeskContract.class);
        String path = "fixtures/" + relative;
        int slash = path.lastIndexOf('/');
        Enumeration<URL> found = host.findEntries(path.substring(0, slash), path.substring(slash + 1), false);
        assertNotNull(found, "no fixture " + path);
        try (InputStream in = found.nextElement().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
