package org.lightbox.ui.internal.reading;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.ui.internal.reading.ReadingCommands.Call;

/**
 * The reading editor's contact-sheet mode: paging (each page's answers committed before the next page shows),
 * focus, marks, the review-set question ("is this &lt;finding&gt;?") and mark-and-set values. The editor switches
 * between modes; this class knows what a key does on a sheet.
 */
final class SheetMode {

    /** What the editor does after a sheet key. */
    enum After {
        /** Stay on the sheet. */
        STAY,
        /** Show the focused image full size; Esc comes back ({@code o}). */
        OPEN_FOCUSED,
        /** Leave the sheet for single-image mode at the focused image ({@code g}, Esc). */
        LEAVE
    }

    private final ContactSheet sheet;
    private final Combo question;
    private final Combo layoutChoice;
    private ReadingSession reading;
    private long shownAt;

    SheetMode(ContactSheet sheet, Combo question, Combo layoutChoice) {
        this.sheet = sheet;
        this.question = question;
        this.layoutChoice = layoutChoice;
    }

    ContactSheet sheet() {
        return sheet;
    }

    /** A new reading session: one question per finding, none asked until chosen. */
    void reading(ReadingSession session) {
        reading = session;
        question.removeAll();
        question.add("Mark and set values (no question)");
        if (session != null) {
            for (Finding finding : session.findings()) {
                question.add("Is this " + name(finding) + "?");
            }
        }
        question.select(0);
    }

    /** Asks the question of this finding (by code); an unknown code leaves the sheets in mark-and-set mode. */
    void ask(String findingCode) {
        for (int f = 0; f < reading.findings().size(); f++) {
            if (reading.findings().get(f).getCode().equals(findingCode)) {
                question.select(f + 1);
            }
        }
    }

    /** The question finding of review-set mode, or null in mark-and-set mode. */
    Finding questionFinding() {
        int q = question.getSelectionIndex();
        return reading == null || q <= 0 ? null : reading.findings().get(q - 1);
    }

    /** Shows the session's images on sheets, at the page holding image {@code at}. */
    void enter(int at) {
        sheet.show(reading.images(), at);
        entered();
    }

    /** The page holding the session's current image (after undo or redo). */
    void showCurrentPage() {
        sheet.goTo(reading.position() / sheet.pageSize());
        entered();
    }

    /** The layout combo changed: the sheet's grid follows (the editor then calls {@link #entered} in sheet mode). */
    void layoutChosen() {
        int[] l = ContactSheet.LAYOUTS[layoutChoice.getSelectionIndex()];
        sheet.layout(l[0], l[1]);
    }

    /** A page was shown: marks from the reader's own calls (review mode), timing starts. */
    void entered() {
        SheetReview.show(reading, sheet, questionFinding());
        shownAt = System.currentTimeMillis();
    }

    /** A sheet key (not a flag, tag, undo or redo key: the editor handles those in both modes). */
    After key(Event e) {
        if (e.keyCode == SWT.ARROW_RIGHT || e.keyCode == SWT.PAGE_DOWN || e.character == SWT.CR) {
            commit();
            sheet.goTo(sheet.page() + 1);
            entered();
        } else if (e.keyCode == SWT.ARROW_LEFT || e.keyCode == SWT.PAGE_UP) {
            commit();
            sheet.goTo(sheet.page() - 1);
            entered();
        } else if (e.keyCode == SWT.ARROW_DOWN || e.keyCode == SWT.ARROW_UP) {
            int columns = ContactSheet.LAYOUTS[layoutChoice.getSelectionIndex()][0];
            sheet.focus(sheet.focus() + (e.keyCode == SWT.ARROW_DOWN ? columns : -columns));
        } else if (e.character == ReadingKeys.MARK) {
            sheet.toggleMark(sheet.focus());
            sheet.focus(sheet.focus() + 1);
        } else if (e.character == 'o' || e.character == ReadingKeys.SHEET || e.keyCode == SWT.ESC) {
            commit();
            return e.character == 'o' ? After.OPEN_FOCUSED : After.LEAVE;
        } else {
            int finding = ReadingKeys.finding(e.character);
            if (finding >= 0 && finding < reading.findings().size()) {
                setOnMarked(reading.findings().get(finding));
            }
        }
        return After.STAY;
    }

    /** Review mode: the page's answers to its question, committed before another page (or image) is shown. */
    private void commit() {
        Finding q = questionFinding();
        if (q != null) {
            long perImage = (System.currentTimeMillis() - shownAt) / Math.max(1, sheet.end() - sheet.first());
            reading.setMany("sheet " + (sheet.page() + 1) + ": " + q.getCode(), SheetReview.answers(reading, sheet, q),
                    perImage);
        }
    }

    /** Mark-and-set mode: a finding key sets it present on the marked images (or the focused one). */
    private void setOnMarked(Finding finding) {
        List<Call> calls = SheetReview.present(targets(), finding);
        long perImage = (System.currentTimeMillis() - shownAt) / Math.max(1, calls.size());
        reading.setMany(finding.getCode() + " on " + calls.size(), calls, perImage);
        if (questionFinding() == null) {
            sheet.marked().clear();
        }
        SheetReview.badges(reading, sheet);
    }

    /** The images a flag, tag or value key acts on: the marked ones, else the focused one. */
    List<ImageRecord> targets() {
        return SheetReview.targets(reading, sheet, questionFinding() != null);
    }

    /** The editor's title and status line for the sheet. */
    String title(String who) {
        return String.format("%s · sheet %d of %d · %d images", who, sheet.page() + 1, sheet.pages(), reading.images().size());
    }

    String status() {
        Finding q = questionFinding();
        return String.format("%s%d marked · focus %s · ←/→ page · space, ctrl-click mark · o open · F1…F9 flags",
                q == null ? "" : "Is this " + name(q) + "? Mark the ones that are not · ", sheet.marked().cardinality(),
                reading.images().get(sheet.focus()).getImageId());
    }

    static String name(Finding finding) {
        return finding.getDisplayName() != null ? finding.getDisplayName() : finding.getCode().replace('_', ' ');
    }
}
