package org.lightbox.learning;

import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param losses         training loss after each step, in order
 * @param parameterCount number of trainable parameters
 * @param millisPerStep  mean wall time of one step (forward, backward, update), excluding the first
 * @param device         the device it ran on
 */
public record TrainingReport(List<Float> losses, long parameterCount, double millisPerStep, String device) {
    public TrainingReport {
        losses = List.copyOf(losses);
    }

    public float firstLoss() {
        return losses.getFirst();
    }

    public float lastLoss() {
        return losses.getLast();
    }
}
