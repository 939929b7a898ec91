package org.lightbox.consensus.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.Exporter;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Read;
import org.lightbox.store.ProjectSession;
import org.osgi.service.component.annotations.Component;

/**
 * Consensus labels with their provenance as JSON: per image its patient pseudonym and, per finding, the value, the
 * method that decided it, its support (share of votes or posterior), read count, time, and the current reads behind it
 * (reader, value, time). One image per line inside the {@code images} array, so that large exports stay diffable.
 */
@Component(service = Exporter.class, property = Exporter.PROPERTY + "=" + JsonExporter.ID)
public final class JsonExporter implements Exporter {

    public static final String ID = "json";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public boolean needsMethod() {
        return true;
    }

    @Override
    public long write(ProjectSession session, ExportOptions options, OutputStream out) throws IOException {
        Map<String, List<ConsensusLabel>> labels = FinalLabels.byImage(session, options.method());
        Map<String, List<Read>> reads = new HashMap<>();
        for (Read read : session.allReads()) {
            if (read.getValue() != null) {
                reads.computeIfAbsent(read.getImage().getImageId() + "\n" + read.getFinding().getCode(), k -> new ArrayList<>()).add(read);
            }
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("{\"project\": " + Text.json(session.project().getName()) + ",\n \"method\": " + Text.json(options.method())
                + ",\n \"findings\": [");
        List<String> order = FinalLabels.findingOrder(session, labels);
        for (int i = 0; i < order.size(); i++) {
            w.write((i == 0 ? "" : ", ") + Text.json(order.get(i)));
        }
        w.write("],\n \"images\": [\n");
        int n = 0;
        for (List<ConsensusLabel> ofImage : labels.values()) {
            w.write((n++ == 0 ? "  " : ",\n  ") + image(ofImage, reads, options.identifiers()));
        }
        w.write("\n ]}\n");
        w.flush();
        return labels.size();
    }

    private static String image(List<ConsensusLabel> labels, Map<String, List<Read>> reads, boolean identifiers) {
        ImageRecord image = labels.get(0).getImage();
        StringBuilder json = new StringBuilder("{\"image\": ").append(Text.json(image.getImageId())).append(", \"patientKey\": ")
                .append(Text.json(image.getPatientKey())).append(", \"labels\": [");
        for (int i = 0; i < labels.size(); i++) {
            ConsensusLabel l = labels.get(i);
            json.append(i == 0 ? "" : ", ").append("{\"finding\": ").append(Text.json(l.getFinding().getCode()))
                    .append(", \"value\": ").append(Text.json(l.getValue().getLiteral()))
                    .append(", \"method\": ").append(Text.json(l.getMethod()))
                    .append(", \"support\": ").append(Text.json(l.getSupport()))
                    .append(", \"readCount\": ").append(l.getReadCount())
                    .append(", \"decidedAt\": ").append(Text.json(Text.time(l.getDecidedAt())))
                    .append(", \"votes\": ").append(Text.json(l.getVotes()))
                    .append(", \"reads\": [");
            List<Read> behind = reads.getOrDefault(image.getImageId() + "\n" + l.getFinding().getCode(), List.of());
            for (int r = 0; r < behind.size(); r++) {
                Read read = behind.get(r);
                json.append(r == 0 ? "" : ", ").append("{\"reader\": ").append(Text.json(read.getReader().getId()))
                        .append(", \"value\": ").append(Text.json(read.getValue().getLiteral()))
                        .append(", \"readAt\": ").append(Text.json(Text.time(read.getReadAt())));
                if (identifiers) {
                    json.append(", \"readerName\": ").append(Text.json(read.getReader().getName()))
                            .append(", \"comment\": ").append(Text.json(read.getComment()));
                }
                json.append('}');
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }
}
