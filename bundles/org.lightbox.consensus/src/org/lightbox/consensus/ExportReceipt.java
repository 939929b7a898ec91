package org.lightbox.consensus;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What an export wrote: the file and its sidecar ({@code <file>.json}) with the same facts.
 *
 * @param file the export
 * @param sidecar the sidecar JSON beside it
 * @param format the exporter's id
 * @param method the consensus method, or null
 * @param records records written
 * @param sha256 lower-case hex SHA-256 of the export's bytes
 * @param created when it was written
 */
public record ExportReceipt(Path file, Path sidecar, String format, String method, long records, String sha256, Instant created) {
}
