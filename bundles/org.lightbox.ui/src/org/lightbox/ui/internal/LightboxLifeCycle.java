package org.lightbox.ui.internal;

import java.nio.file.Path;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.PreSave;
import org.eclipse.equinox.app.IApplicationContext;
import org.lightbox.ui.internal.imports.Imports;

/**
 * Puts {@link Projects} into the application context and opens the project named on the command line:
 * {@code -project <file.lightbox>}, or {@code -demo} for the built-in demo project.
 */
public final class LightboxLifeCycle {

    @PostContextCreate
    void postContextCreate(IEclipseContext context, IApplicationContext application) {
        Projects projects = new Projects(context);
        context.set(Projects.class, projects);
        context.set(Imports.class, new Imports(context));
        String[] args = (String[]) application.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        if (args == null) {
            return;
        }
        for (int i = 0; i < args.length; i++) {
            if ("-project".equals(args[i]) && i + 1 < args.length) {
                projects.open(Path.of(args[i + 1]));
            } else if ("-demo".equals(args[i])) {
                projects.openDemo();
            }
        }
    }

    @PreSave
    void preSave(IEclipseContext context) {
        Projects projects = context.get(Projects.class);
        if (projects != null) {
            projects.close();
        }
    }
}
