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
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportException.Reason;
import org.lightbox.dataset.ImportOutcome;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.imaging.PatientKey;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.store.ProjectSession;

/** Imports the image files of a folder tree, one outcome per file (see DatasetImporter#importFolder). */
final class FolderImport {

    /** Files per transaction: decoding dominates, so small batches cost nothing and lose little on cancel. */
    private static final int BATCH = 50;
    static final String SOURCE = "folder import";

    private final ImageProbe probe;

    FolderImport(ImageProbe probe) {
        this.probe = probe;
    }

    ImportReport run(ProjectSession project, Path folder, ImportProgress progress) throws ImportException {
        List<Path> files = listFiles(folder);
        ImportReport.Builder report = new ImportReport.Builder("Folder import", folder);
        progress.begin("Importing images from " + folder, files.size());
        Batch batch = new Batch(project, report);
        Pseudonyms pseudonyms = new Pseudonyms(project);
        Map<String, String> hashesThisRun = new HashMap<>();
        Map<String, String> idsThisRun = new HashMap<>();
        int done = 0;
        for (Path file : files) {
            if (progress.isCancelled()) {
                report.cancelled().note(String.format(Locale.ROOT, "cancelled after %,d of %,d files", done, files.size()));
                break;
            }
            String item = folder.relativize(file).toString().replace('\\', '/');
            batch.outcome(importOne(project, file, item, pseudonyms, hashesThisRun, idsThisRun, batch));
            done++;
            progress.worked(1);
            if (batch.size() >= BATCH && !batch.commit(progress)) {
                return report.build();
            }
        }
        batch.commit(progress);
        return report.build();
    }

    private static List<Path> listFiles(Path folder) throws ImportException {
        if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
            throw new ImportException(Reason.UNREADABLE, folder, "Cannot import from " + folder + ": "
                    + (Files.exists(folder) ? "it is not a readable folder" : "it does not exist"));
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException(Reason.UNREADABLE, folder, "Cannot list the files under " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    private ImportOutcome importOne(ProjectSession project, Path file, String item, Pseudonyms pseudonyms,
            Map<String, String> hashesThisRun, Map<String, String> idsThisRun, Batch batch) {
        ImageProbe.Result result;
        try {
            result = probe.probe(file);
        } catch (IOException e) {
            return ImportOutcome.failed(item, "", "cannot read the file: " + e.getMessage());
        }
        String earlier = hashesThisRun.get(result.contentHash());
        if (earlier == null) {
            earlier = project.imageWithContentHash(result.contentHash()).map(ImageRecord::getImageId).orElse(null);
        }
        if (earlier != null) {
            return ImportOutcome.skipped(item, earlier, "already imported (same content hash) as " + earlier);
        }
        return switch (result) {
            case ImageProbe.NotAnImage not -> ImportOutcome.skipped(item, "", not.reason());
            case ImageProbe.Broken broken -> ImportOutcome.failed(item, "", broken.reason());
            case ImageProbe.Image image -> {
                Optional<Cxr14Names> cxr14 = Cxr14Names.parse(file.getFileName().toString());
                String imageId = cxr14.map(Cxr14Names::imageId).orElse(item);
                String other = idsThisRun.get(imageId);
                if (other != null) {
                    yield ImportOutcome.skipped(item, imageId, "image id " + imageId + " was taken by " + other
                            + " in this import");
                }
                ImportOutcome outcome = store(project, file, item, imageId, image, cxr14, pseudonyms, batch);
                if (outcome.status() == ImportOutcome.Status.IMPORTED) {
                    hashesThisRun.put(image.contentHash(), imageId);
                    idsThisRun.put(imageId, item);
                }
                yield outcome;
            }
        };
    }

    private static ImportOutcome store(ProjectSession project, Path file, String item, String imageId,
            ImageProbe.Image image, Optional<Cxr14Names> cxr14, Pseudonyms pseudonyms, Batch batch) {
        List<String> notes = new ArrayList<>(image.notes());
        Optional<ImageRecord> existing = project.image(imageId);
        if (existing.isPresent() && existing.get().getLocation() != null) {
            return ImportOutcome.skipped(item, imageId, "image id " + imageId
                    + " is already in the project with other content (" + existing.get().getLocation() + ")");
        }
        ImageRecord record = existing.map(EcoreUtil::copy).orElseGet(() -> {
            ImageRecord fresh = LightboxFactory.eINSTANCE.createImageRecord();
            fresh.setImageId(imageId);
            fresh.setSource(SOURCE);
            return fresh;
        });
        Pixels.link(record, file, image);
        if (record.getPatientKey() == null) {
            PatientKey identity = image.patientKey();
            if (identity.basis() == PatientKey.Basis.STUDY_INSTANCE_UID) {
                notes.add("no Patient ID: the patient key groups the images of one study only");
            }
            record.setPatientKey(cxr14.isPresent() ? pseudonyms.cxr14(cxr14.get().patientId()) : pseudonyms.of(identity));
        }
        if (record.getFollowUp() == null && cxr14.isPresent()) {
            record.setFollowUp(cxr14.get().followUp());
        }
        if (existing.isPresent()) {
            notes.addFirst("pixels linked to the record already in the project");
            batch.update(record);
        } else {
            batch.add(record);
        }
        return ImportOutcome.imported(item, imageId, String.join("; ", notes));
    }
}
