package org.lightbox.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.lightbox.ui.ImageSelection;
import org.lightbox.ui.internal.parts.ImagePreviewPart;

/**
 * Image › Open (Enter, double-click): shows the selected images in the preview part beside the repository,
 * bringing it back if it was closed.
 */
public final class OpenImageHandler {

    /** Where the preview part goes, beside the repository. */
    public static final String PREVIEW_STACK = "org.lightbox.ui.partstack.preview";

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        return selection instanceof ImageSelection images && !images.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SELECTION) Object selection, EPartService parts,
            EModelService models, MApplication application) {
        if (!(selection instanceof ImageSelection images) || images.isEmpty()) {
            return;
        }
        MPart preview = parts.findPart(ImagePreviewPart.PART_ID);
        if (preview == null) { // removed from the model: make it again from its descriptor
            preview = parts.createPart(ImagePreviewPart.PART_ID);
            if (models.find(PREVIEW_STACK, application) instanceof MPartStack stack) {
                stack.getChildren().add(preview);
            }
        }
        if (preview.getParent() instanceof MElementContainer<?> stack) {
            stack.setToBeRendered(true); // closing the last part hides its stack
            stack.setVisible(true);
        }
        parts.showPart(preview, PartState.ACTIVATE);
        if (preview.getObject() instanceof ImagePreviewPart part) {
            part.show(images);
        }
    }
}
