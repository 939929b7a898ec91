package org.lightbox.dataset;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lightbox.dataset.ImportOutcome.Status;

/**
 * What an import did: one outcome per file or row it got to, whether it was cancelled, how long it
 * took, and notes on the whole (e.g. findings added to the label schema). When cancelled, every
 * item listed as IMPORTED is in the project and nothing after the last listed item was looked at.
 *
 * @param task     what was imported, e.g. "CXR14 labels"
 * @param source   the file or folder imported from
 * @param outcomes one per file or row, in input order
 * @param cancelled whether the import stopped early because it was asked to
 * @param elapsed  wall-clock time of the import
 * @param notes    remarks on the import as a whole, in the order they arose
 */
public record ImportReport(String task, Path source, List<ImportOutcome> outcomes, boolean cancelled,
        Duration elapsed, List<String> notes) {

    /** The columns of {@link #writeCsv}. */
    public static final List<String> CSV_COLUMNS = List.of("item", "outcome", "image_id", "detail");

    public ImportReport {
        Objects.requireNonNull(task, "task");
        outcomes = List.copyOf(outcomes);
        elapsed = Objects.requireNonNullElse(elapsed, Duration.ZERO);
        notes = List.copyOf(notes);
    }

    public long count(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public long imported() {
        return count(Status.IMPORTED);
    }

    public long skipped() {
        return count(Status.SKIPPED);
    }

    public long failed() {
        return count(Status.FAILED);
    }

    /** The outcomes of one status, in input order. */
    public List<ImportOutcome> outcomes(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    /** A few lines for people: counts, time, cancellation and notes. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s from %s: %,d imported, %,d skipped,"
                + " %,d failed in %.1f s", task, source == null ? "?" : source.getFileName(), imported(), skipped(),
                failed(), elapsed.toMillis() / 1000.0));
        if (cancelled) {
            text.append(String.format(Locale.ROOT, "%n  cancelled after %,d items: those reported are in the project,"
                    + " nothing after them was imported", outcomes.size()));
        }
        for (String note : notes) {
            text.append(System.lineSeparator()).append("  ").append(note);
        }
        return text.toString();
    }

    /** Writes one CSV line per outcome ({@link #CSV_COLUMNS}), UTF-8, replacing {@code file}. */
    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get()
                        .print(out)) {
            for (ImportOutcome o : outcomes) {
                csv.printRecord(o.item(), o.status(), o.imageId(), o.detail());
            }
        }
    }

    /** Collects a report while an import runs. */
    public static final class Builder {
        private final String task;
        private final Path source;
        private final long started = System.nanoTime();
        private final List<ImportOutcome> outcomes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private boolean cancelled;

        public Builder(String task, Path source) {
            this.task = task;
            this.source = source;
        }

        public Builder add(ImportOutcome outcome) {
            outcomes.add(outcome);
            return this;
        }

        public Builder addAll(List<ImportOutcome> more) {
            outcomes.addAll(more);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Builder cancelled() {
            cancelled = true;
            return this;
        }

        public int size() {
            return outcomes.size();
        }

        public ImportReport build() {
            return new ImportReport(task, source, outcomes, cancelled, Duration.ofNanos(System.nanoTime() - started),
                    notes);
        }
    }
}
