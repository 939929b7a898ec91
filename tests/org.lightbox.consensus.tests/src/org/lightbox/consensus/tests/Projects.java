package org.lightbox.consensus.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.lightbox.dataset.Cxr14Projects;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** DS services looked up as a contributor would, and small projects built read by read. */
final class Projects {

    static final LightboxFactory F = LightboxFactory.eINSTANCE;

    private Projects() {
    }

    /** A new, empty CXR14 project in {@code file}, created the way {@code lightbox new} does. */
    static ProjectSession create(Path file) throws Exception {
        return Cxr14Projects.create(service(ProjectStore.class, "(store.kind=sqlite)"), file, "test " + file.getFileName());
    }

    /** Adds readers with these ids (radiologists). */
    static void readers(ProjectSession session, String... ids) {
        List<Reader> readers = new ArrayList<>();
        for (String id : ids) {
            Reader reader = F.createReader();
            reader.setId(id);
            reader.setName("Dr " + id);
            reader.setRole(ReaderRole.RADIOLOGIST);
            readers.add(reader);
        }
        session.addReaders(readers);
    }

    /** Adds images {@code ids[i]} of patient {@code patients[i]} (stored as the project's pseudonym). */
    static void images(ProjectSession session, List<String> ids, List<String> patients) {
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ImageRecord image = F.createImageRecord();
            image.setImageId(ids.get(i));
            image.setPatientKey(session.pseudonym(patients.get(i)));
            image.setPatientAge(40 + i);
            images.add(image);
        }
        session.addImages(images);
    }

    /** Records one read at {@code at}. */
    static void read(ProjectSession session, String reader, String image, String finding, ReadValue value, Instant at) {
        Read read = F.createRead();
        read.setReader(session.project().getReaders().stream().filter(r -> r.getId().equals(reader)).findFirst().orElseThrow());
        read.setImage(session.image(image).orElseThrow());
        read.setFinding(finding(session, finding));
        read.setValue(value);
        read.setReadAt(Date.from(at));
        session.recordRead(read);
    }

    static Finding finding(ProjectSession session, String code) {
        return session.project().getLabelSchema().getFindings().stream().filter(f -> f.getCode().equals(code)).findFirst().orElseThrow();
    }

    static <T> T service(Class<T> type, String filter) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Projects.class).getBundleContext();
        ServiceTracker<T, T> tracker = filter == null ? new ServiceTracker<>(context, type, null)
                : new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        assertNotNull(service, "no " + type.getSimpleName() + " service " + (filter == null ? "" : filter));
        return service;
    }
}
