package org.lightbox.consensus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.lightbox.store.ProjectSession;

/**
 * Writes exports through the {@link Exporter} services, each with a sidecar {@code <file>.json} that records the
 * Lightbox version, the export format and its version, the time, the method, whether it is de-identified, the number
 * of records and the SHA-256 of the export's bytes.
 */
public interface ExportService {

    /** Version of the sidecar's layout. */
    int SIDECAR_VERSION = 1;

    /** The ids of the formats available, alphabetically. */
    List<String> formats();

    /**
     * Writes {@code file} and its sidecar.
     *
     * @throws IllegalArgumentException for an unknown format, a format that needs a method without one, or a method
     *         without labels in the project
     */
    ExportReceipt export(ProjectSession session, String format, ExportOptions options, Path file) throws IOException;
}
