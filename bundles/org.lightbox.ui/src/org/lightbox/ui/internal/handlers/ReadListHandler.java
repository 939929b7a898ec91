package org.lightbox.ui.internal.handlers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.lightbox.model.ImageRecord;
import org.lightbox.store.ReadingDesk;
import org.lightbox.store.ReadingList;
import org.lightbox.store.StoreException;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.parts.ReadingEditorPart;
import org.lightbox.ui.internal.reading.ReaderIdentity;

/**
 * Image › Read Reading List: reads one of the lists a lead assigned to this reader (random N per class, a
 * repository filter, a CSV of ids, a review queue), in the list's order, from its first image this reader has not
 * read yet, so a list read over several sittings goes on where it stopped. One list opens at once; several are
 * offered to choose, each with how much of it is read.
 */
public final class ReadListHandler {

    @CanExecute
    public boolean canExecute(@Optional OpenProject project) {
        return project != null;
    }

    @Execute
    public void execute(OpenProject project, EPartService parts, EModelService models, MApplication application,
            Shell shell) {
        try {
            ReadingDesk desk = ReaderIdentity.desk(project.session());
            List<ReadingList> lists = desk.readingLists();
            if (lists.isEmpty()) {
                MessageDialog.openInformation(shell, "Lightbox", "No reading list is assigned to reader '"
                        + desk.reader().getId() + "' in this project.");
                return;
            }
            Set<String> read = new HashSet<>();
            for (ReadingList list : lists) {
                desk.readsOfImages(list.imageIds()).forEach(r -> read.add(r.getImage().getImageId()));
            }
            ReadingList chosen = lists.size() == 1 ? lists.getFirst() : choose(shell, lists, read);
            if (chosen == null) {
                return;
            }
            int firstUnread = 0;                              // all read: from the start, to review
            for (int i = 0; i < chosen.imageIds().size(); i++) {
                if (!read.contains(chosen.imageIds().get(i))) {
                    firstUnread = i;
                    break;
                }
            }
            Map<String, ImageRecord> byId = new HashMap<>();
            for (ImageRecord image : project.session().imagesById(chosen.imageIds())) {
                byId.put(image.getImageId(), image);
            }
            List<ImageRecord> images = new ArrayList<>();
            chosen.imageIds().forEach(id -> images.add(byId.get(id)));
            MPart editor = parts.findPart(ReadingEditorPart.PART_ID);
            if (editor == null) {
                editor = parts.createPart(ReadingEditorPart.PART_ID);
                if (models.find(ReadHandler.MAIN_STACK, application) instanceof MPartStack stack) {
                    stack.getChildren().add(editor);
                }
            }
            parts.showPart(editor, PartState.ACTIVATE);
            if (editor.getObject() instanceof ReadingEditorPart part) {
                part.read(project, images, firstUnread);
                part.setFocus();
            }
        } catch (StoreException e) {
            MessageDialog.openError(shell, "Lightbox", "Cannot open the reading list: " + e.getMessage());
        }
    }

    private static ReadingList choose(Shell shell, List<ReadingList> lists, Set<String> read) {
        int[] picked = {0};
        org.eclipse.jface.dialogs.Dialog dialog = new org.eclipse.jface.dialogs.Dialog(shell) {
            @Override
            protected org.eclipse.swt.widgets.Control createDialogArea(org.eclipse.swt.widgets.Composite parent) {
                var area = (org.eclipse.swt.widgets.Composite) super.createDialogArea(parent);
                getShell().setText("Read Reading List");
                var choice = new org.eclipse.swt.widgets.List(area, org.eclipse.swt.SWT.BORDER | org.eclipse.swt.SWT.SINGLE);
                for (ReadingList list : lists) {
                    long done = list.imageIds().stream().filter(read::contains).count();
                    choice.add(list.name() + " — " + done + " of " + list.items().size() + " read (" + list.origin() + ")");
                }
                choice.select(0);
                choice.addListener(org.eclipse.swt.SWT.Selection, e -> picked[0] = choice.getSelectionIndex());
                return area;
            }
        };
        return dialog.open() == Window.OK && picked[0] >= 0 ? lists.get(picked[0]) : null;
    }
}
