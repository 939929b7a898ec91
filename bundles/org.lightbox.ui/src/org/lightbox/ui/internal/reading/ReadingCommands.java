package org.lightbox.ui.internal.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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

    /** Turns one of the reader's marks on an image on or off (a toggle): a quality flag or a confounder tag. */
    static final class ToggleMark extends Decision {
        private final BooleanSupplier isOn;
        private final Consumer<Boolean> set;
        private boolean wasOn;

        private ToggleMark(String label, String imageId, BooleanSupplier isOn, Consumer<Boolean> set) {
            super(label, imageId);
            this.isOn = isOn;
            this.set = set;
        }

        /** Raises or clears a quality flag. */
        static ToggleMark flag(ReadingDesk desk, String imageId, QualityIssue issue) {
            return new ToggleMark("flag " + issue, imageId,
                    () -> desk.flagsOfImage(imageId).stream().map(QualityFlag::getIssue).anyMatch(issue::equals),
                    on -> {
                        if (on) {
                            desk.raise(imageId, issue, null);
                        } else {
                            desk.clear(imageId, issue);
                        }
                    });
        }

        /** Tags or untags a confounder as present. */
        static ToggleMark tag(ReadingDesk desk, String imageId, String code) {
            return new ToggleMark("tag " + code, imageId,
                    () -> desk.tagsOfImage(imageId).stream().map(ConfounderTag::getCode).anyMatch(code::equals),
                    on -> {
                        if (on) {
                            desk.tag(imageId, code, ReadValue.PRESENT);
                        } else {
                            desk.untag(imageId, code);
                        }
                    });
        }

        @Override
        public void execute() {
            wasOn = isOn.getAsBoolean();
            set.accept(!wasOn);
        }

        @Override
        public void undo() {
            set.accept(wasOn);
        }
    }
}
