package org.lightbox.learning;

/**
 * What to train: single-channel square images of {@code imageSize}² pixels, {@code classes} independent
 * binary outputs (multi-label, sigmoid cross-entropy), {@code steps} optimiser steps at {@code learningRate}.
 */
public record TrainingRequest(int imageSize, int classes, int steps, float learningRate, long seed) {
    public TrainingRequest {
        if (imageSize < 8) throw new IllegalArgumentException("imageSize must be at least 8, was " + imageSize);
        if (classes < 1) throw new IllegalArgumentException("classes must be at least 1, was " + classes);
        if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
    }
}
