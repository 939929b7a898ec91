package org.lightbox.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.lightbox.dataset.Cxr14Projects;
import org.lightbox.dataset.DatasetImporter;
import org.lightbox.demo.DemoProject;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.lightbox.ui.OpenProject;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Opens, creates and switches the workbench's project; publishes the open one as {@link OpenProject} in the
 * application context. Lives in that context for the life of the workbench.
 */
public final class Projects {

    /** System property overriding where the demo project is kept (default {@code ~/.lightbox/demo}). */
    public static final String DEMO_DIR_PROPERTY = "lightbox.demo.dir";

    private final IEclipseContext context;
    private final ServiceTracker<ProjectStore, ProjectStore> sqlite;
    private final ServiceTracker<DatasetImporter, DatasetImporter> importer;
    private OpenProject current;

    public Projects(IEclipseContext context) {
        this.context = context;
        BundleContext bundleContext = FrameworkUtil.getBundle(Projects.class).getBundleContext();
        try {
            String filter = "(&(objectClass=" + ProjectStore.class.getName() + ")(" + ProjectStore.KIND_PROPERTY + "="
                    + ProjectStore.KIND_SQLITE + "))";
            sqlite = new ServiceTracker<>(bundleContext, bundleContext.createFilter(filter), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        sqlite.open();
        importer = new ServiceTracker<>(bundleContext, DatasetImporter.class, null);
        importer.open();
    }

    public Optional<OpenProject> current() {
        return Optional.ofNullable(current);
    }

    /** Opens the project stored in {@code file}, closing the one open before. */
    public OpenProject open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No Lightbox project at " + file);
        }
        return publish(file, store().open(new StoreLocation.SqliteFile(file)));
    }

    /** Creates an empty project with the ChestX-ray14 label schema in {@code file} and opens it. */
    public OpenProject create(Path file, String name) {
        return publish(file, Cxr14Projects.create(store(), file, name));
    }

    /** Opens the built-in demo project, generating it on first use. */
    public OpenProject openDemo() {
        return open(DemoProject.ensure(demoFolder(), store(), service(importer, "dataset importer")));
    }

    public static Path demoFolder() {
        String configured = System.getProperty(DEMO_DIR_PROPERTY);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".lightbox", "demo");
    }

    /** Closes the open project, if any. */
    public void close() {
        if (current != null) {
            current.session().close();
            current = null;
            context.remove(OpenProject.class);
        }
    }

    private OpenProject publish(Path file, ProjectSession session) {
        OpenProject previous = current;
        current = new OpenProject(file.toAbsolutePath(), session);
        context.set(OpenProject.class, current);
        if (previous != null) {
            previous.session().close();
        }
        return current;
    }

    private ProjectStore store() {
        return service(sqlite, "SQLite project store");
    }

    /** The importer, for work the UI starts itself (File › Import). */
    public DatasetImporter importer() {
        return service(importer, "dataset importer");
    }

    private static <T> T service(ServiceTracker<T, T> tracker, String what) {
        try {
            T service = tracker.waitForService(10_000);
            if (service == null) {
                throw new IllegalStateException("The " + what + " service is not available");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the " + what + " service", e);
        }
    }
}
