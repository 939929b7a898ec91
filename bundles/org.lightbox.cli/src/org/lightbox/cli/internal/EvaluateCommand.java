package org.lightbox.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationFileException;
import org.lightbox.evaluation.EvaluationFiles;
import org.lightbox.evaluation.EvaluationOptions;
import org.lightbox.evaluation.EvaluationReport;
import org.lightbox.evaluation.Evaluator;
import org.lightbox.evaluation.LabelTable;
import org.lightbox.evaluation.ScoreTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lightbox evaluate}: clinical metrics of one or two models' scores against reference labels, without a project. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Clinical evaluation of model scores against reference labels (no project needed): per finding AUROC with"
                + " DeLong CI (and the paired DeLong test of two models), sensitivity, specificity, accuracy, F1, PPV, NPV, LR+/LR-"
                + " and DOR at an operating point chosen on one half of the patients and applied to the other, averages, strata,"
                + " the seed paper's Tables 1-4 and a cohort table; each number with its CI and n."},
        footer = {"", "Files: CSV (or .csv.gz), header row, one row per image, image id in the first column.",
                "  scores  one column per finding (a prob_ prefix is dropped), probabilities in [0, 1]",
                "  labels  CXR14's pipe-separated 'Finding Labels' column, or one binary column per finding (1/0, YES/NO);",
                "          other columns (Patient ID, Patient Age, Patient Gender, View Position, ...) are metadata for --strata",
                "", "Examples:",
                "  ./lightbox evaluate --scores densenet121_cxr14_test_preds.csv --labels Data_Entry_2017_v2020.csv.gz --strata sex,age,view",
                "  ./lightbox evaluate --scores a.csv --scores2 b.csv --labels test_labels.csv --reference columns --json",
                "  ./lightbox evaluate --scores a.csv --labels labels.csv --point sensitivity:0.9 --prevalence 0.02 --report out/"})
final class EvaluateCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--scores", required = true, paramLabel = "S.csv", description = "Scores of the (first) model.")
    Path scores;

    @Option(names = "--labels", required = true, paramLabel = "L.csv", description = "Reference labels and metadata.")
    Path labels;

    @Option(names = "--reference", paramLabel = "COLUMN|columns",
            description = "The reference: a pipe-separated labels column (default 'Finding Labels' when present) or 'columns' for one binary column per finding.")
    String reference;

    @Option(names = "--scores2", paramLabel = "S2.csv", description = "Scores of a second model, compared with the paired DeLong test.")
    Path scores2;

    @Option(names = "--strata", split = ",", paramLabel = "COLUMN", description = "Metadata columns to split results by (sex, age, view or any header).")
    List<String> strata = new ArrayList<>();

    @Option(names = "--point", defaultValue = "youden", paramLabel = "RULE",
            description = "Operating point: youden, fixed:T, sensitivity:X or specificity:X (default: ${DEFAULT-VALUE}).")
    String point;

    @Option(names = "--split", defaultValue = "patients", paramLabel = "patients|none",
            description = "Choose the point on even patient ids and apply it to the others, or on all images (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--prevalence", paramLabel = "P", description = "Also report PPV and NPV at this deployment prevalence.")
    Double prevalence;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--any-scores", description = "Accept scores outside [0, 1] (not probabilities); Table 3 then needs probabilities and is meaningless.")
    boolean anyScores;

    @Option(names = "--json", description = "Print JSON: every estimate with its intervals, n and notes.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "Write a self-contained HTML report with PNG/SVG plots and CSV tables to DIR.")
    Path report;

    @Option(names = "--cohort", paramLabel = "COLUMN", description = "Group the cohort table by this column (default: the tuning / evaluation split).")
    String cohort;

    @Option(names = "--sample", defaultValue = "25", paramLabel = "N",
            description = "With --report: seeded samples of N TP, FP, FN and TN image ids per finding, to look at (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Seed of those samples (default: ${DEFAULT-VALUE}).")
    long seed;

    EvaluateCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        EvaluationOptions options;
        try {
            options = new EvaluationOptions(confidence, point, split, prevalence == null ? Double.NaN : prevalence, strata, cohort);
        } catch (IllegalArgumentException e) {
            err.println("lightbox evaluate: " + e.getMessage());
            return 2;
        }
        for (Path p : scores2 == null ? List.of(scores, labels) : List.of(scores, labels, scores2)) {
            if (!Files.isRegularFile(p)) {
                err.println("lightbox evaluate: no file at " + p);
                return 2;
            }
        }
        EvaluationData data;
        try {
            ScoreTable first = EvaluationFiles.readScores(scores, !anyScores);
            ScoreTable second = scores2 == null ? null : EvaluationFiles.readScores(scores2, !anyScores);
            LabelTable reference = EvaluationFiles.readLabels(labels, this.reference, first.findings());
            data = EvaluationData.join(first, second, reference);
            String problem = degenerate(data);
            if (problem != null) {
                err.println("lightbox evaluate: " + problem);
                return 1;
            }
        } catch (EvaluationFileException e) {
            err.println("lightbox evaluate: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("lightbox evaluate: cannot read: " + e.getMessage());
            return 1;
        }
        Evaluation evaluation;
        try {
            evaluation = services.service(Evaluator.class).evaluate(data, options);
        } catch (IllegalArgumentException e) {
            err.println("lightbox evaluate: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(EvaluationReport.json(evaluation));
        } else {
            EvaluationReport.text(evaluation, out);
        }
        if (report != null) {
            try {
                List<Path> files = new ArrayList<>(EvaluationReport.write(evaluation, report));
                files.add(EvaluationReport.writeErrorSamples(evaluation, report.resolve("error-samples.csv"), sample, seed));
                err.printf(Locale.ROOT, "lightbox evaluate: wrote %d files to %s (open %s)%n", files.size(), report, report.resolve("index.html"));
            } catch (IOException e) {
                err.println("lightbox evaluate: cannot write the report to " + report + ": " + e.getMessage());
                return 1;
            }
        }
        out.flush();
        return 0;
    }

    /** A finding with no positives or no negatives among the joined images, named with its file and column; or null. */
    private String degenerate(EvaluationData data) {
        LabelTable l = data.labels();
        for (int f = 0; f < data.findings().size(); f++) {
            BinaryScores s = data.finding(0, f);
            int pos = s.positives();
            if (pos == 0 || pos == s.size()) {
                String column = "'" + (l.reference().equals(EvaluationFiles.COLUMNS) ? data.findings().get(f) : l.reference()) + "'";
                return String.format(Locale.ROOT, "%s, column %s: finding '%s' has no %s among the %,d images that have scores;"
                        + " AUROC and the operating point need both positives and negatives", l.source(), column, data.findings().get(f),
                        pos == 0 ? "positives" : "negatives", s.size());
            }
        }
        return null;
    }
}
