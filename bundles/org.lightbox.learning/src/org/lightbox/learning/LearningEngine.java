package org.lightbox.learning;

/**
 * A deep-learning runtime that can train and run image classifiers. Implemented by an adapter bundle
 * (e.g. {@code org.lightbox.learning.djl}); nothing outside that adapter sees the third-party library.
 */
public interface LearningEngine {

    /** What runs underneath: engine name and version, device, where its native libraries live. */
    EngineInfo info();

    /**
     * Trains a small convolutional network for the given number of optimiser steps on the batches the
     * source supplies, and reports the loss of every step. Used to prove the runtime end to end and as
     * the smallest unit the training orchestration builds on.
     */
    TrainingReport train(TrainingRequest request, BatchSource source);
}
