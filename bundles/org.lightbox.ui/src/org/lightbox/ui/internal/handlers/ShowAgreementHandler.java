package org.lightbox.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Analysis › Agreement: shows the agreement view as a tab beside the repository, making it from its descriptor once. */
public final class ShowAgreementHandler {

    public static final String PART_ID = "org.lightbox.ui.part.agreement";
    static final String MAIN_STACK = "org.lightbox.ui.partstack.main";

    @Execute
    public void execute(EPartService parts, EModelService models, MApplication application) {
        MPart part = parts.findPart(PART_ID);
        if (part == null) {
            part = parts.createPart(PART_ID);
            if (models.find(MAIN_STACK, application) instanceof MPartStack stack) {
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
