package org.lightbox.dataset.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportException.Reason;
import org.lightbox.dataset.ImportOutcome;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.store.ProjectSession;

/** Imports a CXR14 Data_Entry label file (see DatasetImporter#importCxr14Labels). */
final class Cxr14LabelImport {

    /** Rows per transaction: large enough that commits (an fsync each) do not dominate. */
    static final int BATCH = 2_000;
    /** Image sources written by this import start so; an image with such a source has its labels. */
    static final String SOURCE_PREFIX = "NIH ChestX-ray14";

    private final ImageProbe probe;

    Cxr14LabelImport(ImageProbe probe) {
        this.probe = probe;
    }

    /** A parsed row waiting for its batch. */
    private record Pending(String item, Cxr14Row.Parsed parsed) {
    }

    ImportReport run(ProjectSession project, Path labelFile, Path imagesFolder, ImportProgress progress)
            throws ImportException {
        Map<String, Path> files = imagesFolder == null ? Map.of() : listImages(imagesFolder);
        try (CsvInput input = CsvInput.open(labelFile, progress, "Importing CXR14 labels from " + labelFile.getFileName())) {
            Columns columns = new Columns(input.header(), concat(Cxr14Row.REQUIRED, Cxr14Row.IGNORED));
            List<String> unexpected = columns.unmatched().stream().map(columns::name).toList();
            List<String> missing = columns.missing(Cxr14Row.REQUIRED);
            if (!missing.isEmpty() || !unexpected.isEmpty()) {
                throw Columns.wrong(labelFile, "a CXR14 label file (Data_Entry_2017)", missing, unexpected,
                        String.join(", ", Cxr14Row.REQUIRED) + " (2017 or 2020 spelling), optionally v2020's "
                                + "OriginalImage and PixelSpacing columns");
            }
            ImportReport.Builder report = new ImportReport.Builder("CXR14 labels", labelFile);
            Map<String, Finding> findings = findingsByKey(project);
            String source = SOURCE_PREFIX + " " + labelFile.getFileName();
            Pseudonyms pseudonyms = new Pseudonyms(project);
            Map<String, String> firstLine = new HashMap<>();
            long withoutPixels = 0;
            while (true) {
                if (progress.isCancelled()) {
                    report.cancelled().note(String.format(Locale.ROOT, "cancelled after %,d rows", report.size()));
                    break;
                }
                List<Pending> rows = new ArrayList<>(BATCH);
                for (CSVRecord row; rows.size() < BATCH && (row = input.next()) != null;) {
                    rows.add(new Pending(CsvInput.line(row), Cxr14Row.parse(row, columns, findings, source)));
                }
                if (rows.isEmpty()) {
                    break;
                }
                Batch batch = new Batch(project, report);
                withoutPixels += store(project, rows, files, imagesFolder, pseudonyms, firstLine, batch);
                boolean stored = batch.commit(progress);
                input.reportProgress();
                if (!stored) {
                    return report.build();
                }
            }
            if (imagesFolder != null) {
                report.note(String.format(Locale.ROOT, "%,d rows have no image file in %s and were kept without pixels",
                        withoutPixels, imagesFolder));
            }
            return report.build();
        }
    }

    /** Adds the batch's rows to the batch; returns how many new records have no pixels. */
    private long store(ProjectSession project, List<Pending> rows, Map<String, Path> files, Path imagesFolder,
            Pseudonyms pseudonyms, Map<String, String> firstLine, Batch batch) {
        List<String> ids = rows.stream().filter(p -> p.parsed().image() != null).map(p -> p.parsed().image().getImageId())
                .toList();
        Map<String, ImageRecord> existing = new HashMap<>();
        project.imagesById(ids).forEach(image -> existing.put(image.getImageId(), image));
        long withoutPixels = 0;
        for (Pending row : rows) {
            Cxr14Row.Parsed parsed = row.parsed();
            if (parsed.refusal() != null) {
                batch.outcome(ImportOutcome.failed(row.item(), parsed.imageId(), parsed.refusal()));
                continue;
            }
            ImageRecord image = parsed.image();
            String earlier = firstLine.putIfAbsent(image.getImageId(), row.item());
            if (earlier != null) {
                batch.outcome(ImportOutcome.skipped(row.item(), image.getImageId(), "listed again (first on " + earlier + ")"));
                continue;
            }
            List<String> notes = new ArrayList<>(parsed.notes());
            if (!parsed.patientId().isEmpty()) {
                image.setPatientKey(pseudonyms.cxr14(parsed.patientId()));
            }
            ImageRecord before = existing.get(image.getImageId());
            Path file = files.get(image.getImageId());
            if (before == null) {
                if (!linkPixels(image, file, notes)) {
                    withoutPixels++;
                    if (imagesFolder != null) {
                        notes.add("no image file, kept without pixels");
                    }
                }
                batch.add(image);
                batch.outcome(ImportOutcome.imported(row.item(), image.getImageId(), String.join("; ", notes)));
            } else {
                batch.outcome(complete(before, image, file, row.item(), notes, batch));
            }
        }
        return withoutPixels;
    }

