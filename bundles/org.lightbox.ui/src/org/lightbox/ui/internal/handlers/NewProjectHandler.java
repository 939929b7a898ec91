package org.lightbox.ui.internal.handlers;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.lightbox.ui.internal.Projects;

/** File › New Project…: creates an empty project with the ChestX-ray14 label schema in a new file. */
public final class NewProjectHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Projects projects) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("New Lightbox Project");
        dialog.setFilterExtensions(new String[] {"*.lightbox"});
        dialog.setFileName("project.lightbox");
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen.endsWith(".lightbox") ? chosen : chosen + ".lightbox");
        if (Files.exists(file)) {
            MessageDialog.openError(shell, "New Lightbox Project", file + " exists already; choose a new name.");
            return;
        }
        String name = file.getFileName().toString().replaceFirst("\\.lightbox$", "");
        ProjectErrors.run(shell, "Cannot create " + file, () -> projects.create(file, name));
    }
}
