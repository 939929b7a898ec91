package org.lightbox.consensus.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.Exporter;
import org.lightbox.model.Finding;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;
import org.osgi.service.component.annotations.Component;

/**
 * Every current read in the layout of Google's CXR14 expert reads ({@code Image ID,Patient ID,Reader ID} and one column
 * per finding, YES/NO/HEDGE, empty where the reader did not read the finding), so that the expert-reads importer reads
 * it back into another project. One row per image and reader, in the order first read; {@code Patient ID} is the
 * store's pseudonym.
 */
@Component(service = Exporter.class, property = Exporter.PROPERTY + "=" + ExpertReadsExporter.ID)
public final class ExpertReadsExporter implements Exporter {

    public static final String ID = "reads";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long write(ProjectSession session, ExportOptions options, OutputStream out) throws IOException {
        Set<String> findings = new LinkedHashSet<>();
        Map<String, Map<String, ReadValue>> rows = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        List<Read> reads = session.allReads();
        if (session.project().getLabelSchema() != null) {
            for (Finding f : session.project().getLabelSchema().getFindings()) {
                if (reads.stream().anyMatch(r -> r.getFinding().getCode().equals(f.getCode()))) {
                    findings.add(f.getCode());
                }
            }
        }
        for (Read read : reads) {
            if (read.getValue() == null) {
                continue;
            }
            String key = read.getImage().getImageId() + "\n" + read.getReader().getId();
            keys.putIfAbsent(key, new String[] {read.getImage().getImageId(), orEmpty(read.getImage().getPatientKey()), read.getReader().getId()});
            rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(read.getFinding().getCode(), read.getValue());
            findings.add(read.getFinding().getCode());
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(List.of("Image ID", "Patient ID", "Reader ID"));
        header.addAll(findings);
        w.write(Text.csv(header) + "\n");
        for (Map.Entry<String, Map<String, ReadValue>> row : rows.entrySet()) {
            List<String> cells = new ArrayList<>(List.of(keys.get(row.getKey())));
            for (String finding : findings) {
                ReadValue value = row.getValue().get(finding);
                cells.add(value == null ? "" : switch (value) {
                    case PRESENT -> "YES";
                    case ABSENT -> "NO";
                    case UNCERTAIN -> "HEDGE";
                });
            }
            w.write(Text.csv(cells) + "\n");
        }
        w.flush();
        return rows.size();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
