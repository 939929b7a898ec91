package org.lightbox.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.lightbox.store.StoreException;
import org.lightbox.ui.ImageSelection;
import org.lightbox.ui.internal.parts.ReadingEditorPart;

/** Image › Read (Ctrl+R): opens the repository's selection in the reading editor, beside the repository. */
public final class ReadHandler {

    /** Where the reading editor goes: the repository's stack, so that it gets the big area. */
    public static final String MAIN_STACK = "org.lightbox.ui.partstack.main";

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        return selection instanceof ImageSelection images && !images.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SELECTION) Object selection, EPartService parts,
            EModelService models, MApplication application, Shell shell) {
        if (!(selection instanceof ImageSelection images) || images.isEmpty()) {
            return;
        }
        MPart editor = parts.findPart(ReadingEditorPart.PART_ID);
        if (editor == null) {
            editor = parts.createPart(ReadingEditorPart.PART_ID);
            if (models.find(MAIN_STACK, application) instanceof MPartStack stack) {
                stack.getChildren().add(editor);
            }
        }
        if (models.find(OpenImageHandler.PREVIEW_STACK, application) instanceof MPartStack preview) {
            preview.setVisible(false); // the reader gets the width; Image › Open shows the preview again
        }
        parts.showPart(editor, PartState.ACTIVATE);
        if (editor.getObject() instanceof ReadingEditorPart part) {
            try {
                part.read(images);
                part.setFocus();
            } catch (StoreException e) {
                MessageDialog.openError(shell, "Lightbox", "Cannot start reading: " + e.getMessage());
            }
        }
    }
}
