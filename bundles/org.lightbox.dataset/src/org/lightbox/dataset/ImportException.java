package org.lightbox.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An import could not start: the input as a whole is unusable (a file that cannot be read, a CSV
 * file whose columns are not the expected ones). Nothing was written to the project. Problems with
 * single files or rows are not exceptions but {@link ImportOutcome}s.
 */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the import could not start. */
    public enum Reason {
        /** The file or folder does not exist or cannot be read. */
        UNREADABLE,
        /** A CSV file lacks required columns or has columns the format does not know; the message names them. */
        WRONG_COLUMNS,
        /** The input is of the right shape but cannot be used with this project (e.g. an empty model name). */
        UNUSABLE
    }

    private final Reason reason;
    private final transient Path input;

    public ImportException(Reason reason, Path input, String message) {
        this(reason, input, message, null);
    }

    public ImportException(Reason reason, Path input, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.input = input;
    }

    public Reason reason() {
        return reason;
    }

    /** The file or folder the import was given. */
    public Path input() {
        return input;
    }
}
