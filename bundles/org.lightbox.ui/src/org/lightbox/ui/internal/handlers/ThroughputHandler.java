package org.lightbox.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.lightbox.ui.internal.parts.ThroughputPart;

/** Image › Reading Throughput: shows the throughput view beside the preview. */
public final class ThroughputHandler {

    @Execute
    public void execute(EPartService parts, EModelService models, MApplication application) {
        MPart part = parts.findPart(ThroughputPart.PART_ID);
        if (part == null) {
            part = parts.createPart(ThroughputPart.PART_ID);
            if (models.find(OpenImageHandler.PREVIEW_STACK, application) instanceof MPartStack stack) {
                stack.setToBeRendered(true);
                stack.setVisible(true);
                stack.getChildren().add(part);
            }
        }
        parts.showPart(part, PartState.ACTIVATE);
        if (part.getObject() instanceof ThroughputPart view) {
            view.refresh();
        }
    }
}
