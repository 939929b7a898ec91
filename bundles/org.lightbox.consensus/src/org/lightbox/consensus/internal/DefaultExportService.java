package org.lightbox.consensus.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.ExportReceipt;
import org.lightbox.consensus.ExportService;
import org.lightbox.consensus.Exporter;
import org.lightbox.store.ProjectSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Writes an export to a temporary file beside the target, hashing it as it goes, then moves it into place and writes
 * the sidecar; a failed export leaves neither behind.
 */
@Component(service = ExportService.class)
public final class DefaultExportService implements ExportService {

    /** The version written into sidecars (the product's). */
    static final String LIGHTBOX_VERSION = "0.1.0";

    private final Map<String, Exporter> exporters = new ConcurrentHashMap<>();

    /** For DS. */
    public DefaultExportService() {
    }

    /** With these exporters, outside OSGi. */
    public DefaultExportService(Collection<? extends Exporter> available) {
        available.forEach(this::addExporter);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addExporter(Exporter exporter) {
        exporters.put(exporter.id(), exporter);
    }

    void removeExporter(Exporter exporter) {
        exporters.remove(exporter.id(), exporter);
    }

    @Override
    public List<String> formats() {
        return List.copyOf(new TreeSet<>(exporters.keySet()));
    }

    @Override
    public ExportReceipt export(ProjectSession session, String format, ExportOptions options, Path file) throws IOException {
        Exporter exporter = exporters.get(format);
        if (exporter == null) {
            throw new IllegalArgumentException("unknown export format '" + format + "' (available: " + String.join(", ", formats()) + ")");
        }
        if (exporter.needsMethod() && (options.method() == null || options.method().isBlank())) {
            throw new IllegalArgumentException("the " + format + " export holds consensus labels: name the method (majority, dawid-skene, adjudication)");
        }
        ExportOptions used = exporter.needsMethod() ? options : new ExportOptions(null, options.identifiers(), options.created());
        Instant created = options.created() == null ? Instant.now() : options.created();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        long records;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha)) {
            records = exporter.write(session, used, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        String hash = HexFormat.of().formatHex(sha.digest());
        Path sidecar = file.resolveSibling(file.getFileName() + ".json");
        ExportReceipt receipt = new ExportReceipt(file, sidecar, format, used.method(), records, hash, created);
        Files.writeString(sidecar, sidecar(receipt, session, used), StandardCharsets.UTF_8);
        return receipt;
    }

    private static String sidecar(ExportReceipt r, ProjectSession session, ExportOptions options) {
        return "{\n  \"lightbox\": " + Text.json(LIGHTBOX_VERSION)
                + ",\n  \"sidecarVersion\": " + SIDECAR_VERSION
                + ",\n  \"format\": " + Text.json(r.format())
                + ",\n  \"file\": " + Text.json(r.file().getFileName().toString())
                + ",\n  \"created\": " + Text.json(r.created().toString())
                + ",\n  \"method\": " + Text.json(r.method())
                + ",\n  \"adjudicationOverrides\": " + (r.method() != null && !r.method().equals("adjudication"))
                + ",\n  \"deidentified\": " + !options.identifiers()
                + ",\n  \"project\": " + Text.json(session.project().getName())
                + ",\n  \"records\": " + r.records()
                + ",\n  \"sha256\": " + Text.json(r.sha256())
                + "\n}\n";
    }
}
