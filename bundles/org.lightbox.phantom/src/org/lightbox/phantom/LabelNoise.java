package org.lightbox.phantom;

import java.util.EnumMap;
import java.util.Map;

/**
 * The structured errors of labels mined from radiology reports (as in NIH ChestX-ray14): each
 * finding has its own sensitivity and specificity, and two systematic errors are layered on top.
 *
 * @param sensitivity  per finding, P(reported | present); findings left out are reported perfectly
 * @param specificity  per finding, P(not reported | absent); findings left out are never reported falsely
 * @param drainReportedAsPneumothorax  P(pneumothorax reported | drain in place, no pneumothorax): the
 *        report says "drain in situ, no residual pneumothorax" and the miner sees the word
 * @param effusionHiddenByConsolidation  P(an effusion goes unreported | it lies under a consolidation),
 *        applied before the effusion sensitivity
 */
public record LabelNoise(Map<PlantedFinding, Double> sensitivity, Map<PlantedFinding, Double> specificity,
        double drainReportedAsPneumothorax, double effusionHiddenByConsolidation) {

    public LabelNoise {
        sensitivity = PhantomConfig.probabilities("report sensitivity", sensitivity);
        specificity = PhantomConfig.probabilities("report specificity", specificity);
        PhantomConfig.requireProbability("P(pneumothorax reported | drain)", drainReportedAsPneumothorax);
        PhantomConfig.requireProbability("P(effusion hidden by consolidation)", effusionHiddenByConsolidation);
    }

    /** Labels equal to the truth. */
    public static LabelNoise none() {
        return new LabelNoise(Map.of(), Map.of(), 0, 0);
    }

    public double sensitivity(PlantedFinding finding) {
        return sensitivity.getOrDefault(finding, 1.0);
    }

    public double specificity(PlantedFinding finding) {
        return specificity.getOrDefault(finding, 1.0);
    }

    public LabelNoise withSensitivity(PlantedFinding finding, double value) {
        EnumMap<PlantedFinding, Double> copy = new EnumMap<>(PlantedFinding.class);
        copy.putAll(sensitivity);
        copy.put(finding, value);
        return new LabelNoise(copy, specificity, drainReportedAsPneumothorax, effusionHiddenByConsolidation);
    }

    public LabelNoise withSpecificity(PlantedFinding finding, double value) {
        EnumMap<PlantedFinding, Double> copy = new EnumMap<>(PlantedFinding.class);
        copy.putAll(specificity);
        copy.put(finding, value);
        return new LabelNoise(sensitivity, copy, drainReportedAsPneumothorax, effusionHiddenByConsolidation);
    }
}
