package org.lightbox.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.ExportReceipt;
import org.lightbox.consensus.ExportService;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lightbox export <project> --format … --out FILE}: de-identified exports with a checksummed sidecar. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, exitCodeListHeading = "%nExit codes:%n",
        description = {"Export consensus labels, reads or the exclusion list, de-identified (patients only as the project's"
                + " pseudonym, readers by id), with a sidecar FILE.json holding the version, time, method and SHA-256."},
        exitCodeList = {"0:written", "1:the file could not be written", "2:bad arguments: a missing project, an unknown format,"
                + " a method without labels"},
        footer = {"", "Formats:",
                "  cxr14       Data_Entry CSV: Image Index,Finding Labels (PRESENT joined with |, or No Finding),… (needs --method)",
                "  long        one row per read: image, patient key, reader, finding, value, time",
                "  json        consensus labels with their provenance and the reads behind them (needs --method)",
                "  exclusions  quality-flagged images: image, patient key, issue, raised by (reader id for reader flags), score, time, source (image|reader)",
                "  reads       every read in Google's expert-reads layout, which 'lightbox import reads' reads back",
                "", "Examples:", "  ./lightbox export cxr14.lightbox --format cxr14 --method majority --out consensus.csv",
                "  ./lightbox export cxr14.lightbox --format long --out reads.csv"})
final class ExportCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<project>", description = "The project's .lightbox file.")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "cxr14|long|json|exclusions|reads", description = "What to export.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (its sidecar is FILE.json).")
    Path out;

    @Option(names = "--method", paramLabel = "majority|dawid-skene|adjudication",
            description = "Whose consensus labels (cxr14, json); an adjudicator's label overrides the method's own.")
    String method;

    @Option(names = "--include-identifiers", description = "Opt in to reader names, read comments, flag notes and image locations"
            + " (which may name patients). Off by default.")
    boolean identifiers;

    ExportCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("lightbox export: no project file at " + file);
            return 2;
        }
        ExportService exports = services.service(ExportService.class);
        ProjectStore store = services.store(ProjectStore.KIND_SQLITE);
        try (ProjectSession session = store.open(new StoreLocation.SqliteFile(file))) {
            ExportReceipt r = exports.export(session, format, new ExportOptions(method, identifiers, null), out);
            spec.commandLine().getOut().printf("Wrote %,d record(s) to %s%n  sha256  %s%n  sidecar %s%n", r.records(), r.file(), r.sha256(),
                    r.sidecar());
            if (identifiers) {
                err.println("lightbox export: warning: " + out + " holds identifiers (--include-identifiers)");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("lightbox export: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("lightbox export: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
