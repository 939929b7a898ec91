package org.lightbox.ui.internal.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.command.AbstractCommand;
import org.lightbox.model.ConfounderTag;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ReadingDesk;

/**
 * The reader's decisions as EMF commands on the editor's {@link org.eclipse.emf.common.command.BasicCommandStack}:
 * each writes through the reader's {@link ReadingDesk} when executed, undone and redone, so the store always
 * holds what the screen shows (durable before the command returns). Undo of a first call withdraws it; undo of
 * a changed call records the earlier value again.
 */
final class ReadingCommands {

    private ReadingCommands() {
    }

    /** A decision about one image (or a sheet of them): the image the editor shows again on undo. */
    abstract static class Decision extends AbstractCommand {
        final String imageId;

        Decision(String label, String imageId) {
            super(label);
            this.imageId = imageId;
        }

        @Override
        protected boolean prepare() {
            return true;
        }

        @Override
        public void redo() {
            execute();
        }
    }

    /** The calls (finding code → value, comment) to make on several images, in one transaction. */
    record Call(String imageId, String findingCode, ReadValue value, String comment) {
    }

    /** Sets readers' calls; undo puts back what each image and finding had before (or withdraws). */
    static final class SetReads extends Decision {
        private final ProjectSession session;
        private final ReadingDesk desk;
        private final List<Call> calls;
        private final long durationMillis;
        private final Map<Call, Optional<Read>> before = new java.util.LinkedHashMap<>();

        SetReads(ProjectSession session, ReadingDesk desk, String label, String shownImage, List<Call> calls,
                long durationMillis) {
            super(label, shownImage);
            this.session = session;
            this.desk = desk;
            this.calls = List.copyOf(calls);
            this.durationMillis = durationMillis;
        }

        @Override
        public void execute() {
            session.inTransaction(s -> {
                if (before.isEmpty()) { // what each call replaces, in one query (a sheet has 48 images)
                    Map<String, Read> current = new java.util.HashMap<>();
                    for (Read read : desk.readsOfImages(calls.stream().map(Call::imageId).distinct().toList())) {
                        current.put(read.getImage().getImageId() + "\u0000" + read.getFinding().getCode(), read);
                    }
                    for (Call call : calls) {
                        before.put(call, Optional.ofNullable(current.get(call.imageId() + "\u0000" + call.findingCode())));
                    }
                }
                for (Call call : calls) {
                    desk.record(call.imageId(), call.findingCode(), call.value(), durationMillis, call.comment());
                }
                return null;
            });
        }

        @Override
        public void undo() {
            session.inTransaction(s -> {
                for (Call call : calls.reversed()) {
                    Optional<Read> earlier = before.get(call);
                    if (earlier.isPresent()) {
                        Read read = earlier.get();
                        desk.record(call.imageId(), call.findingCode(), read.getValue(), read.getDurationMillis(),
                                read.getComment());
                    } else {
                        desk.withdraw(call.imageId(), call.findingCode());
                    }
                }
                return null;
            });
        }

        List<Call> calls() {
            return calls;
        }
    }

    /** Raises or clears one of the reader's quality flags on an image (a toggle). */
    static final class ToggleFlag extends Decision {
        private final ReadingDesk desk;
        private final QualityIssue issue;
        private boolean wasRaised;

        ToggleFlag(ReadingDesk desk, String imageId, QualityIssue issue) {
            super("flag " + issue, imageId);
            this.desk = desk;
            this.issue = issue;
        }

        @Override
        public void execute() {
            wasRaised = desk.flagsOfImage(imageId).stream().map(QualityFlag::getIssue).anyMatch(issue::equals);
            apply(!wasRaised);
        }

        @Override
        public void undo() {
            apply(wasRaised);
        }

        private void apply(boolean raised) {
            if (raised) {
                desk.raise(imageId, issue, null);
            } else {
                desk.clear(imageId, issue);
            }
        }
    }

    /** Tags or untags one confounder on an image (a toggle). */
    static final class ToggleTag extends Decision {
        private final ReadingDesk desk;
        private final String code;
        private boolean wasTagged;

        ToggleTag(ReadingDesk desk, String imageId, String code) {
            super("tag " + code, imageId);
            this.desk = desk;
            this.code = code;
        }

        @Override
        public void execute() {
            wasTagged = desk.tagsOfImage(imageId).stream().map(ConfounderTag::getCode).anyMatch(code::equals);
            apply(!wasTagged);
        }

        @Override
        public void undo() {
            apply(wasTagged);
        }

        private void apply(boolean tagged) {
            if (tagged) {
                desk.tag(imageId, code, ReadValue.PRESENT);
            } else {
                desk.untag(imageId, code);
            }
        }
    }
}
