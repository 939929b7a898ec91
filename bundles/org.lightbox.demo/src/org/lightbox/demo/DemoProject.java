package org.lightbox.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.dataset.Cxr14Schema;
import org.lightbox.dataset.DatasetImporter;
import org.lightbox.dataset.ImportException;
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
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomFile;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomSet;
import org.lightbox.phantom.PhantomSetWriter;
import org.lightbox.phantom.ReaderProfile;
import org.lightbox.phantom.SimulatedRead;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

/**
 * The built-in demo project: synthetic chest radiographs from the phantom generator (no patient data),
 * brought in the way a lead brings in ChestX-ray14 (the images and {@code Data_Entry_phantom.csv}, the
 * report-mined labels in CXR14's layout, through the {@link DatasetImporter}), with the CXR14 label
 * schema and the simulated readers' reads. The truth stays out of the store, in {@code manifest.csv}
 * beside it, so that the demo's labels are as wrong as real mined labels and can be checked against
 * it. Deterministic for a seed.
 */
public final class DemoProject {

    /** The project file inside the demo folder. */
    public static final String FILE_NAME = "demo.lightbox";
    public static final int DEFAULT_IMAGES = 200;
    /** Width and height of the demo's images; 512² keeps first start to a few seconds. */
    public static final int IMAGE_SIZE = 512;
    public static final long DEFAULT_SEED = 20261122L;
    private DemoProject() {
    }

    /** The demo's store file in {@code folder}, creating folder, images and project if they are not there yet. */
    public static Path ensure(Path folder, ProjectStore store, DatasetImporter importer) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(folder, store, importer, DEFAULT_IMAGES, DEFAULT_SEED).close();
        }
        return file;
    }

    /**
     * Writes {@code count} phantoms into {@code folder/images} (16-bit PNG), their manifest, reads and
     * Data_Entry files into {@code folder}, creates the project and imports them; returns it open.
     *
     * @throws IllegalStateException if the import does not take every image (the demo would be incomplete)
     */
    public static ProjectSession create(Path folder, ProjectStore store, DatasetImporter importer, int count,
            long seed) {
        PhantomConfig config = PhantomConfig.defaults().withSize(IMAGE_SIZE);
        PhantomSet set;
        try {
            Files.createDirectories(folder);
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            set = new PhantomSetWriter(new PhantomGenerator(config, seed), PhantomEncoder.png16(), threads)
                    .write(folder, count);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo project into " + folder + ": " + e.getMessage(), e);
        }
        Project project = project(config.readers());
        ProjectSession session = store.create(new StoreLocation.SqliteFile(folder.resolve(FILE_NAME)), project);
        try {
            ImportReport report = importer.importCxr14Labels(session, folder.resolve(PhantomSetWriter.DATA_ENTRY),
                    folder.resolve(PhantomSetWriter.IMAGES), ImportProgress.NONE);
            if (report.failed() > 0 || session.imageCount() != count) {
                throw new IllegalStateException("The demo's import took " + session.imageCount() + " of " + count
                        + " images: " + report.summary());
            }
            recordReads(session, set);
            return session;
        } catch (ImportException e) {
            session.close();
            throw new IllegalStateException("Cannot import the demo project's images: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static Project project(List<ReaderProfile> readers) {
        LightboxFactory f = LightboxFactory.eINSTANCE;
        Project project = f.createProject();
        project.setName("Lightbox demo");
        project.setDescription("Synthetic chest radiograph phantoms with planted findings, devices and broken images;"
                + " source labels mined from simulated reports, three simulated readers; truth in manifest.csv."
                + " No patient data.");
        project.setCreated(new Date());
        project.setLabelSchema(Cxr14Schema.create());
        for (ReaderProfile profile : readers) {
            Reader reader = f.createReader();
            reader.setId(profile.id());
            reader.setName(profile.name());
            reader.setRole(ReaderRole.RADIOLOGIST);
            project.getReaders().add(reader);
        }
        return project;
    }

    /** The simulated readers' calls, all in one transaction (a few thousand rows). */
    private static void recordReads(ProjectSession session, PhantomSet set) {
        Map<String, Reader> readers = new HashMap<>();
        for (Reader reader : session.project().getReaders()) {
            readers.put(reader.getId(), reader);
        }
        session.inTransaction(s -> {
            for (PhantomFile file : set.files()) {
                ImageRecord image = LightboxFactory.eINSTANCE.createImageRecord();
                image.setImageId(file.file().getFileName().toString());
                for (SimulatedRead simulated : file.phantom().reads()) {
                    Read read = LightboxFactory.eINSTANCE.createRead();
                    read.setReader(readers.get(simulated.readerId()));
                    read.setImage(image);
                    read.setFinding(finding(simulated.finding().code()));
                    read.setValue(switch (simulated.call()) {
                        case PRESENT -> ReadValue.PRESENT;
                        case ABSENT -> ReadValue.ABSENT;
                        case UNCERTAIN -> ReadValue.UNCERTAIN;
                    });
                    read.setReadAt(Date.from(simulated.readAt()));
                    read.setDurationMillis(simulated.durationMillis());
                    s.recordRead(read);
                }
            }
            return null;
        });
    }

    private static Finding finding(String code) {
        Finding finding = LightboxFactory.eINSTANCE.createFinding();
        finding.setCode(code);                      // matched by code in the store
        return finding;
    }
}
