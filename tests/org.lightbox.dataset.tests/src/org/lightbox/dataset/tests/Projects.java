package org.lightbox.dataset.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lightbox.dataset.Cxr14Projects;
import org.lightbox.dataset.DatasetImporter;
import org.lightbox.model.ImageRecord;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The DS services under test, looked up as a contributor would, and fresh CXR14 projects. */
final class Projects {

    private Projects() {
    }

    static DatasetImporter importer() throws Exception {
        return service(DatasetImporter.class, null);
    }

    static ProjectStore sqlite() throws Exception {
        return service(ProjectStore.class, "(store.kind=sqlite)");
    }

    /** A new, empty CXR14 project in {@code file}, created the way {@code lightbox new} does. */
    static ProjectSession create(Path file) throws Exception {
        return Cxr14Projects.create(sqlite(), file, "test " + file.getFileName());
    }

    static List<ImageRecord> allImages(ProjectSession session) {
        List<ImageRecord> all = new ArrayList<>();
        for (long offset = 0;; offset += 5_000) {
            List<ImageRecord> page = session.images(offset, 5_000);
            all.addAll(page);
            if (page.size() < 5_000) {
                return all;
            }
        }
    }

    private static <T> T service(Class<T> type, String filter) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Projects.class).getBundleContext();
        ServiceTracker<T, T> tracker = filter == null ? new ServiceTracker<>(context, type, null)
                : new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        assertNotNull(service, "no " + type.getSimpleName() + " service " + (filter == null ? "" : filter));
        return service;
    }
}
