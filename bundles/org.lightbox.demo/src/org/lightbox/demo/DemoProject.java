package org.lightbox.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.model.Finding;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomFile;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomSet;
import org.lightbox.phantom.PhantomSetWriter;
import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.ReaderProfile;
import org.lightbox.phantom.SimulatedRead;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

/**
 * The built-in demo project: synthetic chest radiographs from the phantom generator (no patient data)
 * with the report-mined labels as source labels, the simulated readers and their reads, and the CXR14
 * label schema. The truth stays out of the store, in {@code manifest.csv} beside it, so that the
 * demo's labels are as wrong as real mined labels and can be checked against it. Deterministic for a
 * seed.
 */
public final class DemoProject {

    /** The project file inside the demo folder. */
    public static final String FILE_NAME = "demo.lightbox";
    public static final int DEFAULT_IMAGES = 200;
    /** Width and height of the demo's images; 512² keeps first start to a few seconds. */
    public static final int IMAGE_SIZE = 512;
    public static final long DEFAULT_SEED = 20261122L;
    /** Source of the images and of their labels (the report-mined labels of a phantom set). */
    public static final String SOURCE = "phantom";
    public static final String LABEL_SOURCE = "report-mined";

    private DemoProject() {
    }

    /** The demo's store file in {@code folder}, creating folder, images and project if they are not there yet. */
    public static Path ensure(Path folder, ProjectStore store) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(folder, store, DEFAULT_IMAGES, DEFAULT_SEED).close();
        }
        return file;
    }

    /**
     * Writes {@code count} phantoms into {@code folder/images} (16-bit PNG), their manifest, reads and
     * Data_Entry files into {@code folder}, and creates the project; returns it open.
     */
    public static ProjectSession create(Path folder, ProjectStore store, int count, long seed) {
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
            List<ImageRecord> records = new ArrayList<>();
            for (PhantomFile file : set.files()) {
                records.add(record(file));
            }
            session.addImages(records);
            recordReads(session, set);
            return session;
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

    private static ImageRecord record(PhantomFile file) {
        PhantomTruth truth = file.phantom().truth();
        LightboxFactory f = LightboxFactory.eINSTANCE;
        ImageRecord record = f.createImageRecord();
        record.setImageId(file.file().getFileName().toString());
        record.setLocation(file.file().toAbsolutePath().toString());
        record.setContentHash(file.sha256());
        record.setFormat(ImageFormat.PNG);
        record.setWidth(file.width());
        record.setHeight(file.height());
        record.setFrameCount(1);
        record.setPatientKey(truth.patientId());
        record.setPatientAge(truth.age());
        record.setPatientSex(truth.female() ? Sex.FEMALE : Sex.MALE);
        // as in CXR14, the view recorded is the one requested, even where a lateral film was filed
        record.setViewPosition(truth.projection() == org.lightbox.phantom.Projection.AP ? ViewPosition.AP
                : ViewPosition.PA);
        record.setModality("DX");
        record.setFollowUp(truth.followUp());
        record.setSource(SOURCE);
        for (PlantedFinding finding : file.phantom().reported()) {
            SourceLabel label = f.createSourceLabel();
            label.setValue(ReadValue.PRESENT);
            label.setSource(LABEL_SOURCE);
            label.setFinding(finding(finding.code()));
            record.getSourceLabels().add(label);
        }
        return record;
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
