package org.lightbox.ui;

import java.nio.file.Path;

import org.lightbox.store.ProjectSession;

/**
 * The project open in the workbench, published in the application's Eclipse context under this type so that
 * parts and handlers can have it injected ({@code @Inject @Optional OpenProject}) and follow changes.
 *
 * @param file    the project's store file
 * @param session the open store session; owned by the workbench, do not close it
 */
public record OpenProject(Path file, ProjectSession session) {

    public String name() {
        return session.project().getName();
    }
}
