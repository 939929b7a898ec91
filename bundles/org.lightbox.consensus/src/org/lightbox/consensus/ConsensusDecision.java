package org.lightbox.consensus;

import java.util.List;
import java.util.Map;

import org.lightbox.model.ReadValue;

/**
 * The label one method settled on for one image and finding, with its provenance: who voted what, the method, the
 * share of votes or the posterior behind it, and whether it awaits an adjudicator.
 *
 * @param image image id
 * @param finding finding code
 * @param value the consensus value; UNCERTAIN where the votes tie
 * @param support the share of readers who voted {@code value} (majority), or its posterior probability (Dawid–Skene)
 * @param votes each reader's read, in reader order
 * @param posterior probability of each value (Dawid–Skene), empty for methods without one
 * @param needsAdjudication true where the method could not decide (a tie)
 * @param method the method's id
 * @param note how the value came about, in words, or empty
 */
public record ConsensusDecision(String image, String finding, ReadValue value, double support, List<Vote> votes,
        Map<ReadValue, Double> posterior, boolean needsAdjudication, String method, String note) {

    /** One reader's read behind a decision. */
    public record Vote(String reader, ReadValue value) {
    }

    public ConsensusDecision {
        votes = List.copyOf(votes);
        posterior = Map.copyOf(posterior);
        note = note == null ? "" : note;
        if (!(support >= 0 && support <= 1)) {
            throw new IllegalArgumentException("support must lie in [0, 1]: " + support);
        }
    }

    /** The number of reads behind the decision. */
    public int readCount() {
        return votes.size();
    }

    /** The votes as one line, e.g. {@code r1 PRESENT, r2 ABSENT}. */
    public String votesText() {
        StringBuilder text = new StringBuilder();
        for (Vote vote : votes) {
            text.append(text.isEmpty() ? "" : ", ").append(vote.reader()).append(' ').append(vote.value().getLiteral());
        }
        return text.toString();
    }

    /** The same decision with another value, support and note (a rule applied after the method). */
    public ConsensusDecision with(ReadValue other, double otherSupport, String otherNote) {
        return new ConsensusDecision(image, finding, other, otherSupport, votes, posterior, false, method, otherNote);
    }
}
