package org.lightbox.store.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Project;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.ReaderRole;
import org.lightbox.model.Sex;
import org.lightbox.model.ViewPosition;

/**
 * The Google radiologist panel's relabelling of the CXR14 test images ({@code expert-labels/four-findings}):
 * {@code test_labels.csv} (1,962 images with their NLP labels, metadata and the adjudicated panel labels) and
 * the individual reads of those images in {@code individual_readers.csv} (Set ID "test"). Read with string
 * splitting only, so what a test expects does not depend on the code under test. The Pneumothorax column is
 * what goes into the store: NLP labels as source labels, panel labels as consensus ({@value #PANEL}), each
 * reader's YES/NO/HEDGE as a read. Images whose PNG is among the shared CXR14 images get that file as location.
 */
final class GooglePanelSample {

    static final String PANEL = "google-panel";

    record Row(String imageId, List<String> nlpFindings, int followUp, String patientId, int age, String sex,
            String view, String panelPneumothorax) {
    }

    record ReaderCall(String imageId, String readerId, String pneumothorax) {
    }

    final List<Row> rows;
    final List<ReaderCall> calls;
    final Path imagesFolder;

    private GooglePanelSample(List<Row> rows, List<ReaderCall> calls, Path imagesFolder) {
        this.rows = rows;
        this.calls = calls;
        this.imagesFolder = imagesFolder;
    }

    /** The shared data folder named by the system property {@code lightbox.shared}, or null. */
    static Path dataFolder() {
        String shared = System.getProperty("lightbox.shared");
        return shared == null ? null : Path.of(shared, "data");
    }

    static boolean available() {
        Path data = dataFolder();
        return data != null && Files.isRegularFile(data.resolve("expert-labels/four-findings/test_labels.csv"))
                && Files.isRegularFile(data.resolve("expert-labels/four-findings/individual_readers.csv"));
    }

    static GooglePanelSample load() throws IOException {
        Path folder = dataFolder().resolve("expert-labels/four-findings");
        List<Row> rows = lines(folder.resolve("test_labels.csv")).stream().map(line -> {
            // image, labels, follow-up, patient, age, sex, view, width, height, spacing x, y, Fracture, Pneumothorax, …
            String[] f = line.split(",");
            List<String> nlp = f[1].equals("No Finding") ? List.of() : Arrays.asList(f[1].split("\\|"));
            return new Row(f[0], nlp, Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4]), f[5], f[6], f[12]);
        }).toList();
        List<ReaderCall> calls = new ArrayList<>();
        for (String line : lines(folder.resolve("individual_readers.csv"))) {
            // patient, image, reader, Fracture, Pneumothorax, Airspace opacity, Nodule/mass, set
            String[] f = line.split(",");
            if (f[7].equals("test")) {
                calls.add(new ReaderCall(f[1], f[2], f[4]));
            }
        }
        return new GooglePanelSample(rows, calls, dataFolder().resolve("cxr14/images"));
    }

    private static List<String> lines(Path csv) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    Project project() {
        Project project = Cxr14Sample.project();
        project.setName("Google panel, CXR14 test images");
        Set<String> readers = new LinkedHashSet<>();
        calls.forEach(c -> readers.add(c.readerId()));
        readers.forEach(id -> project.getReaders().add(Fixtures.reader(id, null, ReaderRole.RADIOLOGIST, null)));
        return project;
    }

    /** Adds images, reads and panel labels to an open session of {@link #project()}, in one transaction. */
    void fill(org.lightbox.store.ProjectSession session) {
        Project project = session.project();
        Map<String, ImageRecord> images = new HashMap<>();
        List<ImageRecord> records = new ArrayList<>();
        for (Row row : rows) {
            ImageRecord image = image(row, project);
            images.put(row.imageId(), image);
            records.add(image);
        }
        session.inTransaction(tx -> {
            tx.addImages(records);
            List<ConsensusLabel> panel = new ArrayList<>();
            for (Row row : rows) {
                panel.add(Fixtures.consensus(images.get(row.imageId()), Fixtures.finding(project, "Pneumothorax"), PANEL,
                        value(row.panelPneumothorax()), 1.0, 3));
            }
            tx.putConsensusLabels(panel);
            long at = Fixtures.T0;
            for (ReaderCall call : calls) {
                Read read = Fixtures.read(Fixtures.reader(project, call.readerId()), images.get(call.imageId()),
                        Fixtures.finding(project, "Pneumothorax"), value(call.pneumothorax()), at++);
                tx.recordRead(read);
            }
            return null;
        });
    }

    private ImageRecord image(Row row, Project project) {
        ImageRecord image = Fixtures.bareImage(row.imageId());
        Path png = imagesFolder.resolve(row.imageId());
        image.setLocation(Files.isRegularFile(png) ? png.toString() : null);
        image.setFormat(ImageFormat.PNG);
        image.setPatientKey(row.patientId());
        image.setPatientAge(row.age());
        image.setPatientSex(row.sex().equals("M") ? Sex.MALE : Sex.FEMALE);
        image.setViewPosition(ViewPosition.get(row.view()));
        image.setFollowUp(row.followUp());
        for (String code : row.nlpFindings()) {
            image.getSourceLabels().add(Fixtures.sourceLabel(Fixtures.finding(project, code), ReadValue.PRESENT, "NLP", null));
        }
        return image;
    }

    private static ReadValue value(String yesNoHedge) {
        return switch (yesNoHedge) {
            case "YES" -> ReadValue.PRESENT;
            case "NO" -> ReadValue.ABSENT;
            case "HEDGE" -> ReadValue.UNCERTAIN;
            default -> throw new IllegalArgumentException("not YES, NO or HEDGE: " + yesNoHedge);
        };
    }
}
