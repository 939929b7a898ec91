package org.lightbox.dataset;

import java.util.Objects;

/**
 * What became of one file or one CSV row.
 *
 * @param item    the file (path) or row ("line 17") the outcome is about
 * @param status  imported, skipped or failed
 * @param imageId the project's image the item is or would be, or "" when there is none
 * @param detail  why it was skipped or failed ("already imported (same content hash) as …",
 *                "not an image: …", "truncated: …"), or a note on an imported item ("RGBA image … converted
 *                to grey"); "" when there is nothing to say
 */
public record ImportOutcome(String item, Status status, String imageId, String detail) {

    /** The three things that can become of an item. */
    public enum Status {
        /** Added to the project (or, for an item already there, completed with what was missing). */
        IMPORTED,
        /** Left out on purpose, with the reason: already there, not an image, not in the project. */
        SKIPPED,
        /** Could not be imported: a broken file or a bad row; the detail says what is wrong. */
        FAILED
    }

    public ImportOutcome {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        imageId = Objects.requireNonNullElse(imageId, "");
        detail = Objects.requireNonNullElse(detail, "");
    }

    public static ImportOutcome imported(String item, String imageId, String detail) {
        return new ImportOutcome(item, Status.IMPORTED, imageId, detail);
    }

    public static ImportOutcome skipped(String item, String imageId, String reason) {
        return new ImportOutcome(item, Status.SKIPPED, imageId, reason);
    }

    public static ImportOutcome failed(String item, String imageId, String reason) {
        return new ImportOutcome(item, Status.FAILED, imageId, reason);
    }
}
