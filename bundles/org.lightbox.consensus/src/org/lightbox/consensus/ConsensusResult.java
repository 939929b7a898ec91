package org.lightbox.consensus;

import java.util.List;

/**
 * What a consensus method decided for one finding.
 *
 * @param method the method's id
 * @param finding finding code
 * @param decisions one per image with reads, in table order
 * @param readers each reader's estimated confusion matrix (Dawid–Skene), empty for methods without one
 * @param notes how the data were handled (iterations, convergence, categories nobody used)
 */
public record ConsensusResult(String method, String finding, List<ConsensusDecision> decisions, List<ReaderConfusion> readers,
        List<String> notes) {

    public ConsensusResult {
        decisions = List.copyOf(decisions);
        readers = List.copyOf(readers);
        notes = List.copyOf(notes);
    }

    /** The decisions that await an adjudicator. */
    public List<ConsensusDecision> ties() {
        return decisions.stream().filter(ConsensusDecision::needsAdjudication).toList();
    }
}
