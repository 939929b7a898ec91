package org.lightbox.evaluation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.DeLong;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationFiles;
import org.lightbox.evaluation.EvaluationOptions;
import org.lightbox.evaluation.LabelTable;
import org.lightbox.evaluation.OperatingPoint;
import org.lightbox.evaluation.ScoreTable;
import org.lightbox.evaluation.internal.DefaultEvaluator;

/**
 * Benchmark (issue 7): the whole evaluation of the real DenseNet-121 predictions (22,433 images x 14 findings), with the
 * age-only model as second model, and R's pROC doing the same core work (AUROC + DeLong CI, paired DeLong test, Youden
 * point) on the same files in the same run. Prints a table; never a test.
 * Usage: {@code java -cp ... org.lightbox.evaluation.bench.EvaluationBench [SHARED_DATA_DIR] [RUNS]}
 */
public final class EvaluationBench {

    private EvaluationBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path preds = data.resolve("predictions/densenet121_cxr14_test_preds.csv");
        Path labels = data.resolve("cxr14/Data_Entry_2017_v2020.csv.gz");
        long t0 = System.nanoTime();
        ScoreTable scores = EvaluationFiles.readScores(preds, true);
        LabelTable reference = EvaluationFiles.readLabels(labels, null, scores.findings());
        EvaluationData one = EvaluationData.join(scores, null, reference);
        double readMs = (System.nanoTime() - t0) / 1e6;
        EvaluationData two = withAgeModel(one);
        int n = one.size();
        int k = one.findings().size();
        DefaultEvaluator evaluator = new DefaultEvaluator();
        EvaluationOptions all = new EvaluationOptions(0.95, "youden", "patients", 0.02, List.of("sex", "age", "view"), null);
        System.out.printf(Locale.ROOT, "Evaluation benchmark: %,d images x %d findings, %d timed runs after warm-up (median, min); Java %s, %d cores%n",
                n, k, runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-70s %10s %10s%n", "task", "median ms", "min ms");
        row("read + join scores (22,433 rows) and labels (112,120 rows, gz), once", new double[] {readMs}, 1);
        double[] core = time(runs, () -> core(one));
        row("pROC's work in Java: 14 x (AUROC + DeLong CI), paired DeLong, Youden", time(runs, () -> proc(two)), runs);
        row("14 x AUROC with DeLong CI (one model)", core, runs);
        row("everything in (1), one model: + points, metrics, averages, 3 strata, T3/T4, cohort",
                time(runs, () -> evaluator.evaluate(one, all)), runs);
        double[] both = time(runs, () -> evaluator.evaluate(two, all));
        row("everything in (1), two models + paired DeLong (Tables 1-4)", both, runs);
        Double r = pROC(data);
        if (r == null) {
            System.out.println("pROC: Rscript or pROC not found; no comparison");
            return;
        }
        double java = median(time(runs, () -> proc(two)));
        row("pROC 1.18.0 (R): 14 x (roc + ci.auc delong), roc.test paired, coords best", new double[] {r}, 1);
        System.out.printf(Locale.ROOT, "ratio pROC / Lightbox on the same work: %.1fx (Lightbox %.1f ms, pROC %.0f ms);"
                + " everything in (1), two models: %.0f ms (goal <= 1000 ms)%n", r / java, java, r, median(both));
    }

    /** The work the pROC script does, in Java: per finding AUROC + CI for both models, the paired test, Youden's point. */
    private static Object proc(EvaluationData two) {
        double sum = 0;
        for (int f = 0; f < two.findings().size(); f++) {
            BinaryScores a = two.finding(0, f);
            BinaryScores b = two.finding(1, f);
            sum += DeLong.paired(a, b, 0.95).test().statistic();
            sum += OperatingPoint.youden(a, "all").threshold();
        }
        return sum;
    }

    private static Object core(EvaluationData one) {
        double sum = 0;
        for (int f = 0; f < one.findings().size(); f++) {
            sum += DeLong.auroc(one.finding(0, f), 0.95).value();
        }
        return sum;
    }

    private static EvaluationData withAgeModel(EvaluationData one) {
        String[] age = one.labels().column("Patient Age");
        double[] s = new double[age.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.min(Double.parseDouble(age[i]), 100) / 100;
        }
        double[][][] scores = new double[2][one.findings().size()][];
        for (int f = 0; f < scores[0].length; f++) {
            scores[0][f] = one.scores()[0][f];
            scores[1][f] = s;
        }
        return new EvaluationData(one.labels(), List.of("densenet121", "age"), one.findings(), scores, one.unmatched(), List.of());
    }

    private static double[] time(int runs, Callable<Object> task) throws Exception {
        for (int i = 0; i < 5; i++) {
            task.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            Object result = task.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (result == null || (result instanceof Evaluation e && e.findings().isEmpty())) {
                throw new IllegalStateException("empty result");
            }
        }
        return ms;
    }

    private static void row(String task, double[] ms, int runs) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-70s %10.1f %10.1f%n", task, median(ms), sorted[0]);
    }

    private static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Runs pROC on the same files (reading excluded from the timing); milliseconds, or null without R and pROC. */
    private static Double pROC(Path data) throws IOException, InterruptedException {
        String script = """
                suppressMessages(library(pROC))
                a <- commandArgs(trailingOnly = TRUE)
                p <- read.csv(file.path(a[1], "predictions/densenet121_cxr14_test_preds.csv"), check.names = FALSE)
                e <- read.csv(gzfile(file.path(a[1], "cxr14/Data_Entry_2017_v2020.csv.gz")), check.names = FALSE, colClasses = "character")[, 1:7]
                d <- merge(p, e, by = "Image Index")
                age <- pmin(as.numeric(d[["Patient Age"]]), 100) / 100
                f <- sub("^prob_", "", names(p)[-1])
                y <- sapply(f, function(x) as.integer(vapply(strsplit(d[["Finding Labels"]], "|", fixed = TRUE), function(l) x %in% l, TRUE)))
                run <- function() for (x in f) {
                  ra <- roc(y[, x], d[[paste0("prob_", x)]], levels = c(0, 1), direction = "<", quiet = TRUE)
                  rb <- roc(y[, x], age, levels = c(0, 1), direction = "<", quiet = TRUE)
                  ci.auc(ra, method = "delong"); ci.auc(rb, method = "delong")
                  roc.test(ra, rb, method = "delong", paired = TRUE)
                  coords(ra, "best", best.method = "youden", ret = "threshold", transpose = FALSE)
                }
                run()
                t <- sapply(1:3, function(i) system.time(run())[["elapsed"]])
                cat(sprintf("PROC_MS %.1f\\n", 1000 * median(t)))
                """;
        Path file = Files.createTempFile("lightbox-bench", ".R");
        Files.writeString(file, script);
        try {
            Process p = new ProcessBuilder("Rscript", file.toString(), data.toAbsolutePath().toString()).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>(new String(p.getInputStream().readAllBytes()).lines().toList());
            p.waitFor();
            return lines.stream().filter(l -> l.startsWith("PROC_MS ")).map(l -> Double.valueOf(l.substring(8).strip())).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
