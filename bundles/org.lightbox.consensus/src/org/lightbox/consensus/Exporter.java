package org.lightbox.consensus;

import java.io.IOException;
import java.io.OutputStream;

import org.lightbox.store.ProjectSession;

/**
 * Writes one kind of export of a project, offered as a DS service with the property {@code format=<id>} so that other
 * labs can add their own. Exports are de-identified unless {@link ExportOptions#identifiers()}: patients appear only as
 * the store's pseudonym ({@link ProjectSession#pseudonym}), readers only by id, and free text and file locations
 * (which may name patients) are left out. {@link ExportService} adds the sidecar with time, method and checksum.
 */
public interface Exporter {

    /** The service property that carries {@link #id()}. */
    String PROPERTY = "format";

    /** A short stable id, e.g. {@code cxr14}. */
    String id();

    /** The usual file name extension, without the dot: {@code csv} unless the exporter says otherwise. */
    default String extension() {
        return "csv";
    }

    /** Whether the export holds consensus labels, so that a method must be named: no unless the exporter says so. */
    default boolean needsMethod() {
        return false;
    }

    /**
     * Writes the export.
     *
     * @return the number of records written (rows of a CSV, images of a JSON file)
     */
    long write(ProjectSession session, ExportOptions options, OutputStream out) throws IOException;
}
