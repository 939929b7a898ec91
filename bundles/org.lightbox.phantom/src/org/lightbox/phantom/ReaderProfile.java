package org.lightbox.phantom;

import java.util.Objects;

/**
 * A simulated reader: calls each planted finding with its own sensitivity and specificity, says
 * "uncertain" instead of its call at some rate, and leaves some images unread.
 *
 * @param id           reader id (as in the project's readers, e.g. {@code reader-a})
 * @param sensitivity  P(present call | finding present), before uncertainty
 * @param specificity  P(absent call | finding absent), before uncertainty
 * @param uncertain    P(the call is replaced by "uncertain")
 * @param missing      P(an image is not read at all by this reader)
 */
public record ReaderProfile(String id, String name, double sensitivity, double specificity, double uncertain,
        double missing) {

    public ReaderProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank() || !id.equals(id.strip()) || id.contains(",")) {
            throw new IllegalArgumentException("a reader id must be a non-blank word without commas, got '" + id + "'");
        }
        PhantomConfig.requireProbability(id + " sensitivity", sensitivity);
        PhantomConfig.requireProbability(id + " specificity", specificity);
        PhantomConfig.requireProbability(id + " uncertain rate", uncertain);
        PhantomConfig.requireProbability(id + " missing rate", missing);
    }
}
