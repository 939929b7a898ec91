package org.lightbox.consensus;

import java.time.Instant;

/**
 * What an export holds.
 *
 * @param method the consensus method whose labels are exported ({@code majority}, {@code dawid-skene},
 *        {@code adjudication}); an adjudicator's label overrides the method's own where there is one. Null for exports
 *        of reads or quality flags.
 * @param identifiers the lead's explicit opt-in to reader names, read comments, flag notes and image locations (which
 *        may name patients); false: de-identified
 * @param created the time written into the sidecar; null: now
 */
public record ExportOptions(String method, boolean identifiers, Instant created) {

    /** De-identified, no method, now. */
    public static final ExportOptions READS = new ExportOptions(null, false, null);

    /** De-identified labels of {@code method}, now. */
    public static ExportOptions labels(String method) {
        return new ExportOptions(method, false, null);
    }
}
