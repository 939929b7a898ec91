package org.lightbox.ui.internal.parts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.model.Candidate;
import org.lightbox.model.CandidateReason;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;

/**
 * The cases of a project whose readers disagree: every image and finding whose current reads hold more than one value,
 * and every DISAGREEMENT candidate of the adjudication queue (majority's ties), with the votes and the candidate's
 * status. Plain Java, so that the agreement view's job computes it off the UI thread.
 */
final class Disagreements {

    /** A case: image, finding, the votes ({@code ann PRESENT, bob ABSENT}), and the queue status or empty. */
    record Row(String image, String finding, String votes, String queued) {
    }

    private Disagreements() {
    }

    /**
     * The rows, in the order the reads were first recorded; a queued case none of whose reads disagree (a tie of
     * UNCERTAIN against one read) comes after them.
     */
    static List<Row> of(List<? extends Read> reads, List<? extends Candidate> queue) {
        Map<String, List<Read>> byCase = new LinkedHashMap<>();
        for (Read read : reads) {
            if (read.getValue() != null) {
                byCase.computeIfAbsent(key(read.getImage().getImageId(), read.getFinding().getCode()), k -> new ArrayList<>()).add(read);
            }
        }
        Map<String, String> queued = new LinkedHashMap<>();
        for (Candidate c : queue) {
            if (c.getReason() == CandidateReason.DISAGREEMENT && c.getImage() != null && c.getFinding() != null) {
                queued.put(key(c.getImage().getImageId(), c.getFinding().getCode()), c.getStatus().getLiteral());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Read>> c : byCase.entrySet()) {
            List<Read> votes = c.getValue();
            boolean disagree = votes.stream().map(Read::getValue).distinct().count() > 1;
            String status = queued.remove(c.getKey());
            if (disagree || status != null) {
                rows.add(new Row(votes.get(0).getImage().getImageId(), votes.get(0).getFinding().getCode(), votesText(votes),
                        status == null ? "" : status));
            }
        }
        queued.forEach((key, status) -> {
            String[] parts = key.split("\n", 2);
            rows.add(new Row(parts[0], parts[1], "", status));
        });
        return rows;
    }

    /** The distinct images of some rows, in row order. */
    static List<String> images(List<Row> rows) {
        return rows.stream().map(Row::image).distinct().toList();
    }

    private static String votesText(List<Read> votes) {
        StringBuilder text = new StringBuilder();
        for (Read vote : votes) {
            ReadValue value = vote.getValue();
            text.append(text.isEmpty() ? "" : ", ").append(vote.getReader().getId()).append(' ').append(value.getLiteral());
        }
        return text.toString();
    }

    private static String key(String image, String finding) {
        return image + "\n" + finding;
    }
}
