package org.lightbox.evaluation;

/** A scores or labels file that cannot be used, with the file, row and column of the first problem. */
public final class EvaluationFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param file the file's name
     * @param row 1-based row (the header is row 1), or 0 when the problem is not in one row
     * @param column 1-based column with its header, or null
     * @param problem what is wrong, in words
     */
    public EvaluationFileException(String file, long row, String column, String problem) {
        super(file + (row > 0 ? ", row " + row : "") + (column != null ? ", column " + column : "") + ": " + problem);
    }
}
