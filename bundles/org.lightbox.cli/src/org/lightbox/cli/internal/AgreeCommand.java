package org.lightbox.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lightbox.agreement.AgreementAnalysis;
import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.ContingencyTable;
import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingFileException;
import org.lightbox.agreement.RatingFiles;
import org.lightbox.agreement.RatingFiles.Layout;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.Weights;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lightbox agree FILE}: every agreement statistic that applies to a rating file, without a project. */
@Command(name = "agree", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Agreement statistics for a rating file (no project needed): percent agreement, Fleiss' kappa, Krippendorff's"
                + " alpha, Gwet's AC1, PABAK, per-category kappas and, per pair of raters, Cohen's kappa; each with its confidence"
                + " interval and n."},
        footer = {"", "Layouts:",
                "  wide    header row (subject column, one column per rater), one row per subject; empty cell = missing",
                "  long    subject,rater,value[,finding] one rating per row (a header row is skipped); one table per finding",
                "  table   two-rater contingency table: column labels in the first row, row labels in the first column",
                "  counts  one row per subject, one column per category: how many raters chose it",
                "", "Examples:", "  ./lightbox agree diagnoses.csv --layout wide",
                "  ./lightbox agree scans.csv --layout table --weights linear --positive abnormal --json"})
final class AgreeCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file of ratings.")
    Path file;

    @Option(names = "--layout", defaultValue = "wide", paramLabel = "wide|long|table|counts", description = "File layout (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--level", defaultValue = "nominal", paramLabel = "nominal|ordinal|interval|ratio",
            description = "Level of measurement; ordinal, interval and ratio need numbers (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--weights", defaultValue = "none", paramLabel = "none|linear|quadratic",
            description = "Weights for Cohen's kappa (default: ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--json", description = "Print JSON: every statistic with its intervals, n, details and notes.")
    boolean json;

    @Option(names = "--transpose", description = "Wide layout with raters in rows and subjects in columns.")
    boolean transpose;

    @Option(names = "--positive", paramLabel = "CATEGORY",
            description = "Also report the first rater (table rows) against the second as reference: sensitivity, specificity, PPV, NPV, DOR.")
    String positive;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N", description = "Bootstrap resamples; 0 for none (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double confidence;

    AgreeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AgreementOptions options;
        Layout fileLayout;
        Level fileLevel;
        try {
            fileLayout = Layout.parse(layout);
            fileLevel = Level.parse(level);
            options = new AgreementOptions(Weights.parse(weights), confidence, replicates, seed);
        } catch (IllegalArgumentException e) {
            err.println("lightbox agree: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            err.println("lightbox agree: no file at " + file);
            return 2;
        }
        Map<String, RatingTable> tables;
        ContingencyTable contingency = null;
        try {
            tables = RatingFiles.read(file, fileLayout, fileLevel, transpose);
            if (fileLayout == Layout.TABLE) {
                contingency = RatingFiles.readTable(file, fileLevel);
            }
        } catch (RatingFileException e) {
            err.println("lightbox agree: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("lightbox agree: no file at " + file);
            return 2;
        } catch (IOException e) {
            err.println("lightbox agree: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        AgreementAnalysis analysis = services.service(AgreementAnalysis.class);
        Map<String, AgreementReport> reports = new LinkedHashMap<>();
        Map<String, DiagnosticAccuracy> accuracy = new LinkedHashMap<>();
        for (Map.Entry<String, RatingTable> table : tables.entrySet()) {
            reports.put(table.getKey(), analysis.analyse(table.getValue(), options));
            if (positive != null) {
                String problem = accuracy(table.getKey(), table.getValue(), contingency, accuracy);
                if (problem != null) {
                    err.println("lightbox agree: " + file + ": " + problem);
                    return 1;
                }
            }
        }
        AgreeOutput output = new AgreeOutput(file, fileLayout, options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            output.json(out, reports, accuracy);
        } else {
            output.text(out, reports, accuracy);
        }
        out.flush();
        return 0;
    }

    /** Adds the first rater against the second for one table; returns a problem in words, or null. */
    private String accuracy(String finding, RatingTable table, ContingencyTable contingency, Map<String, DiagnosticAccuracy> into) {
        if (!table.ratersIdentified() || table.raterCount() != 2) {
            return "--positive needs two raters (a reader and a reference); " + (finding.isEmpty() ? "the file" : finding) + " has "
                    + table.raterCount();
        }
        if (!table.categories().contains(positive)) {
            return "--positive '" + positive + "' is not one of the categories " + String.join(", ", table.categories());
        }
        ContingencyTable pair = contingency != null ? contingency : ContingencyTable.of(table, 0, 1);
        into.put(finding, DiagnosticAccuracy.of(pair, positive, confidence));
        return null;
    }
}
