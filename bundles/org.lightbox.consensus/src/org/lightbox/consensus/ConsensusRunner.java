package org.lightbox.consensus;

import java.util.List;

import org.lightbox.store.ProjectSession;

/**
 * Runs consensus methods on a project and stores their labels (a DS service that collects the
 * {@link ConsensusMethod} services). Each run writes one consensus label per image and finding under the method's id
 * (replacing that method's earlier labels) and puts ties in the review queue as DISAGREEMENT candidates.
 */
public interface ConsensusRunner {

    /** The ids of the methods available, alphabetically. */
    List<String> methods();

    /**
     * Decides every finding with reads by {@code method} and stores the labels.
     *
     * @throws IllegalArgumentException for an unknown method or finding code
     */
    ConsensusSummary run(ProjectSession session, String method, ConsensusOptions options);

    /**
     * Settles queued images that an adjudicator ({@link ConsensusOptions#adjudicators()}) has read: the adjudicator's
     * read becomes a consensus label of method {@value ConsensusOptions#ADJUDICATION} and the candidate is RESOLVED.
     *
     * @throws IllegalArgumentException when no adjudicator is named
     */
    ConsensusSummary adjudicate(ProjectSession session, ConsensusOptions options);
}