    /** A row of an image already in the project: adds what it lacks (labels, pixels) or skips the row. */
    private ImportOutcome complete(ImageRecord before, ImageRecord row, Path file, String item, List<String> notes,
            Batch batch) {
        boolean hasLabels = before.getSource() != null && before.getSource().startsWith(SOURCE_PREFIX);
        boolean needsPixels = before.getLocation() == null && file != null;
        if (hasLabels && !needsPixels) {
            return ImportOutcome.skipped(item, row.getImageId(), "already imported");
        }
        ImageRecord merged = EcoreUtil.copy(before);
        if (!hasLabels) {
            merged.setSource(row.getSource());
            merged.setPatientKey(row.getPatientKey());
            merged.setPatientAge(row.getPatientAge());
            merged.setPatientSex(row.getPatientSex());
            merged.setViewPosition(row.getViewPosition());
            merged.setFollowUp(row.getFollowUp());
            merged.getSourceLabels().clear();
            merged.getSourceLabels().addAll(row.getSourceLabels());
            notes.addFirst("labels added to the image imported before");
        }
        if (needsPixels && linkPixels(merged, file, notes)) {
            notes.addFirst("pixels linked to the image imported before");
        }
        batch.update(merged);
        return ImportOutcome.imported(item, row.getImageId(), String.join("; ", notes));
    }

    /** Links the file's pixels to the record; false (with a note if the file is broken) when there are none. */
    private boolean linkPixels(ImageRecord image, Path file, List<String> notes) {
        if (file == null) {
            return false;
        }
        try {
            return switch (probe.probe(file)) {
                case ImageProbe.Image pixels -> {
                    Pixels.link(image, file, pixels);
                    notes.addAll(pixels.notes());
                    yield true;
                }
                case ImageProbe.Broken broken -> {
                    notes.add("pixels not linked: " + broken.reason());
                    yield false;
                }
                case ImageProbe.NotAnImage not -> {
                    notes.add("pixels not linked: " + not.reason());
                    yield false;
                }
            };
        } catch (IOException e) {
            notes.add("pixels not linked: cannot read " + file + ": " + e.getMessage());
            return false;
        }
    }

    /** The files under the images folder by file name (the real dataset spreads them over 12 sub-folders). */
    private static Map<String, Path> listImages(Path folder) throws ImportException {
        if (!Files.isDirectory(folder)) {
            throw new ImportException(Reason.UNREADABLE, folder, "Cannot link images from " + folder + ": "
                    + (Files.exists(folder) ? "it is not a folder" : "it does not exist") + ". Nothing was imported.");
        }
        Map<String, Path> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(folder, 3)) {
            walk.filter(Files::isRegularFile).sorted().forEach(f -> files.putIfAbsent(f.getFileName().toString(), f));
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException(Reason.UNREADABLE, folder, "Cannot list the images in " + folder + ": "
                    + e.getMessage(), e);
        }
        return files;
    }

    static Map<String, Finding> findingsByKey(ProjectSession project) {
        Map<String, Finding> findings = new HashMap<>();
        if (project.project().getLabelSchema() != null) {
            for (Finding f : project.project().getLabelSchema().getFindings()) {
                findings.put(Columns.key(f.getCode()), f);
            }
        }
        return findings;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
