package org.lightbox.ui.internal.parts;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.lightbox.model.ImageRecord;
import org.lightbox.ui.OpenProject;

/** Opens images in the reading editor, created in the main part stack when it is not open yet. */
public final class ReadingEditors {

    static final String MAIN_STACK = "org.lightbox.ui.partstack.main";

    private ReadingEditors() {
    }

    /** Reads the images one by one. */
    public static void open(EPartService parts, EModelService models, MApplication application, OpenProject project,
            List<ImageRecord> images) {
        ReadingEditorPart reading = show(parts, models, application);
        if (reading != null) {
            reading.read(project, images);
            reading.setFocus();
        }
    }

    /** Reviews the images on contact sheets asking "is this &lt;finding&gt;?" (finding by code). */
    public static void review(EPartService parts, EModelService models, MApplication application, OpenProject project,
            List<ImageRecord> images, String findingCode) {
        ReadingEditorPart reading = show(parts, models, application);
        if (reading != null) {
            reading.review(project, images, findingCode);
            reading.setFocus();
        }
    }

    private static ReadingEditorPart show(EPartService parts, EModelService models, MApplication application) {
        MPart editor = parts.findPart(ReadingEditorPart.PART_ID);
        if (editor == null) {
            editor = parts.createPart(ReadingEditorPart.PART_ID);
            if (models.find(MAIN_STACK, application) instanceof MPartStack stack) {
                stack.getChildren().add(editor);
            }
        }
        parts.showPart(editor, PartState.ACTIVATE);
        return editor.getObject() instanceof ReadingEditorPart reading ? reading : null;
    }
}
