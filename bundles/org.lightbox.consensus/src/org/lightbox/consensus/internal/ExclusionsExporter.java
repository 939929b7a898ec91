package org.lightbox.consensus.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.Exporter;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.QualityFlag;
import org.lightbox.store.ProjectSession;
import org.osgi.service.component.annotations.Component;

/**
 * The images to leave out of training and evaluation: one row per quality flag (rotated, inverted, lateral, not a
 * chest, ...), with who raised it, its score and time. Source says whose flag it is: {@code image} for the image's
 * own flags (importer, detectors), {@code reader} for a flag a reader raised at the reading desk, whose Raised By is
 * the reader's id (never the name). With identifiers, the flag's note and the image's location follow.
 */
@Component(service = Exporter.class, property = Exporter.PROPERTY + "=" + ExclusionsExporter.ID)
public final class ExclusionsExporter implements Exporter {

    public static final String ID = "exclusions";
    static final List<String> HEADER = List.of("Image Index", "Patient Key", "Issue", "Raised By", "Score", "Raised At", "Source");
    static final String IMAGE = "image";
    static final String READER = "reader";
    private static final int PAGE = 5_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long write(ProjectSession session, ExportOptions options, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Text.header(w, HEADER, options.identifiers(), List.of("Note", "Location"));
        Map<String, List<QualityFlag>> readerFlags = session.readerFlags();
        long rows = 0;
        for (long offset = 0;; offset += PAGE) {
            List<ImageRecord> page = session.images(offset, PAGE);
            for (ImageRecord image : page) {
                for (QualityFlag flag : image.getQualityFlags()) {
                    w.write(row(image, flag, IMAGE, options));
                    rows++;
                }
                for (QualityFlag flag : readerFlags.getOrDefault(image.getImageId(), List.of())) {
                    w.write(row(image, flag, READER, options));
                    rows++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        w.flush();
        return rows;
    }

    private static String row(ImageRecord image, QualityFlag flag, String source, ExportOptions options) {
        List<String> cells = new ArrayList<>(List.of(image.getImageId(), orEmpty(image.getPatientKey()),
                flag.getIssue() == null ? "" : flag.getIssue().getLiteral(), orEmpty(flag.getRaisedBy()),
                flag.getScore() == null ? "" : flag.getScore().toString(), Text.time(flag.getRaisedAt()), source));
        if (options.identifiers()) {
            cells.add(orEmpty(flag.getNote()));
            cells.add(orEmpty(image.getLocation()));
        }
        return Text.csv(cells) + "\n";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
