package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lightbox.dataset.Cxr14Schema;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Projects for the UI tests, written through the store API before the workbench opens them. The CXR14 one
 * reads {@code IMAGE_INDEX.csv} with string splitting only (its first six columns are never quoted), so the
 * expected images do not depend on the code under test.
 */
final class TestProjects {

    private static final LightboxFactory F = LightboxFactory.eINSTANCE;

    private TestProjects() {
    }

    /** The shared data folder ({@code lightbox.shared}/data); skips the test when it or {@code relative} is missing. */
    static Path shared(String relative) {
        String shared = System.getProperty("lightbox.shared");
        Path data = shared == null ? null : Path.of(shared, "data");
        assumeTrue(data != null && Files.exists(data.resolve(relative)),
                "skipped: shared test data not found (" + relative + " under lightbox.shared = " + shared + ")");
        return data.resolve(relative);
    }

    /** One row of IMAGE_INDEX.csv: image, finding_labels, patient_id, age, sex, view. */
    record IndexRow(String image, List<String> findings, String patient, int age, String sex, String view) {
    }

    static List<IndexRow> imageIndex() throws IOException {
        List<IndexRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(shared("cxr14/IMAGE_INDEX.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            List<String> findings = f[1].equals("No Finding") ? List.of() : Arrays.asList(f[1].split("\\|"));
            rows.add(new IndexRow(f[0], findings, f[2], Integer.parseInt(f[3]), f[4], f[5]));
        }
        return rows;
    }

    /** A project of the 96 shared CXR14 images with their NLP labels and metadata, in IMAGE_INDEX.csv's order. */
    static Path cxr14(Path folder) throws IOException {
        Path images = shared("cxr14/images");
        Project project = project("CXR14 shared sample");
        List<ImageRecord> records = new ArrayList<>();
        for (IndexRow row : imageIndex()) {
            ImageRecord image = image(row.image(), images.resolve(row.image()).toString(), ImageFormat.PNG);
            image.setPatientKey(row.patient());
            image.setPatientAge(row.age());
            image.setPatientSex(row.sex().equals("M") ? Sex.MALE : Sex.FEMALE);
            image.setViewPosition(ViewPosition.get(row.view()));
            for (String code : row.findings()) {
                SourceLabel label = F.createSourceLabel();
                Finding finding = F.createFinding();
                finding.setCode(code);
                label.setFinding(finding);
                label.setValue(ReadValue.PRESENT);
                label.setSource("NLP");
                image.getSourceLabels().add(label);
            }
            records.add(image);
        }
        return write(folder, project, records);
    }

    /**
     * A project of all 112,120 rows of {@code Data_Entry_2017_v2020.csv.gz}, without pixels (only 96 of the
     * images are in the shared data), in the file's order.
     */
    static Path cxr14AllRows(Path folder) throws IOException {
        Path csv = shared("cxr14/Data_Entry_2017_v2020.csv.gz");
        List<ImageRecord> records = new ArrayList<>();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                ImageRecord image = image(f[0], null, ImageFormat.PNG);
                image.setFollowUp(Integer.parseInt(f[2]));
                image.setPatientKey(f[3]);
                image.setPatientAge(Integer.parseInt(f[4]));
                image.setPatientSex(f[5].equals("M") ? Sex.MALE : Sex.FEMALE);
                image.setViewPosition(ViewPosition.get(f[6]));
                records.add(image);
            }
        }
        return write(folder, project("CXR14, all rows"), records);
    }

    static ImageRecord image(String id, String location, ImageFormat format) {
        ImageRecord image = F.createImageRecord();
        image.setImageId(id);
        image.setLocation(location);
        image.setFormat(format);
        return image;
    }

    static Project project(String name) {
        Project project = F.createProject();
        project.setName(name);
        project.setLabelSchema(Cxr14Schema.create());
        return project;
    }

    /** Creates the project file {@code folder/project.lightbox} with these images and closes it. */
    static Path write(Path folder, Project project, List<ImageRecord> images) {
        Path file = folder.resolve("project.lightbox");
        BundleContext context = FrameworkUtil.getBundle(TestProjects.class).getBundleContext();
        ServiceTracker<ProjectStore, ProjectStore> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + ProjectStore.class.getName()
                    + ")(" + ProjectStore.KIND_PROPERTY + "=" + ProjectStore.KIND_SQLITE + "))"), null);
            tracker.open();
            ProjectStore store = tracker.waitForService(10_000);
            assertNotNull(store, "no SQLite ProjectStore service within 10 s");
            try (ProjectSession session = store.create(new StoreLocation.SqliteFile(file), project)) {
                for (int from = 0; from < images.size(); from += 10_000) {
                    session.addImages(images.subList(from, Math.min(images.size(), from + 10_000)));
                }
            }
            tracker.close();
        } catch (Exception e) {
            throw new AssertionError("cannot write the test project " + file, e);
        }
        return file;
    }
}
