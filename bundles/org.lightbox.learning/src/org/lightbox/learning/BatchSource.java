package org.lightbox.learning;

/** Supplies training batches; called once per optimiser step. */
@FunctionalInterface
public interface BatchSource {

    /**
     * @param step zero-based step number
     * @return the batch for this step
     */
    Batch batch(int step);

    /**
     * One batch of images and their labels.
     *
     * @param pixels  {@code size × imageSize × imageSize} values in [0, 1], image after image, row-major
     * @param labels  {@code size × classes} values, 0 or 1
     * @param size    number of images in the batch
     */
    record Batch(float[] pixels, float[] labels, int size) {
    }
}
