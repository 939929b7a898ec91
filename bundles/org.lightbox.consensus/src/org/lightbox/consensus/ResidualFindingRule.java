package org.lightbox.consensus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lightbox.model.ReadValue;

/**
 * A catch-all finding ({@code Other}) decided as the authors of the CXR14 all-findings labels did (Nabulsi et al.
 * 2021, README of the expert labels): PRESENT if the method says so, or if the image is abnormal by consensus but no
 * specific finding is PRESENT by consensus.
 *
 * @param residual the catch-all finding's code, e.g. {@code Other}
 * @param abnormal the normal/abnormal finding's code, e.g. {@code Abnormal}
 */
public record ResidualFindingRule(String residual, String abnormal) {

    public ResidualFindingRule {
        if (residual == null || abnormal == null || residual.equals(abnormal)) {
            throw new IllegalArgumentException("a residual rule needs two different findings");
        }
    }

    /**
     * The results with the residual finding's decisions changed where the rule applies; the specific findings are
     * all the others. Results without both findings come back as they are.
     */
    public List<ConsensusResult> apply(List<ConsensusResult> results) {
        Map<String, ConsensusResult> byFinding = new LinkedHashMap<>();
        results.forEach(r -> byFinding.put(r.finding(), r));
        ConsensusResult other = byFinding.get(residual);
        ConsensusResult abnormalResult = byFinding.get(abnormal);
        if (other == null || abnormalResult == null) {
            return results;
        }
        Set<String> specificPresent = new java.util.HashSet<>();
        Map<String, ConsensusDecision> abnormalByImage = new LinkedHashMap<>();
        for (ConsensusResult r : results) {
            for (ConsensusDecision d : r.decisions()) {
                if (r.finding().equals(abnormal)) {
                    abnormalByImage.put(d.image(), d);
                } else if (!r.finding().equals(residual) && d.value() == ReadValue.PRESENT) {
                    specificPresent.add(d.image());
                }
            }
        }
        List<ConsensusDecision> changed = new ArrayList<>();
        for (ConsensusDecision d : other.decisions()) {
            ConsensusDecision a = abnormalByImage.get(d.image());
            boolean applies = d.value() != ReadValue.PRESENT && a != null && a.value() == ReadValue.PRESENT
                    && !specificPresent.contains(d.image());
            changed.add(applies ? d.with(ReadValue.PRESENT, a.support(), abnormal + " by consensus but no specific finding: "
                    + residual + " by the residual rule (the " + residual + " votes alone gave " + d.value().getLiteral() + ")") : d);
        }
        List<ConsensusResult> out = new ArrayList<>();
        for (ConsensusResult r : results) {
            out.add(r == other ? new ConsensusResult(r.method(), r.finding(), changed, r.readers(), r.notes()) : r);
        }
        return out;
    }
}
