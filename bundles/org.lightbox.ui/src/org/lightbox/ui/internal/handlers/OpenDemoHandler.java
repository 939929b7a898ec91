package org.lightbox.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.lightbox.ui.internal.Projects;

/** File › Open Demo Project: the built-in synthetic demo, generated on first use. */
public final class OpenDemoHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Projects projects) {
        ProjectErrors.run(shell, "Cannot open the demo project", projects::openDemo);
    }
}
