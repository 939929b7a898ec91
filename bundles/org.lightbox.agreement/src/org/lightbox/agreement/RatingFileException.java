package org.lightbox.agreement;

import java.nio.file.Path;

/**
 * A rating file that cannot be read as its layout says, with the place: file, row (line) and column (1-based; 0 when
 * the problem is not in one row or column).
 */
public final class RatingFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int row;
    private final int column;

    public RatingFileException(Path file, int row, int column, String problem) {
        super(file + (row > 0 ? ", row " + row : "") + (column > 0 ? ", column " + column : "") + ": " + problem);
        this.file = file;
        this.row = row;
        this.column = column;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The 1-based row (line), or 0. */
    public int row() {
        return row;
    }

    /** The 1-based column, or 0. */
    public int column() {
        return column;
    }
}
