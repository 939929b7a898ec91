package org.lightbox.consensus.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.Exporter;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ProjectSession;
import org.osgi.service.component.annotations.Component;

/**
 * Consensus labels as a CXR14 {@code Data_Entry} file (v2020 layout, without the original DICOM size columns): one row
 * per image with labels, PRESENT findings joined with {@code |} in schema order, {@code No Finding} when none. ABSENT
 * and UNCERTAIN both leave a finding out, as the format has no uncertain label. {@code Patient ID} is the store's
 * pseudonym, so rows of one patient stay together without naming the patient.
 */
@Component(service = Exporter.class, property = Exporter.PROPERTY + "=" + Cxr14Exporter.ID)
public final class Cxr14Exporter implements Exporter {

    public static final String ID = "cxr14";
    static final List<String> HEADER = List.of("Image Index", "Finding Labels", "Follow-up #", "Patient ID", "Patient Age",
            "Patient Gender", "View Position");
    static final String NO_FINDING = "No Finding";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean needsMethod() {
        return true;
    }

    @Override
    public long write(ProjectSession session, ExportOptions options, OutputStream out) throws IOException {
        Map<String, List<ConsensusLabel>> labels = FinalLabels.byImage(session, options.method());
        List<String> order = FinalLabels.findingOrder(session, labels);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(Text.csv(HEADER) + "\n");
        for (List<ConsensusLabel> ofImage : labels.values()) {
            ImageRecord image = ofImage.get(0).getImage();
            List<String> present = new ArrayList<>(ofImage.stream().filter(l -> l.getValue() == ReadValue.PRESENT)
                    .map(l -> l.getFinding().getCode()).toList());
            present.sort(Comparator.comparingInt(order::indexOf));
            w.write(Text.csv(List.of(image.getImageId(), present.isEmpty() ? NO_FINDING : String.join("|", present),
                    text(image.getFollowUp()), text(image.getPatientKey()), text(image.getPatientAge()), sex(image.getPatientSex()),
                    view(image.getViewPosition()))) + "\n");
        }
        w.flush();
        return labels.size();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String sex(Sex sex) {
        return sex == Sex.MALE ? "M" : sex == Sex.FEMALE ? "F" : "";
    }

    private static String view(ViewPosition view) {
        return view == ViewPosition.PA || view == ViewPosition.AP ? view.getLiteral() : "";
    }
}
