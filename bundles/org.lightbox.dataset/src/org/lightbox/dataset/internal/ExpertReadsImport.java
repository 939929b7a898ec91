package org.lightbox.dataset.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportOutcome;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreException;

/**
 * Imports expert reads in the format Google published with its CXR14 relabelling (see
 * DatasetImporter#importExpertReads). The files are small (13,081 and 4,050 rows), so they are read
 * whole and checked before anything is written.
 */
final class ExpertReadsImport {

    static final String IMAGE = "Image ID";
    static final String READER = "Reader ID";
    static final List<String> REQUIRED = List.of(IMAGE, READER);
    /** Columns that describe the row, not a finding. */
    static final List<String> DESCRIPTIVE = List.of("Patient ID", "Set ID");
    /** Reader ids become {@code google-<id>}, so they cannot clash with a project's own readers. */
    static final String READER_PREFIX = "google-";
    private static final int BATCH = 500;

    /** Finding columns of the Google files that CXR14's schema lacks: code and display name by column key. */
    private static final Map<String, String[]> EXTRA_FINDINGS = Map.of(
            "fracture", new String[] {"Fracture", "Fracture"},
            "airspaceopacity", new String[] {"Airspace_opacity", "Airspace opacity"},
            "nodulemass", new String[] {"Nodule_or_mass", "Nodule or mass"},
            "noduleormass", new String[] {"Nodule_or_mass", "Nodule or mass"},
            "abnormal", new String[] {"Abnormal", "Abnormal (any actionable finding)"},
            "other", new String[] {"Other", "Other finding (none of the 14)"});

    /** Where the columns are: image id, reader id, and the finding columns ({code, display name, header}). */
    private record Layout(int image, int reader, int width, Map<Integer, String[]> findings) {
    }

    /** One checked row: its reads by finding code, or the reason it is refused. */
    private record Row(String item, String imageId, String readerId, Map<String, ReadValue> values, String refusal) {
    }

    ImportReport run(ProjectSession project, Path csv, ImportProgress progress) throws ImportException {
        List<Row> rows = new ArrayList<>();
        Layout layout;
        try (CsvInput input = CsvInput.open(csv, progress, "Importing expert reads from " + csv.getFileName())) {
            layout = layout(project, csv, input.header());
            for (CSVRecord record; (record = input.next()) != null;) {
                rows.add(row(record, layout));
            }
            input.reportProgress();
        }
        ImportReport.Builder report = new ImportReport.Builder("Expert reads", csv);
        Map<String, ImageRecord> images = new HashMap<>();
        project.imagesById(rows.stream().map(Row::imageId).filter(id -> !id.isEmpty()).distinct().toList())
                .forEach(i -> images.put(i.getImageId(), i));
        List<Row> usable = rows.stream().filter(r -> r.refusal() == null && images.containsKey(r.imageId())).toList();
        if (!usable.isEmpty()) { // a file of images the project lacks changes nothing
            List<String> added = addFindingsAndReaders(project, layout.findings(), usable);
            if (!added.isEmpty()) {
                report.note("added to the label schema: " + String.join(", ", added));
            }
        }
        Ledger ledger = new Ledger(existingReads(project, usable), finalValues(usable));
        Map<String, Reader> readers = new HashMap<>();
        project.project().getReaders().forEach(r -> readers.put(r.getId(), r));
        Map<String, Finding> findings = new HashMap<>();
        if (project.project().getLabelSchema() != null) {
            project.project().getLabelSchema().getFindings().forEach(f -> findings.put(f.getCode(), f));
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            if (progress.isCancelled()) {
                report.cancelled().note(String.format(Locale.ROOT, "cancelled after %,d of %,d rows", from, rows.size()));
                break;
            }
            List<Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            try {
                report.addAll(project.inTransaction(session -> record(session, batch, images, readers, findings, ledger)));
            } catch (StoreException e) {
                report.note("stopped at row " + (from + 1) + ": the store refused a batch (" + e.getMessage()
                        + "); earlier batches are in the project");
                break;
            }
            progress.note(String.format(Locale.ROOT, "%,d of %,d rows done", from + batch.size(), rows.size()));
        }
        return report.build();
    }

