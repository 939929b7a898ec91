package org.lightbox.dataset;

/**
 * How an import reports progress and learns that it should stop. The UI wraps an Eclipse
 * {@code IProgressMonitor} in one, the command line prints to stderr. Called from the importing
 * thread only.
 */
public interface ImportProgress {

    /** Reports nothing and never cancels. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void begin(String task, long totalUnits) {
            // nothing to show
        }

        @Override
        public void worked(long units) {
            // nothing to show
        }
    };

    /**
     * The import starts.
     *
     * @param task       what is imported, e.g. "Importing CXR14 labels from Data_Entry_2017_v2020.csv.gz"
     * @param totalUnits the work in units (files of a folder; bytes of a CSV file, compressed as stored),
     *                   or -1 when unknown
     */
    void begin(String task, long totalUnits);

    /** {@code units} more units are done. */
    void worked(long units);

    /** A line worth showing now, e.g. "12,000 rows committed". */
    default void note(String message) {
        // optional
    }

    /**
     * Polled between files and between batches; {@code true} stops the import there. What was
     * committed stays (whole batches only) and the report says how far the import got.
     */
    default boolean isCancelled() {
        return false;
    }
}
