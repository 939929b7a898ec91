package org.lightbox.consensus;

import java.time.Instant;
import java.util.Set;

/**
 * How a consensus run is done.
 *
 * @param findings finding codes to decide; empty: every finding with reads
 * @param readers the panel's reader ids; empty: every reader who is not an adjudicator
 * @param adjudicators reader ids whose reads settle queued images and never count as votes (the model has no
 *        adjudicator role, so a lead names them)
 * @param queue the review queue where ties wait for an adjudicator
 * @param residual a rule for a catch-all finding (the all-findings authors' rule for {@code Other}), or null
 * @param decidedAt the time stamped on every label of the run; null: now
 */
public record ConsensusOptions(Set<String> findings, Set<String> readers, Set<String> adjudicators, String queue,
        ResidualFindingRule residual, Instant decidedAt) {

    /** The review queue for ties, and the method of labels an adjudicator settled. */
    public static final String ADJUDICATION = "adjudication";

    /** Every finding, every reader, no adjudicator, ties to the {@value #ADJUDICATION} queue, no residual rule, now. */
    public static final ConsensusOptions DEFAULT = new ConsensusOptions(Set.of(), Set.of(), Set.of(), ADJUDICATION, null, null);

    public ConsensusOptions {
        findings = Set.copyOf(findings);
        readers = Set.copyOf(readers);
        adjudicators = Set.copyOf(adjudicators);
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("ties need a review queue");
        }
    }

    /** Whether a reader's reads are votes. */
    public boolean votes(String reader) {
        return !adjudicators.contains(reader) && (readers.isEmpty() || readers.contains(reader));
    }

    public ConsensusOptions withFindings(Set<String> codes) {
        return new ConsensusOptions(codes, readers, adjudicators, queue, residual, decidedAt);
    }

    public ConsensusOptions withReaders(Set<String> ids) {
        return new ConsensusOptions(findings, ids, adjudicators, queue, residual, decidedAt);
    }

    public ConsensusOptions withAdjudicators(Set<String> ids) {
        return new ConsensusOptions(findings, readers, ids, queue, residual, decidedAt);
    }

    public ConsensusOptions withResidual(ResidualFindingRule rule) {
        return new ConsensusOptions(findings, readers, adjudicators, queue, rule, decidedAt);
    }

    public ConsensusOptions withDecidedAt(Instant time) {
        return new ConsensusOptions(findings, readers, adjudicators, queue, residual, time);
    }
}