    /** Where the columns are; WRONG_COLUMNS if one is missing or unknown. */
    private static Layout layout(ProjectSession project, Path csv, List<String> header)
            throws ImportException {
        List<String> known = new ArrayList<>(REQUIRED);
        known.addAll(DESCRIPTIVE);
        Columns columns = new Columns(header, known);
        Map<String, Finding> schema = Cxr14LabelImport.findingsByKey(project);
        if (project.project().getLabelSchema() != null) {
            project.project().getLabelSchema().getFindings().forEach(f -> schema.putIfAbsent(Columns.key(f.getDisplayName()), f));
        }
        Map<Integer, String[]> findings = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (int index : columns.unmatched()) {
            String name = columns.name(index);
            Finding finding = schema.get(Columns.key(name));
            String[] extra = EXTRA_FINDINGS.get(Columns.key(name));
            if (finding != null) {
                findings.put(index, new String[] {finding.getCode(), finding.getDisplayName(), name});
            } else if (extra != null) {
                findings.put(index, new String[] {extra[0], extra[1], name});
            } else {
                unexpected.add(name);
            }
        }
        List<String> missing = new ArrayList<>(columns.missing(REQUIRED));
        if (findings.isEmpty()) {
            missing.add("(at least one finding column)");
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw Columns.wrong(csv, "expert reads in the Google format", missing, unexpected, "Image ID, Reader ID,"
                    + " optionally Patient ID and Set ID, and one column per finding (a finding of the label schema,"
                    + " or Fracture, Airspace opacity, Nodule/mass, Abnormal, Other)");
        }
        return new Layout(columns.index(IMAGE), columns.index(READER), columns.headerSize(), findings);
    }

    private static Row row(CSVRecord record, Layout layout) {
        String item = CsvInput.line(record);
        String imageId = field(record, layout.image());
        String readerId = field(record, layout.reader());
        if (!record.isConsistent()) {
            return new Row(item, imageId, readerId, Map.of(), "has " + record.size() + " fields where the header has "
                    + layout.width());
        }
        if (imageId.isEmpty() || readerId.isEmpty()) {
            return new Row(item, imageId, readerId, Map.of(), "no " + (imageId.isEmpty() ? IMAGE : READER));
        }
        Map<String, ReadValue> values = new LinkedHashMap<>();
        for (Map.Entry<Integer, String[]> column : layout.findings().entrySet()) {
            String text = field(record, column.getKey());
            if (text.isEmpty()) {
                continue; // no read for this finding: missing reads are real
            }
            ReadValue value = value(text);
            if (value == null) {
                return new Row(item, imageId, readerId, Map.of(), "'" + text + "' in column '" + column.getValue()[2]
                        + "' is not YES, NO or HEDGE" + (column.getValue()[0].equals("Abnormal") ? " (or 1, 0)" : ""));
            }
            values.put(column.getValue()[0], value);
        }
        return new Row(item, imageId, READER_PREFIX + readerId, values, null);
    }

    private static String field(CSVRecord record, int index) {
        return index >= 0 && index < record.size() ? record.get(index).strip() : "";
    }

