package org.lightbox.model.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.lightbox.model.Candidate;
import org.lightbox.model.CandidateReason;
import org.lightbox.model.CandidateStatus;
import org.lightbox.model.ConfounderTag;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LabelSchema;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;

/**
 * A small, deterministic CXR14-like project: the 14 NIH findings, three readers, four images of two
 * patients with their NLP labels, every reader's call on two findings of every image, a majority
 * consensus, a chest drain, a quality flag and review candidates.
 *
 * <p>Plain Java on purpose: {@link StandaloneRoundTrip} builds the same fixture in a JVM without OSGi.
 * Project holds schema and readers; images, reads, consensus labels and candidates have no container
 * in the metamodel, so they are further roots of the resource ({@link #roots()}).
 */
public record Cxr14Fixture(Project project, List<ImageRecord> images, List<Read> reads,
        List<ConsensusLabel> consensus, List<Candidate> candidates) {

    /** The 14 findings of NIH ChestX-ray14, spelled as in its Data_Entry_2017 file. */
    public static final List<String> CXR14_FINDINGS = List.of("Atelectasis", "Cardiomegaly", "Effusion",
            "Infiltration", "Mass", "Nodule", "Pneumonia", "Pneumothorax", "Consolidation", "Edema",
            "Emphysema", "Fibrosis", "Pleural_Thickening", "Hernia");

    private static final LightboxFactory F = LightboxFactory.eINSTANCE;
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00.123Z");

    public static Cxr14Fixture build() {
        Project project = F.createProject();
        project.setName("CXR14 pneumothorax relabelling");
        project.setDescription("Panel relabelling of report-mined CXR14 labels");
        project.setCreated(at(0));
        LabelSchema schema = F.createLabelSchema();
        schema.setName("NIH ChestX-ray14");
        schema.setVersion("2017");
        for (String code : CXR14_FINDINGS) {
            Finding finding = F.createFinding();
            finding.setCode(code);
            finding.setDisplayName(code.replace('_', ' '));
            schema.getFindings().add(finding);
        }
        project.setLabelSchema(schema);
        project.getReaders().add(reader("r1", "Reader One", ReaderRole.RADIOLOGIST, 12));
        project.getReaders().add(reader("r2", "Reader Two", ReaderRole.RADIOLOGIST, 7));
        project.getReaders().add(reader("r3", "Reader Three", ReaderRole.RESIDENT, null));

        List<ImageRecord> images = List.of(
                image(schema, "00000001_000.png", "1", 57, Sex.MALE, 0, "Cardiomegaly"),
                image(schema, "00000001_001.png", "1", 58, Sex.MALE, 1, "Cardiomegaly", "Emphysema"),
                image(schema, "00000013_001.png", "13", 60, Sex.MALE, 26, "Emphysema", "Pneumothorax"),
                image(schema, "00000002_000.png", "2", 80, Sex.MALE, 0));
        images.get(2).setViewPosition(ViewPosition.AP);

        Finding pneumothorax = finding(schema, "Pneumothorax");
        Finding cardiomegaly = finding(schema, "Cardiomegaly");
        ConfounderTag drain = F.createConfounderTag();
        drain.setCode("chest-drain");
        drain.setPresent(ReadValue.PRESENT);
        drain.setTaggedBy("r1");
        drain.setConfidence(0.9);
        drain.setTaggedAt(at(30));
        images.get(2).getConfounderTags().add(drain);
        QualityFlag rotated = F.createQualityFlag();
        rotated.setIssue(QualityIssue.ROTATED);
        rotated.setRaisedBy("detector:rotation");
        rotated.setScore(0.81);
        rotated.setNote("about 90 degrees clockwise");
        rotated.setRaisedAt(at(40));
        images.get(3).getQualityFlags().add(rotated);

        List<Read> reads = new ArrayList<>();
        List<ConsensusLabel> consensus = new ArrayList<>();
        long readId = 1;
        for (ImageRecord image : images) {
            for (Finding finding : List.of(pneumothorax, cardiomegaly)) {
                int present = 0;
                for (Reader reader : project.getReaders()) {
                    ReadValue value = callOf(reader, image, finding);
                    present += value == ReadValue.PRESENT ? 1 : 0;
                    reads.add(read(readId, reader, image, finding, value));
                    readId++;
                }
                consensus.add(consensus(image, finding, present, project.getReaders().size()));
            }
        }
        List<Candidate> candidates = List.of(
                candidate(1, "label-issues", images.get(2), pneumothorax, 0.93, CandidateReason.CONFOUNDER),
                candidate(2, "broken-images", images.get(3), null, 0.81, CandidateReason.BROKEN_IMAGE));
        candidates.get(1).setStatus(CandidateStatus.IN_REVIEW);
        return new Cxr14Fixture(project, images, reads, consensus, candidates);
    }

    /** Everything, in the order it goes into a resource: project, images, reads, consensus, candidates. */
    public List<EObject> roots() {
        List<EObject> roots = new ArrayList<>();
        roots.add(project);
        roots.addAll(images);
        roots.addAll(reads);
        roots.addAll(consensus);
        roots.addAll(candidates);
        return roots;
    }

    public static Finding finding(LabelSchema schema, String code) {
        return schema.getFindings().stream().filter(f -> f.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no finding " + code));
    }

    private static Date at(int minutes) {
        return Date.from(T0.plusSeconds(60L * minutes));
    }

    private static Reader reader(String id, String name, ReaderRole role, Integer years) {
        Reader reader = F.createReader();
        reader.setId(id);
        reader.setName(name);
        reader.setRole(role);
        reader.setExperienceYears(years);
        return reader;
    }

    private static ImageRecord image(LabelSchema schema, String id, String patient, int age, Sex sex, int followUp, String... nlp) {
        ImageRecord image = F.createImageRecord();
        image.setImageId(id);
        image.setLocation("images/" + id);
        image.setFormat(ImageFormat.PNG);
        image.setWidth(1024);
        image.setHeight(1024);
        image.setPatientKey("p" + patient);
        image.setPatientAge(age);
        image.setPatientSex(sex);
        image.setViewPosition(ViewPosition.PA);
        image.setModality("DX");
        image.setFollowUp(followUp);
        image.setSource("NIH ChestX-ray14");
        for (String code : nlp) {
            SourceLabel label = F.createSourceLabel();
            label.setFinding(finding(schema, code));
            label.setValue(ReadValue.PRESENT);
            label.setSource("NIH NLP (Data_Entry_2017)");
            image.getSourceLabels().add(label);
        }
        return image;
    }

    private static ReadValue callOf(Reader reader, ImageRecord image, Finding finding) {
        boolean nlpSaysPresent = image.getSourceLabels().stream()
                .anyMatch(l -> l.getFinding() == finding && l.getValue() == ReadValue.PRESENT);
        if (reader.getId().equals("r3") && nlpSaysPresent) {
            return ReadValue.UNCERTAIN;
        }
        // The panel disagrees with the NLP pneumothorax on the drained image (the drain is treated).
        if (finding.getCode().equals("Pneumothorax") && !image.getConfounderTags().isEmpty()) {
            return reader.getId().equals("r1") ? ReadValue.PRESENT : ReadValue.ABSENT;
        }
        return nlpSaysPresent ? ReadValue.PRESENT : ReadValue.ABSENT;
    }

    private static Read read(long id, Reader reader, ImageRecord image, Finding finding, ReadValue value) {
        Read read = F.createRead();
        read.setId(id);
        read.setReader(reader);
        read.setImage(image);
        read.setFinding(finding);
        read.setValue(value);
        read.setReadAt(at((int) id));
        read.setDurationMillis(1500 + 10 * id);
        return read;
    }

    private static ConsensusLabel consensus(ImageRecord image, Finding finding, int present, int readers) {
        ConsensusLabel label = F.createConsensusLabel();
        label.setImage(image);
        label.setFinding(finding);
        label.setValue(2 * present > readers ? ReadValue.PRESENT : ReadValue.ABSENT);
        label.setMethod("majority");
        label.setSupport(2 * present > readers ? present / (double) readers : 1 - present / (double) readers);
        label.setReadCount(readers);
        label.setDecidedAt(at(100));
        return label;
    }

    private static Candidate candidate(long id, String queue, ImageRecord image, Finding finding, double score,
            CandidateReason reason) {
        Candidate candidate = F.createCandidate();
        candidate.setId(id);
        candidate.setQueue(queue);
        candidate.setImage(image);
        candidate.setFinding(finding);
        candidate.setScore(score);
        candidate.setReason(reason);
        candidate.setStatus(CandidateStatus.OPEN);
        candidate.setNote("score from out-of-fold probabilities");
        candidate.setCreatedAt(at(200));
        return candidate;
    }
}
