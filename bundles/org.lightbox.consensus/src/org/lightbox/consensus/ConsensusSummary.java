package org.lightbox.consensus;

import java.util.List;

import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.Estimate;
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

    /** The images of one finding that have a decision. */
    public long decided(String finding) {
        return results.stream().filter(r -> r.finding().equals(finding)).mapToLong(r -> r.decisions().size()).sum();
    }

    /**
     * The share of decided images whose consensus is PRESENT, with its Wilson score interval at {@code confidence} and
     * n = the decided images; undefined when none was decided.
     */
    public Estimate prevalence(String finding, double confidence) {
        long present = count(finding, ReadValue.PRESENT);
        // a proportion with a Wilson interval is what the agreement bundle computes as a sensitivity
        Estimate share = DiagnosticAccuracy.of(present, 0, decided(finding) - present, 0, confidence).sensitivity();
        String name = "Prevalence of " + finding + " (" + method + ")";
        return new Estimate(name, share.value(), share.standardError(), share.intervals(), share.n(),
                share.defined() ? null : "no image has a decision", share.details(), share.notes());
    }
}
