package org.lightbox.ui.internal.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.lightbox.model.ConfounderTag;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ReadingDesk;
import org.lightbox.ui.internal.reading.ReadingCommands.Call;
import org.lightbox.ui.internal.reading.ReadingCommands.Decision;
import org.lightbox.ui.internal.reading.ReadingCommands.SetReads;

/**
 * What one reader is reading and has decided, without any widgets: the images in order, the one shown, the
 * reader's own calls on it (from the blinded {@link ReadingDesk}), the command stack for undo/redo and the
 * clock that times each decision. Every decision is executed through the stack, and so committed to the store,
 * before the method returns; the editor shows the next image only after that.
 */
public final class ReadingSession {

    private final ProjectSession session;
    private final ReadingDesk desk;
    private final List<ImageRecord> images;
    private final List<Finding> findings;
    private final BasicCommandStack stack = new BasicCommandStack() {
        @Override
        protected void handleError(Exception exception) { // the stack only logs; the reader must be told
            failure = exception instanceof RuntimeException e ? e : new IllegalStateException(exception);
        }
    };
    private RuntimeException failure;
    private final LongSupplier clock;

    private int position;
    private int selectedFinding;
    private long lastDecisionAt;
    private Map<String, Read> calls = Map.of();
    private List<QualityIssue> flags = List.of();
    private List<String> tags = List.of();

    /** @param clock milliseconds, for the time each decision took */
    public ReadingSession(ProjectSession session, ReadingDesk desk, List<ImageRecord> images, LongSupplier clock) {
        this.session = session;
        this.desk = desk;
        this.images = List.copyOf(images);
        this.findings = List.copyOf(session.project().getLabelSchema().getFindings());
        this.clock = clock;
        go(0);
    }

    public ReadingDesk desk() {
        return desk;
    }

    public List<ImageRecord> images() {
        return images;
    }

    public List<Finding> findings() {
        return findings;
    }

    public int position() {
        return position;
    }

    public ImageRecord current() {
        return images.isEmpty() ? null : images.get(position);
    }

    public int selectedFinding() {
        return selectedFinding;
    }

    public void selectFinding(int index) {
        if (index >= 0 && index < findings.size()) {
            selectedFinding = index;
        }
    }

    /** The reader's current call on a finding of the shown image, or null. */
    public Read call(Finding finding) {
        return calls.get(finding.getCode());
    }

    public List<QualityIssue> flags() {
        return flags;
    }

    public List<String> tags() {
        return tags;
    }

    /** Shows image {@code index} (clamped); the reader's own calls on it come from the desk. */
    public void go(int index) {
        if (images.isEmpty()) {
            return;
        }
        position = Math.max(0, Math.min(images.size() - 1, index));
        refresh();
        lastDecisionAt = clock.getAsLong();
    }

    public boolean next() {
        boolean more = position < images.size() - 1;
        go(position + 1);
        return more;
    }

    public void previous() {
        go(position - 1);
    }

    /** Sets the selected finding (or another, selecting it) of the shown image to a value. */
    public void set(int findingIndex, ReadValue value) {
        selectFinding(findingIndex);
        Finding finding = findings.get(selectedFinding);
        Read earlier = call(finding);
        execute(new SetReads(session, desk, finding.getCode() + " " + value, current().getImageId(),
                List.of(new Call(current().getImageId(), finding.getCode(), value,
                        earlier == null ? null : earlier.getComment())), elapsed()));
    }

    /** Comments on the selected finding's call (made uncertain if it has none yet). */
    public void comment(String text) {
        Finding finding = findings.get(selectedFinding);
        Read earlier = call(finding);
        ReadValue value = earlier == null ? ReadValue.UNCERTAIN : earlier.getValue();
        execute(new SetReads(session, desk, "comment", current().getImageId(),
                List.of(new Call(current().getImageId(), finding.getCode(), value, text)), elapsed()));
    }

    /** Accepts the image: every finding without a call becomes absent (one command); false if all were set. */
    public boolean acceptRest() {
        List<Call> rest = new ArrayList<>();
        for (Finding finding : findings) {
            if (call(finding) == null) {
                rest.add(new Call(current().getImageId(), finding.getCode(), ReadValue.ABSENT, null));
            }
        }
        if (rest.isEmpty()) {
            return false;
        }
        execute(new SetReads(session, desk, "accept", current().getImageId(), rest, elapsed()));
        return true;
    }

    /** Records calls on several images at once (a contact sheet), as one undoable command. */
    public void setMany(String label, List<Call> many, long millisPerImage) {
        if (!many.isEmpty()) {
            execute(new SetReads(session, desk, label, many.getFirst().imageId(), many, millisPerImage));
        }
    }

    public void toggleFlag(String imageId, QualityIssue issue) {
        execute(ReadingCommands.ToggleMark.flag(desk, imageId, issue));
    }

    public void toggleTag(String imageId, String code) {
        execute(ReadingCommands.ToggleMark.tag(desk, imageId, code));
    }

    /** Undoes the last decision and shows its image; false when there is nothing to undo. */
    public boolean undo() {
        if (!stack.canUndo()) {
            return false;
        }
        Command undone = stack.getUndoCommand();
        stack.undo();
        rethrow();
        showImageOf(undone);
        return true;
    }

    public boolean redo() {
        if (!stack.canRedo()) {
            return false;
        }
        Command redone = stack.getRedoCommand();
        stack.redo();
        rethrow();
        showImageOf(redone);
        return true;
    }

    public BasicCommandStack commandStack() {
        return stack;
    }

    /** The reader's calls on the images of a sheet, finding code → value, by image id (one query). */
    public Map<String, Map<String, ReadValue>> callsOn(List<ImageRecord> sheet) {
        Map<String, Map<String, ReadValue>> byImage = new LinkedHashMap<>();
        for (ImageRecord image : sheet) {
            byImage.put(image.getImageId(), new LinkedHashMap<>());
        }
        for (Read read : desk.readsOfImages(byImage.keySet())) {
            Map<String, ReadValue> of = byImage.get(read.getImage().getImageId());
            if (of != null) {
                of.put(read.getFinding().getCode(), read.getValue());
            }
        }
        return byImage;
    }

    private void execute(Decision decision) {
        stack.execute(decision);
        rethrow();
        lastDecisionAt = clock.getAsLong();
        refresh();
    }

    /** A decision the store refused is not on the stack and not on screen: the caller reports it. */
    private void rethrow() {
        if (failure != null) {
            RuntimeException e = failure;
            failure = null;
            refresh();
            throw e;
        }
    }

    private long elapsed() {
        return Math.max(0, clock.getAsLong() - lastDecisionAt);
    }

    private void showImageOf(Command command) {
        if (command instanceof Decision decision) {
            for (int i = 0; i < images.size(); i++) {
                if (images.get(i).getImageId().equals(decision.imageId)) {
                    position = i;
                    break;
                }
            }
        }
        refresh();
    }

    private void refresh() {
        ImageRecord image = current();
        if (image == null) {
            return;
        }
        Map<String, Read> byCode = new LinkedHashMap<>();
        for (Read read : desk.readsOfImage(image.getImageId())) {
            byCode.put(read.getFinding().getCode(), read);
        }
        calls = byCode;
        flags = desk.flagsOfImage(image.getImageId()).stream().map(QualityFlag::getIssue).toList();
        tags = desk.tagsOfImage(image.getImageId()).stream().map(ConfounderTag::getCode).toList();
    }
}
