package org.lightbox.store.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.lightbox.model.Finding;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LabelSchema;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreLocation;
import org.lightbox.store.internal.SqliteProjectStore;

/**
 * A reader's session in a process of its own (plain class path, no OSGi): creates a SQLite project and records
 * reads one after another, printing {@code ack <image> <finding> <value>} after each {@code recordRead} returns,
 * until it is killed. {@link KilledProcessDurabilityTest} kills it with SIGKILL and checks every acknowledged read.
 */
public final class ReadingProcess {

    static final int IMAGES = 60;
    static final List<String> FINDINGS = List.of("Atelectasis", "Cardiomegaly", "Effusion", "Pneumothorax");

    private ReadingProcess() {
    }

    public static void main(String[] args) {
        LightboxFactory f = LightboxFactory.eINSTANCE;
        Project project = f.createProject();
        project.setName("killed-reader");
        project.setCreated(new Date());
        LabelSchema schema = f.createLabelSchema();
        schema.setName("four findings");
        for (String code : FINDINGS) {
            Finding finding = f.createFinding();
            finding.setCode(code);
            schema.getFindings().add(finding);
        }
        project.setLabelSchema(schema);
        Reader reader = f.createReader();
        reader.setId("reader-1");
        reader.setRole(ReaderRole.RADIOLOGIST);
        project.getReaders().add(reader);

        try (ProjectSession session = new SqliteProjectStore().create(new StoreLocation.SqliteFile(Path.of(args[0])), project)) {
            List<ImageRecord> images = new ArrayList<>();
            for (int i = 0; i < IMAGES; i++) {
                ImageRecord image = f.createImageRecord();
                image.setImageId(String.format("img_%03d.png", i));
                image.setFormat(ImageFormat.PNG);
                images.add(image);
            }
            session.addImages(images);
            System.out.println("ready");
            System.out.flush();
            Project stored = session.project();
            for (ImageRecord image : images) {
                for (Finding finding : stored.getLabelSchema().getFindings()) {
                    Read read = f.createRead();
                    read.setReader(stored.getReaders().get(0));
                    read.setImage(image);
                    read.setFinding(finding);
                    read.setValue((image.getImageId().hashCode() + finding.getCode().hashCode()) % 2 == 0
                            ? ReadValue.PRESENT : ReadValue.ABSENT);
                    read.setReadAt(new Date());
                    read.setDurationMillis(900);
                    session.recordRead(read);
                    System.out.println("ack " + image.getImageId() + " " + finding.getCode() + " " + read.getValue());
                    System.out.flush();
                }
            }
            System.out.println("done");
        }
    }
}
