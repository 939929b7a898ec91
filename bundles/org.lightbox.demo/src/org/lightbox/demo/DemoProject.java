package org.lightbox.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

/**
 * The small built-in demo project: synthetic chest-radiograph-like PNGs (no patient data) with known
 * planted findings as source labels, three readers and the CXR14 label schema. Deterministic for a seed.
 */
public final class DemoProject {

    /** The project file inside the demo folder. */
    public static final String FILE_NAME = "demo.lightbox";
    public static final int DEFAULT_IMAGES = 24;
    private static final String SOURCE = "demo-phantom";

    private DemoProject() {
    }

    /** The demo's store file in {@code folder}, creating folder, images and project if they are not there yet. */
    public static Path ensure(Path folder, ProjectStore store) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(folder, store, DEFAULT_IMAGES, 20261122L).close();
        }
        return file;
    }

    /** Writes {@code count} phantom images into {@code folder/images} and creates the project; returns it open. */
    public static ProjectSession create(Path folder, ProjectStore store, int count, long seed) {
        try {
            Path images = Files.createDirectories(folder.resolve("images"));
            Random random = new Random(seed);
            List<ImageRecord> records = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                records.add(writeImage(images, i, random));
            }
            ProjectSession session = store.create(new StoreLocation.SqliteFile(folder.resolve(FILE_NAME)), project());
            session.addImages(records);
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo project into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Project project() {
        LightboxFactory f = LightboxFactory.eINSTANCE;
        Project project = f.createProject();
        project.setName("Lightbox demo");
        project.setDescription("Synthetic chest radiograph phantoms with planted findings; no patient data.");
        project.setCreated(new Date());
        project.setLabelSchema(Cxr14Schema.create());
        for (String name : List.of("Reader A", "Reader B", "Reader C")) {
            Reader reader = f.createReader();
            reader.setId(name.toLowerCase().replace(' ', '-'));
            reader.setName(name);
            reader.setRole(ReaderRole.RADIOLOGIST);
            project.getReaders().add(reader);
        }
        return project;
    }

    private static ImageRecord writeImage(Path folder, int index, Random random) throws IOException {
        int patient = 1 + index * 2 / 3;           // some patients have two studies
        boolean child = patient % 9 == 0;
        Phantom phantom = Phantom.random(random, child);
        String name = String.format("demo_%04d_%03d.png", patient, index % 3);
        Path file = folder.resolve(name);
        byte[] png = phantom.png(512);
        Files.write(file, png);

        LightboxFactory f = LightboxFactory.eINSTANCE;
        ImageRecord record = f.createImageRecord();
        record.setImageId(name);
        record.setLocation(file.toAbsolutePath().toString());
        record.setContentHash(sha256(png));
        record.setFormat(ImageFormat.PNG);
        record.setWidth(512);
        record.setHeight(512);
        record.setPatientKey(String.format("demo-%04d", patient));
        record.setPatientAge(child ? 4 + random.nextInt(10) : 25 + random.nextInt(60));
        record.setPatientSex(random.nextBoolean() ? Sex.FEMALE : Sex.MALE);
        record.setViewPosition(phantom.anteroposterior() ? ViewPosition.AP : ViewPosition.PA);
        record.setModality("DX");
        record.setFollowUp(index % 3);
        record.setSource(SOURCE);
        for (String code : phantom.findings()) {
            SourceLabel label = f.createSourceLabel();
            label.setValue(ReadValue.PRESENT);
            label.setSource(SOURCE);
            record.getSourceLabels().add(withFinding(label, code));
        }
        return record;
    }

    private static SourceLabel withFinding(SourceLabel label, String code) {
        org.lightbox.model.Finding finding = LightboxFactory.eINSTANCE.createFinding();
        finding.setCode(code);                      // matched by code in the store
        label.setFinding(finding);
        return label;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
