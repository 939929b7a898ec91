package org.lightbox.store.tests;

import java.util.Date;

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

/** Test data built in code, every attribute set to a value other than its default where possible. */
final class Fixtures {

    static final LightboxFactory F = LightboxFactory.eINSTANCE;
    static final long T0 = 1_700_000_000_123L;

    private Fixtures() {
    }

    static Project project() {
        Project project = F.createProject();
        project.setName("Pneumothorax relabelling");
        project.setDescription("Three readers relabel CXR14 pneumothorax; drains tagged.");
        project.setCreated(new Date(T0));
        LabelSchema schema = F.createLabelSchema();
        schema.setName("CXR14");
        schema.setVersion("2017");
        schema.getFindings().add(finding("Pneumothorax", "Pneumothorax", "Air in the pleural space"));
        schema.getFindings().add(finding("Effusion", "Pleural effusion", null));
        schema.getFindings().add(finding("Atelectasis", null, null));
        project.setLabelSchema(schema);
        project.getReaders().add(reader("r1", "Dr. Ada Reyes", ReaderRole.RADIOLOGIST, 12));
        project.getReaders().add(reader("r2", "Dr. Ben Okafor", ReaderRole.RESIDENT, null));
        project.getReaders().add(reader("nlp", null, ReaderRole.EXTERNAL, null));
        return project;
    }

    static Finding finding(String code, String displayName, String description) {
        Finding finding = F.createFinding();
        finding.setCode(code);
        finding.setDisplayName(displayName);
        finding.setDescription(description);
        return finding;
    }

    static Reader reader(String id, String name, ReaderRole role, Integer experienceYears) {
        Reader reader = F.createReader();
        reader.setId(id);
        reader.setName(name);
        reader.setRole(role);
        reader.setExperienceYears(experienceYears);
        return reader;
    }

    static Finding finding(Project project, String code) {
        return project.getLabelSchema().getFindings().stream().filter(f -> f.getCode().equals(code)).findFirst()
                .orElseThrow();
    }

    static Reader reader(Project project, String id) {
        return project.getReaders().stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
    }

    /** An image with every metadata field and two labels, one flag and two tags. */
    static ImageRecord fullImage(Project project, String imageId) {
        ImageRecord image = bareImage(imageId);
        image.setLocation("images_001/" + imageId);
        image.setContentHash("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        image.setFormat(ImageFormat.PNG);
        image.setWidth(1024);
        image.setHeight(1023);
        image.setFrameCount(2);
        image.setPatientKey("p-00013118");
        image.setPatientAge(58);
        image.setPatientSex(Sex.FEMALE);
        image.setViewPosition(ViewPosition.AP);
        image.setModality("CR");
        image.setStudyDate(new Date(T0 - 86_400_000L));
        image.setFollowUp(8);
        image.setSource("NIH ChestX-ray14");
        image.getSourceLabels().add(sourceLabel(finding(project, "Pneumothorax"), ReadValue.PRESENT, "NLP", 0.91));
        image.getSourceLabels().add(sourceLabel(finding(project, "Effusion"), ReadValue.UNCERTAIN, "NLP", null));
        QualityFlag flag = F.createQualityFlag();
        flag.setIssue(QualityIssue.ROTATED);
        flag.setRaisedBy("rotation-detector");
        flag.setScore(0.875);
        flag.setNote("about 90 degrees");
        flag.setRaisedAt(new Date(T0 + 1));
        image.getQualityFlags().add(flag);
        image.getConfounderTags().add(tag("chest-drain", ReadValue.PRESENT, "r1", null, new Date(T0 + 2)));
        image.getConfounderTags().add(tag("ecg-leads", ReadValue.ABSENT, "drain-model", 0.25, null));
        return image;
    }

    /** An image with only its id: every other field at its default. */
    static ImageRecord bareImage(String imageId) {
        ImageRecord image = F.createImageRecord();
        image.setImageId(imageId);
        return image;
    }

    static SourceLabel sourceLabel(Finding finding, ReadValue value, String source, Double confidence) {
        SourceLabel label = F.createSourceLabel();
        label.setFinding(finding);
        label.setValue(value);
        label.setSource(source);
        label.setConfidence(confidence);
        return label;
    }

    static ConfounderTag tag(String code, ReadValue present, String by, Double confidence, Date at) {
        ConfounderTag tag = F.createConfounderTag();
        tag.setCode(code);
        tag.setPresent(present);
        tag.setTaggedBy(by);
        tag.setConfidence(confidence);
        tag.setTaggedAt(at);
        return tag;
    }

    static Read read(Reader reader, ImageRecord image, Finding finding, ReadValue value, long at) {
        Read read = F.createRead();
        read.setReader(reader);
        read.setImage(image);
        read.setFinding(finding);
        read.setValue(value);
        read.setReadAt(new Date(at));
        read.setDurationMillis(at % 10_000);
        read.setComment(value == ReadValue.UNCERTAIN ? "tube or fold?" : null);
        return read;
    }

    static ConsensusLabel consensus(ImageRecord image, Finding finding, String method, ReadValue value, double support,
            int readCount) {
        ConsensusLabel label = F.createConsensusLabel();
        label.setImage(image);
        label.setFinding(finding);
        label.setMethod(method);
        label.setValue(value);
        label.setSupport(support);
        label.setReadCount(readCount);
        label.setDecidedAt(new Date(T0 + 3));
        return label;
    }

    static Candidate candidate(String queue, ImageRecord image, Finding finding, double score, CandidateReason reason) {
        Candidate candidate = F.createCandidate();
        candidate.setQueue(queue);
        candidate.setImage(image);
        candidate.setFinding(finding);
        candidate.setScore(score);
        candidate.setReason(reason);
        candidate.setStatus(CandidateStatus.OPEN);
        candidate.setNote(finding == null ? "image looks inverted" : null);
        candidate.setCreatedAt(new Date(T0 + 4));
        return candidate;
    }
}
