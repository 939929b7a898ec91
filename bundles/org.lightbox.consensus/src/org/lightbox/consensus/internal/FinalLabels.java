package org.lightbox.consensus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.Finding;
import org.lightbox.store.ProjectSession;

/**
 * The labels an export of one method holds: that method's labels, with an adjudicator's label in place of the
 * method's own for the same image and finding. By image (in the order images were added), then finding.
 */
final class FinalLabels {

    private FinalLabels() {
    }

    static Map<String, List<ConsensusLabel>> byImage(ProjectSession session, String method) {
        List<ConsensusLabel> own = session.consensusLabels(method);
        if (own.isEmpty()) {
            throw new IllegalArgumentException("the project has no consensus labels of method '" + method
                    + "' (run ./lightbox consensus first)");
        }
        Map<String, ConsensusLabel> overrides = new HashMap<>();
        if (!method.equals(ConsensusOptions.ADJUDICATION)) {
            session.consensusLabels(ConsensusOptions.ADJUDICATION).forEach(l -> overrides.put(key(l), l));
        }
        Map<String, List<ConsensusLabel>> byImage = new LinkedHashMap<>();
        for (ConsensusLabel label : own) {
            ConsensusLabel chosen = overrides.getOrDefault(key(label), label);
            byImage.computeIfAbsent(label.getImage().getImageId(), i -> new ArrayList<>()).add(chosen);
        }
        return byImage;
    }

    /** The findings of the label schema in order, then any others the labels use. */
    static List<String> findingOrder(ProjectSession session, Map<String, List<ConsensusLabel>> labels) {
        List<String> order = new ArrayList<>();
        if (session.project().getLabelSchema() != null) {
            session.project().getLabelSchema().getFindings().stream().map(Finding::getCode).forEach(order::add);
        }
        labels.values().forEach(ls -> ls.forEach(l -> {
            if (!order.contains(l.getFinding().getCode())) {
                order.add(l.getFinding().getCode());
            }
        }));
        return order;
    }

    private static String key(ConsensusLabel label) {
        return label.getImage().getImageId() + "\n" + label.getFinding().getCode();
    }
}
