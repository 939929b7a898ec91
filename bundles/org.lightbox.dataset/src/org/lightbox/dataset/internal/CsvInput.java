package org.lightbox.dataset.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportException.Reason;
import org.lightbox.dataset.ImportProgress;

/**
 * A CSV file being imported: plain or gzip-compressed (told by its first bytes, not its name), read
 * as a stream, with progress in bytes of the file as stored.
 */
final class CsvInput implements AutoCloseable {

    private final Path file;
    private final CountingStream counted;
    private final CSVParser parser;
    private final List<String> header;
    private final Iterator<CSVRecord> records;
    private final ImportProgress progress;
    private long reported;

    private CsvInput(Path file, CountingStream counted, CSVParser parser, ImportProgress progress) {
        this.file = file;
        this.counted = counted;
        this.parser = parser;
        this.header = parser.getHeaderNames();
        this.records = parser.iterator();
        this.progress = progress;
    }

    static CsvInput open(Path file, ImportProgress progress, String task) throws ImportException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ImportException(Reason.UNREADABLE, file, "Cannot read " + file + ": "
                    + (Files.exists(file) ? "it is not a readable file" : "it does not exist"));
        }
        CountingStream counted = null;
        try {
            long size = Files.size(file);
            counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            InputStream in = isGzip(file) ? new GZIPInputStream(counted, 1 << 16) : counted;
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true).setAllowDuplicateHeaderNames(true).setIgnoreEmptyLines(true)
                    .setTrim(true).get().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            progress.begin(task, size);
            return new CsvInput(file, counted, parser, progress);
        } catch (NoSuchFileException e) {
            close(counted);
            throw new ImportException(Reason.UNREADABLE, file, "Cannot read " + file + ": it does not exist", e);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            close(counted);
            throw new ImportException(Reason.UNREADABLE, file, "Cannot read " + file + " as CSV: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    Path file() {
        return file;
    }

    /** The column names as in the file (blank for a column without a name). */
    List<String> header() {
        return header;
    }

    /**
     * The next row, or null at the end.
     *
     * @throws ImportException UNREADABLE when the file breaks off or is not valid CSV there
     */
    CSVRecord next() throws ImportException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportException(Reason.UNREADABLE, file, "Cannot read " + file + " after line "
                    + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
        }
    }

    /** "line N" of a row, counting the header as line 1. */
    static String line(CSVRecord row) {
        return "line " + (row.getRecordNumber() + 1);
    }

    /** Tells the progress how many more bytes of the file were read. */
    void reportProgress() {
        long now = counted.count;
        if (now > reported) {
            progress.worked(now - reported);
            reported = now;
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    /** Counts the bytes read from the file as stored. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
