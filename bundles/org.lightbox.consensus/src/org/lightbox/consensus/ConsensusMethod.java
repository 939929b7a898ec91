package org.lightbox.consensus;

import org.lightbox.agreement.RatingTable;

/**
 * A way to settle one label per image from several readers' reads of one finding, offered as a DS service with the
 * property {@code method=<id>} so that other labs can add their own. The table's subjects are image ids, its raters
 * reader ids and its categories {@link org.lightbox.model.ReadValue} literals (see {@link ReadTables}).
 */
public interface ConsensusMethod {

    /** The service property that carries {@link #id()}. */
    String PROPERTY = "method";

    /** A short stable id, stored as the consensus label's method, e.g. {@code majority}. */
    String id();

    /** One decision per image that has at least one read in the table. */
    ConsensusResult decide(String finding, RatingTable table);
}
