package org.lightbox.consensus.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.Exporter;
import org.lightbox.model.Read;
import org.lightbox.store.ProjectSession;
import org.osgi.service.component.annotations.Component;

/**
 * Every current read, one per row: image, patient pseudonym, reader id, finding code, value, time (ISO-8601 UTC) and
 * duration. With identifiers, the reader's name and the read's comment follow.
 */
@Component(service = Exporter.class, property = Exporter.PROPERTY + "=" + LongReadsExporter.ID)
public final class LongReadsExporter implements Exporter {

    public static final String ID = "long";
    static final List<String> HEADER = List.of("Image Index", "Patient Key", "Reader", "Finding", "Value", "Read At", "Duration ms");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long write(ProjectSession session, ExportOptions options, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Text.header(w, HEADER, options.identifiers(), List.of("Reader Name", "Comment"));
        long rows = 0;
        for (Read read : session.allReads()) {
            if (read.getValue() == null) {
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(read.getImage().getImageId(), nullToEmpty(read.getImage().getPatientKey()),
                    read.getReader().getId(), read.getFinding().getCode(), read.getValue().getLiteral(), Text.time(read.getReadAt()),
                    read.getDurationMillis() > 0 ? Long.toString(read.getDurationMillis()) : ""));
            if (options.identifiers()) {
                cells.add(nullToEmpty(read.getReader().getName()));
                cells.add(nullToEmpty(read.getComment()));
            }
            w.write(Text.csv(cells) + "\n");
            rows++;
        }
        w.flush();
        return rows;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
