package org.lightbox.ui.internal.handlers;

import java.nio.file.Path;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.lightbox.ui.internal.Projects;

/** File › Open Project…: picks a {@code .lightbox} file and opens it. */
public final class OpenProjectHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Projects projects) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Open Lightbox Project");
        dialog.setFilterExtensions(new String[] {"*.lightbox", "*"});
        dialog.setFilterNames(new String[] {"Lightbox projects (*.lightbox)", "All files"});
        String chosen = dialog.open();
        if (chosen != null) {
            ProjectErrors.run(shell, "Cannot open " + chosen, () -> projects.open(Path.of(chosen)));
        }
    }
}
