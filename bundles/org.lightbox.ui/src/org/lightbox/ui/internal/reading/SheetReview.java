package org.lightbox.ui.internal.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.ReadValue;
import org.lightbox.ui.internal.reading.ReadingCommands.Call;

/**
 * What a contact sheet means in terms of reads. Review-set mode asks one question per sheet ("is this
 * <finding>?"): a marked image is answered absent, an unmarked one present, and a sheet shown again is marked
 * from the reader's own answers. Mark-and-set mode sets a finding present on the marked images.
 */
final class SheetReview {

    private SheetReview() {
    }

    /**
     * Marks the page's images from the reader's answers to the question (none without one) and labels each
     * thumbnail with the reader's present and uncertain calls; one query for the page.
     */
    static void show(ReadingSession reading, ContactSheet sheet, Finding question) {
        Map<String, Map<String, ReadValue>> calls = reading.callsOn(sheet.pageImages());
        sheet.marked().clear();
        if (question != null) {
            for (int i = sheet.first(); i < sheet.end(); i++) {
                if (calls.get(reading.images().get(i).getImageId()).get(question.getCode()) == ReadValue.ABSENT) {
                    sheet.marked().set(i);
                }
            }
        }
        badges(sheet, calls);
    }

    /** Labels each thumbnail with the reader's present and uncertain calls (one query for the page). */
    static void badges(ReadingSession reading, ContactSheet sheet) {
        badges(sheet, reading.callsOn(sheet.pageImages()));
    }

    private static void badges(ContactSheet sheet, Map<String, Map<String, ReadValue>> calls) {
        Map<String, String> text = new HashMap<>();
        calls.forEach((id, byCode) -> text.put(id, String.join(" ", byCode.entrySet().stream()
                .filter(c -> c.getValue() != ReadValue.ABSENT)
                .map(c -> c.getKey() + (c.getValue() == ReadValue.UNCERTAIN ? "?" : "")).toList())));
        sheet.badges(text);
    }

    /** The page's answers to the question that differ from the reader's current ones. */
    static List<Call> answers(ReadingSession reading, ContactSheet sheet, Finding question) {
        Map<String, Map<String, ReadValue>> calls = reading.callsOn(sheet.pageImages());
        List<Call> changed = new ArrayList<>();
        for (int i = sheet.first(); i < sheet.end(); i++) {
            String id = reading.images().get(i).getImageId();
            ReadValue answer = sheet.marked().get(i) ? ReadValue.ABSENT : ReadValue.PRESENT;
            if (calls.get(id).get(question.getCode()) != answer) {
                changed.add(new Call(id, question.getCode(), answer, null));
            }
        }
        return changed;
    }

    /** The images a flag, tag or value key acts on in a sheet: the marked ones (mark-and-set mode), else the focused one. */
    static List<ImageRecord> targets(ReadingSession reading, ContactSheet sheet, boolean reviewing) {
        List<ImageRecord> marked = new ArrayList<>();
        if (!reviewing) {
            sheet.marked().stream().forEach(i -> marked.add(reading.images().get(i)));
        }
        return marked.isEmpty() ? List.of(reading.images().get(sheet.focus())) : marked;
    }

    /** A finding present on each of these images. */
    static List<Call> present(List<ImageRecord> images, Finding finding) {
        return images.stream().map(i -> new Call(i.getImageId(), finding.getCode(), ReadValue.PRESENT, null)).toList();
    }
}
