package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.lightbox.ui.internal.reading.ReadingSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The reading editor's decisions without widgets: each is in the store when the call returns; undo and redo. */
class ReadingSessionTest {

    @TempDir
    Path folder;

    private static ProjectStore sqlite() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ReadingSessionTest.class).getBundleContext();
        ServiceTracker<ProjectStore, ProjectStore> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + ProjectStore.class.getName() + ")(store.kind=sqlite))"), null);
        tracker.open();
        return tracker.waitForService(10_000);
    }

    private static Map<String, ReadValue> stored(ProjectSession session) {
        Map<String, ReadValue> calls = new TreeMap<>();
        for (Read read : session.allReads()) {
            calls.put(read.getImage().getImageId() + " " + read.getFinding().getCode(), read.getValue());
        }
        return calls;
    }

    @Test
    @DisplayName("a finding key's call is stored before the next image; undo withdraws it, redo stores it again")
    void decisionsAreStoredAndUndoable() throws Exception {
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            images.add(TestProjects.image("img_" + i + ".png", null, ImageFormat.PNG));
        }
        Path file = TestProjects.write(folder, TestProjects.project("session"), images);
        AtomicLong clock = new AtomicLong(1_000);
        try (ProjectSession session = sqlite().open(new StoreLocation.SqliteFile(file))) {
            session.addReaders(List.of(reader("r1")));
            ReadingSession reading = new ReadingSession(session, session.desk("r1"), session.images(0, 3), clock::get);
            clock.addAndGet(1_500);
            reading.set(9, ReadValue.PRESENT);                 // key 0: the tenth finding (Edema in CXR14)
            String code = reading.findings().get(9).getCode();
            assertEquals(Map.of("img_0.png " + code, ReadValue.PRESENT), stored(session));
            assertEquals(1_500, session.allReads().getFirst().getDurationMillis(), "time since the image was shown");
            reading.set(9, ReadValue.UNCERTAIN);
            assertTrue(reading.undo());
            assertEquals(Map.of("img_0.png " + code, ReadValue.PRESENT), stored(session), "the earlier call is back");
            assertTrue(reading.undo());
            assertEquals(Map.of(), stored(session), "a first call undone is withdrawn");
            assertTrue(reading.redo());
            assertEquals(Map.of("img_0.png " + code, ReadValue.PRESENT), stored(session));

            assertTrue(reading.acceptRest());                  // Enter: the other 13 findings absent, one command
            assertEquals(reading.findings().size(), stored(session).size());
            reading.next();
            reading.toggleFlag("img_1.png", QualityIssue.CHILD);
            assertEquals(List.of(QualityIssue.CHILD), reading.flags());
            assertEquals(List.of(QualityIssue.CHILD), session.readerFlags().get("img_1.png").stream()
                    .map(QualityFlag::getIssue).toList());
            assertTrue(reading.undo());
            assertEquals(Map.of(), session.readerFlags());
            assertTrue(reading.undo());                        // the accept: back on img_0, the 13 absent calls gone
            assertEquals(0, reading.position());
            assertEquals(1, stored(session).size());
        }
    }

    private static org.lightbox.model.Reader reader(String id) {
        var reader = org.lightbox.model.LightboxFactory.eINSTANCE.createReader();
        reader.setId(id);
        reader.setRole(org.lightbox.model.ReaderRole.RADIOLOGIST);
        return reader;
    }
}