    /** YES/NO/HEDGE; the all-findings file writes its Abnormal column as 1/0. */
    static ReadValue value(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "YES", "1" -> ReadValue.PRESENT;
            case "NO", "0" -> ReadValue.ABSENT;
            case "HEDGE" -> ReadValue.UNCERTAIN;
            default -> null;
        };
    }

    /** Adds the missing findings and readers in one transaction; returns the display names of added findings. */
    private static List<String> addFindingsAndReaders(ProjectSession project, Map<Integer, String[]> findingColumns,
            List<Row> rows) {
        return project.inTransaction(session -> {
            List<String> added = new ArrayList<>();
            Project copy = EcoreUtil.copy(session.project());
            if (copy.getLabelSchema() == null) {
                copy.setLabelSchema(LightboxFactory.eINSTANCE.createLabelSchema());
                copy.getLabelSchema().setName("Expert reads");
            }
            Set<String> codes = new LinkedHashSet<>();
            copy.getLabelSchema().getFindings().forEach(f -> codes.add(f.getCode()));
            for (String[] column : findingColumns.values()) {
                if (codes.add(column[0])) {
                    Finding finding = LightboxFactory.eINSTANCE.createFinding();
                    finding.setCode(column[0]);
                    finding.setDisplayName(column[1]);
                    finding.setDescription("added by the import of expert reads (column '" + column[2] + "')");
                    copy.getLabelSchema().getFindings().add(finding);
                    added.add(column[1]);
                }
            }
            if (!added.isEmpty()) {
                session.saveProject(copy);
            }
            Set<String> known = new LinkedHashSet<>();
            session.project().getReaders().forEach(r -> known.add(r.getId()));
            List<Reader> readers = new ArrayList<>();
            for (Row row : rows) {
                if (row.refusal() == null && known.add(row.readerId())) {
                    Reader reader = LightboxFactory.eINSTANCE.createReader();
                    reader.setId(row.readerId());
                    reader.setName("Google expert reader " + row.readerId().substring(READER_PREFIX.length()));
                    reader.setRole(ReaderRole.EXTERNAL);
                    readers.add(reader);
                }
            }
            if (!readers.isEmpty()) {
                session.addReaders(readers);
            }
            return added;
        });
    }

    /** The current reads of the file's readers, by reader, image and finding. */
    private static Map<String, ReadValue> existingReads(ProjectSession project, List<Row> rows) {
        Map<String, ReadValue> existing = new HashMap<>();
        rows.stream().map(Row::readerId).filter(id -> !id.isEmpty()).distinct().forEach(readerId -> {
            for (Read read : project.readsOfReader(readerId)) {
                existing.put(key(readerId, read.getImage().getImageId(), read.getFinding().getCode()), read.getValue());
            }
        });
        return existing;
    }

    /** The value the last row of the file gives each reader × image × finding. */
    private static Map<String, ReadValue> finalValues(List<Row> rows) {
        Map<String, ReadValue> last = new HashMap<>();
        for (Row row : rows) {
            row.values().forEach((finding, value) -> last.put(key(row.readerId(), row.imageId(), finding), value));
        }
        return last;
    }

    /**
     * What the import knows about reads while it runs: the current ones (from the store, then as
     * recorded), those recorded by this import, and the value the file ends with for each. A reader who
     * read an image twice in the file (four-findings has four such pairs) gets both reads in order, the
     * earlier one ending in the history; importing the file again finds the final value in place and
     * records neither again.
     */
    private static final class Ledger {
        final Map<String, ReadValue> current;
        final Map<String, ReadValue> finalValue;
        final Set<String> fromThisFile = new HashSet<>();

        Ledger(Map<String, ReadValue> current, Map<String, ReadValue> finalValue) {
            this.current = current;
            this.finalValue = finalValue;
        }

        /** The store holds the file's last value already, from an earlier import of this file. */
        boolean alreadyFinal(String key) {
            return !fromThisFile.contains(key) && current.get(key) != null && current.get(key) == finalValue.get(key);
        }
    }

    private static String key(String reader, String image, String finding) {
        return reader + '\u0000' + image + '\u0000' + finding;
    }

    private static List<ImportOutcome> record(ProjectSession session, List<Row> batch, Map<String, ImageRecord> images,
            Map<String, Reader> readers, Map<String, Finding> findings, Ledger ledger) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (Row row : batch) {
            if (row.refusal() != null) {
                outcomes.add(ImportOutcome.failed(row.item(), row.imageId(), row.refusal()));
                continue;
            }
            ImageRecord image = images.get(row.imageId());
            if (image == null) {
                outcomes.add(ImportOutcome.skipped(row.item(), row.imageId(), "image " + row.imageId()
                        + " is not in the project"));
                continue;
            }
            int recorded = 0;
            int unchanged = 0;
            int replacedFromFile = 0;
            for (Map.Entry<String, ReadValue> cell : row.values().entrySet()) {
                String key = key(row.readerId(), row.imageId(), cell.getKey());
                ReadValue before = ledger.current.get(key);
                if (before == cell.getValue() || ledger.alreadyFinal(key)) {
                    unchanged++;
                    continue;
                }
                if (before != null && ledger.fromThisFile.contains(key)) {
                    replacedFromFile++; // the reader read this image twice (four-findings has 4 such pairs)
                }
                Read read = LightboxFactory.eINSTANCE.createRead();
                read.setReader(readers.get(row.readerId()));
                read.setImage(image);
                read.setFinding(findings.get(cell.getKey()));
                read.setValue(cell.getValue());
                session.recordRead(read);
                ledger.current.put(key, cell.getValue());
                ledger.fromThisFile.add(key);
                recorded++;
            }
            String replaced = replacedFromFile == 0 ? "" : "; replaced " + replacedFromFile + " different read(s) of"
                    + " this reader from an earlier row of this file (the earlier ones are in the read history)";
            if (recorded == 0 && unchanged == 0) {
                outcomes.add(ImportOutcome.skipped(row.item(), row.imageId(), "no reads in this row (every finding empty)"));
            } else if (recorded == 0) {
                outcomes.add(ImportOutcome.skipped(row.item(), row.imageId(), "already imported (" + unchanged
                        + " identical reads)"));
            } else {
                outcomes.add(ImportOutcome.imported(row.item(), row.imageId(), recorded + " reads"
                        + (unchanged > 0 ? ", " + unchanged + " already there" : "") + replaced));
            }
        }
        return outcomes;
    }
}
