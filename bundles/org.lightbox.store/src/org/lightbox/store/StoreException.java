package org.lightbox.store;

/**
 * A store operation failed. Unchecked, because the store's callers (jobs, handlers, lambdas given to
 * {@link ProjectSession#inTransaction}) can rarely do more than report it; {@link #reason()} says
 * what kind of failure it was, so a caller that can act (e.g. skip a duplicate image) may.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure a {@link StoreException} reports. */
    public enum Reason {
        /** A unique, foreign-key or not-null rule of the store was broken; nothing was written. */
        CONSTRAINT_VIOLATION,
        /** The location, project, image, reader or finding named does not exist. */
        NOT_FOUND,
        /** The location already holds a project. */
        ALREADY_EXISTS,
        /** The store was written by a newer Lightbox than this one. */
        INCOMPATIBLE_VERSION,
        /** The session was used after it was closed. */
        CLOSED,
        /** Anything else: I/O, connection, driver or server failure. */
        FAILURE
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
