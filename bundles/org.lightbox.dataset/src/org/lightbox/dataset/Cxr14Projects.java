package org.lightbox.dataset;

import java.nio.file.Path;
import java.util.Date;

import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

/**
 * New, empty projects with the ChestX-ray14 label schema: the one way both {@code lightbox new} and
 * the workbench's File › New create them.
 */
public final class Cxr14Projects {

    private Cxr14Projects() {
    }

    /** An unsaved project named {@code name}, created now, with the 14 CXR14 findings and no readers. */
    public static Project newProject(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A project needs a name");
        }
        Project project = LightboxFactory.eINSTANCE.createProject();
        project.setName(name.strip());
        project.setCreated(new Date());
        project.setLabelSchema(Cxr14Schema.create());
        return project;
    }

    /**
     * Creates the project in a new SQLite file and returns it open.
     *
     * @throws org.lightbox.store.StoreException ALREADY_EXISTS if the file holds a project
     */
    public static ProjectSession create(ProjectStore sqliteStore, Path file, String name) {
        return sqliteStore.create(new StoreLocation.SqliteFile(file), newProject(name));
    }

    /** The name a project file suggests: its file name without {@code .lightbox}. */
    public static String defaultName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(".lightbox") ? fileName.substring(0, fileName.length() - ".lightbox".length()) : fileName;
    }
}
