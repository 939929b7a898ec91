package org.lightbox.ui.internal.handlers;

import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.lightbox.store.ReadingList;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.parts.RepositoryPart;

import jakarta.inject.Named;

/**
 * Image › Assign Reading Lists (for leads): the same reading list for each chosen reader, from a random draw per
 * class, the repository's current filter, a CSV of image ids or a review queue; then says what each reader got.
 */
public final class AssignListsHandler {

    public static final String DONE_TITLE = "Reading Lists Assigned";

    @CanExecute
    public boolean canExecute(@Optional OpenProject project) {
        return project != null;
    }

    @Execute
    public void execute(OpenProject project, EPartService parts, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        MPart repository = parts.findPart(RepositoryPart.PART_ID);
        RepositoryPart view = repository != null && repository.getObject() instanceof RepositoryPart p ? p : null;
        ProjectErrors.run(shell, "Cannot assign reading lists", () -> {
            AssignListsDialog dialog = new AssignListsDialog(shell, project.session(), view == null ? null : view.query(),
                    view == null ? 0 : view.matchCount());
            if (dialog.open() == Window.OK && !dialog.assigned().isEmpty()) {
                ReadingList first = dialog.assigned().getFirst();
                MessageDialog.openInformation(shell, DONE_TITLE, String.format(Locale.ROOT, "'%s' (%s) was assigned to:%n%s",
                        first.name(), first.origin(), dialog.assigned().stream().map(l -> String.format(Locale.ROOT,
                                "  %s: %d images", l.readerId(), l.items().size())).collect(Collectors.joining("\n"))));
            }
        });
    }
}
