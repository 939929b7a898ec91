package org.lightbox.phantom;

import java.util.Objects;

import org.lightbox.phantom.internal.LabelSimulator;
import org.lightbox.phantom.internal.PhantomRenderer;
import org.lightbox.phantom.internal.StudyPlanner;

/**
 * Synthetic frontal chest radiographs with planted truths. Everything is a function of the
 * configuration, the seed and the image index: the same three give the same truth, labels and
 * pixels on every run and in every thread.
 * <pre>
 * PhantomGenerator generator = new PhantomGenerator(PhantomConfig.defaults(), 42);
 * Phantom p = generator.phantom(0);                 // truth, report-mined labels, simulated reads
 * PhantomImage image = generator.render(p.truth()); // 16-bit pixels
 * </pre>
 * Thread-safe.
 */
public final class PhantomGenerator {

    private final PhantomConfig config;
    private final long seed;
    private final StudyPlanner planner;
    private final LabelSimulator labels;

    public PhantomGenerator(PhantomConfig config, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        this.seed = seed;
        this.planner = new StudyPlanner(config, seed);
        this.labels = new LabelSimulator(config, seed);
    }

    public PhantomConfig config() {
        return config;
    }

    public long seed() {
        return seed;
    }

    /** What image {@code index} shows. */
    public PhantomTruth truth(int index) {
        return planner.truth(index);
    }

    /** Image {@code index}'s truth with its report-mined labels and simulated reads. */
    public Phantom phantom(int index) {
        PhantomTruth truth = planner.truth(index);
        return new Phantom(truth, labels.reported(truth), labels.reads(truth));
    }

    /** The image for a truth at the configured size. */
    public PhantomImage render(PhantomTruth truth) {
        return render(truth, config.size());
    }

    /**
     * The image for any truth (one from {@link #truth}, or one built by hand for a contact sheet) at a
     * size from {@value PhantomConfig#MIN_SIZE} to {@value PhantomConfig#MAX_SIZE} pixels.
     */
    public static PhantomImage render(PhantomTruth truth, int size) {
        if (size < PhantomConfig.MIN_SIZE || size > PhantomConfig.MAX_SIZE) {
            throw new IllegalArgumentException("the image size must be " + PhantomConfig.MIN_SIZE + " to "
                    + PhantomConfig.MAX_SIZE + " pixels, got " + size);
        }
        return new PhantomImage(size, size, PhantomRenderer.render(Objects.requireNonNull(truth, "truth"), size));
    }
}
