package org.lightbox.consensus;

import java.util.List;

import org.lightbox.model.ReadValue;

/**
 * What a consensus run stored.
 *
 * @param method the method's id
 * @param results per finding, the decisions with their provenance
 * @param labelsStored consensus labels written to the project
 * @param queued ties newly put in (or updated in) the review queue
 */
public record ConsensusSummary(String method, List<ConsensusResult> results, int labelsStored, int queued) {

    public ConsensusSummary {
        results = List.copyOf(results);
    }

    /** How many decisions of one finding have a value. */
    public long count(String finding, ReadValue value) {
        return results.stream().filter(r -> r.finding().equals(finding)).flatMap(r -> r.decisions().stream())
                .filter(d -> d.value() == value).count();
    }
}
