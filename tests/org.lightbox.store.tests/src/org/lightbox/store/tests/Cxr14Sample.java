package org.lightbox.store.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LabelSchema;
import org.lightbox.model.Project;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.ViewPosition;

/**
 * The NIH ChestX-ray14 sample label file ({@code sample_labels_2017_age_format.csv}: image, pipe-
 * separated findings or "No Finding", follow-up, patient id, age as "058Y", sex, view), read with
 * nothing but string splitting, so the test's expectations do not depend on the code under test.
 */
final class Cxr14Sample {

    static final List<String> FINDINGS = List.of("Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass",
            "Nodule", "Pneumonia", "Pneumothorax", "Consolidation", "Edema", "Emphysema", "Fibrosis",
            "Pleural_Thickening", "Hernia");

    record Row(String imageIndex, List<String> findings, int followUp, String patientId, int ageYears, String sex,
            String view) {
    }

    private Cxr14Sample() {
    }

    /** The file under the shared folder named by the system property {@code lightbox.shared}, or null. */
    static Path file() {
        String shared = System.getProperty("lightbox.shared");
        return shared == null ? null : Path.of(shared, "data", "cxr14", "sample_labels_2017_age_format.csv");
    }

    static List<Row> firstRows(Path csv, int count) throws IOException {
        try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            return lines.skip(1).limit(count).map(Cxr14Sample::row).toList();
        }
    }

    private static Row row(String line) {
        String[] f = line.split(",");
        List<String> findings = f[1].equals("No Finding") ? List.of() : Arrays.asList(f[1].split("\\|"));
        if (!f[4].endsWith("Y")) {
            throw new IllegalArgumentException("age not in years: " + line);
        }
        return new Row(f[0], findings, Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4].substring(0, f[4].length() - 1)),
                f[5], f[6]);
    }

    static Project project() {
        Project project = Fixtures.F.createProject();
        project.setName("CXR14 sample");
        LabelSchema schema = Fixtures.F.createLabelSchema();
        schema.setName("CXR14");
        schema.setVersion("2017");
        FINDINGS.forEach(code -> schema.getFindings().add(Fixtures.finding(code, code.replace('_', ' '), null)));
        project.setLabelSchema(schema);
        return project;
    }

    /** The row as the CXR14 importer would store it: metadata plus one PRESENT NLP label per finding. */
    static ImageRecord image(Row row, Project project) {
        ImageRecord image = Fixtures.bareImage(row.imageIndex());
        image.setLocation("images/" + row.imageIndex());
        image.setFormat(ImageFormat.PNG);
        image.setPatientKey(row.patientId());
        image.setPatientAge(row.ageYears());
        image.setPatientSex(row.sex().equals("M") ? Sex.MALE : Sex.FEMALE);
        image.setViewPosition(ViewPosition.get(row.view()));
        image.setFollowUp(row.followUp());
        image.setSource("NIH ChestX-ray14 sample");
        for (String code : row.findings()) {
            image.getSourceLabels().add(Fixtures.sourceLabel(Fixtures.finding(project, code), ReadValue.PRESENT,
                    "NLP", null));
        }
        return image;
    }

    static List<List<ImageRecord>> batches(List<Row> rows, Project project, int size) {
        List<List<ImageRecord>> batches = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += size) {
            batches.add(rows.subList(i, Math.min(rows.size(), i + size)).stream().map(r -> image(r, project)).toList());
        }
        return batches;
    }
}
