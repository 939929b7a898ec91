package org.lightbox.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.evaluation.EvaluationPart;

/** Analysis › Evaluate Model Predictions: shows the evaluation view in the main area. */
public final class ShowEvaluationHandler {

    @CanExecute
    public boolean canExecute(@Optional OpenProject project) {
        return project != null;
    }

    @Execute
    public void execute(EPartService parts, EModelService models, MApplication application) {
        MPart part = parts.findPart(EvaluationPart.PART_ID);
        if (part == null) {
            part = parts.createPart(EvaluationPart.PART_ID);
            if (models.find(ReadHandler.MAIN_STACK, application) instanceof MPartStack stack) {
                stack.getChildren().add(part);
            }
        }
        if (part.getParent() instanceof MElementContainer<?> stack) {
            stack.setToBeRendered(true);
            stack.setVisible(true);
        }
        parts.showPart(part, PartState.ACTIVATE);
    }
}
