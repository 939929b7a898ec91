package org.lightbox.ui.internal.handlers;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Shows why a project could not be opened or created, instead of failing silently or with a stack trace. */
final class ProjectErrors {

    private ProjectErrors() {
    }

    static void run(Shell shell, String title, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            MessageDialog.openError(shell, "Lightbox", title + ":\n" + reason);
        }
    }
}
