package org.lightbox.agreement.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.internal.DefaultAgreementAnalysis;
import org.lightbox.agreement.internal.FleissKappa;

/**
 * Benchmark, not a test (it never fails on time): every agreement statistic on 112,120 images x 14 findings x 5 readers
 * (synthetic, seeded: CXR14's finding prevalences and patient sizes, readers with their own sensitivity and
 * specificity), and in the same run statsmodels' {@code fleiss_kappa} on the same ratings through /usr/bin/python3.
 * <p>
 * Run after a build:
 * {@code java -cp bundles/org.lightbox.agreement/target/classes:tests/org.lightbox.agreement.tests/target/classes
 * org.lightbox.agreement.bench.AgreementBench}
 */
public final class AgreementBench {

    static final int IMAGES = 112_120;
    static final int READERS = 5;
    /** CXR14 findings and their prevalence among the 112,120 images of Data_Entry_2017 (rounded). */
    static final String[] FINDINGS = {"Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass", "Nodule", "Pneumonia",
        "Pneumothorax", "Consolidation", "Edema", "Emphysema", "Fibrosis", "Pleural_Thickening", "Hernia"};
    static final double[] PREVALENCE = {0.103, 0.025, 0.119, 0.177, 0.052, 0.056, 0.013, 0.047, 0.042, 0.021, 0.022, 0.015, 0.030, 0.002};
    static final long SEED = 2017;

    private AgreementBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        byte[][] ratings = synthesise();
        List<String> images = new ArrayList<>(IMAGES);
        List<String> patients = new ArrayList<>(IMAGES);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int patient = 0;
        for (int i = 0; i < IMAGES; i++) {
            // about 3.6 images per patient, as in CXR14 (30,805 patients)
            patient += i == 0 || random.nextDouble() < 0.275 ? 1 : 0;
            images.add(String.format("%08d_%03d.png", patient, i));
            patients.add(String.valueOf(patient));
        }
        DefaultAgreementAnalysis analysis = new DefaultAgreementAnalysis();
        FleissKappa fleiss = new FleissKappa();
        AgreementOptions analytic = AgreementOptions.DEFAULT.withReplicates(0);
        RatingTable[] tables = new RatingTable[FINDINGS.length];
        double[] ours = new double[FINDINGS.length];
        double buildMs = Double.MAX_VALUE;
        double allMs = Double.MAX_VALUE;
        double bothMs = Double.MAX_VALUE;
        double fleissMs = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int f = 0; f < FINDINGS.length; f++) {
                tables[f] = table(ratings[f], images, patients);
            }
            double build = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            for (int f = 0; f < FINDINGS.length; f++) {
                AgreementReport report = analysis.analyse(tables[f], analytic);
                ours[f] = report.get("Fleiss' kappa").value();
            }
            double all = (System.nanoTime() - start) / 1e6;
            buildMs = Math.min(buildMs, build);
            allMs = Math.min(allMs, all);
            bothMs = Math.min(bothMs, build + all);
            start = System.nanoTime();
            for (int f = 0; f < FINDINGS.length; f++) {
                ours[f] = fleiss.estimate(tables[f], analytic).value();
            }
            fleissMs = Math.min(fleissMs, (System.nanoTime() - start) / 1e6);
        }
        long start = System.nanoTime();
        for (int f = 0; f < FINDINGS.length; f++) {
            analysis.analyse(tables[f], AgreementOptions.DEFAULT);
        }
        double bootstrapMs = (System.nanoTime() - start) / 1e6;

        double[] python = statsmodels(ratings);
        print(rounds, new double[] {buildMs, allMs, bothMs, fleissMs, bootstrapMs}, python, ours);
    }

    /** One finding's table: NO/YES codes of 5 readers per image, images clustered by patient. */
    static RatingTable table(byte[] ratings, List<String> images, List<String> patients) {
        int[] codes = new int[ratings.length];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = ratings[k];
        }
        return new RatingTable(images, List.of("r1", "r2", "r3", "r4", "r5"), List.of("NO", "YES"), Level.NOMINAL, codes, patients, true);
    }

    /** Ratings [finding][image * READERS + reader]: 1 = YES. Each reader has a sensitivity and specificity per finding. */
    static byte[][] synthesise() {
        SplittableRandom random = new SplittableRandom(SEED);
        byte[][] ratings = new byte[FINDINGS.length][IMAGES * READERS];
        for (int f = 0; f < FINDINGS.length; f++) {
            double[] sensitivity = new double[READERS];
            double[] specificity = new double[READERS];
            for (int r = 0; r < READERS; r++) {
                sensitivity[r] = 0.55 + 0.35 * random.nextDouble();
                specificity[r] = 0.90 + 0.09 * random.nextDouble();
            }
            for (int i = 0; i < IMAGES; i++) {
                boolean present = random.nextDouble() < PREVALENCE[f];
                for (int r = 0; r < READERS; r++) {
                    boolean yes = present ? random.nextDouble() < sensitivity[r] : random.nextDouble() >= specificity[r];
                    ratings[f][i * READERS + r] = (byte) (yes ? 1 : 0);
                }
            }
        }
        return ratings;
    }

    /** statsmodels' fleiss_kappa on the same ratings: {seconds for aggregate_raters + fleiss_kappa, for fleiss_kappa alone, kappas...}. */
    static double[] statsmodels(byte[][] ratings) throws IOException, InterruptedException {
        Path data = Files.createTempFile("lightbox-bench", ".u8");
        try {
            try (OutputStream out = Files.newOutputStream(data)) {
                for (byte[] finding : ratings) {
                    out.write(finding);
                }
            }
            String script = String.join("\n",
                    "import sys, time, numpy as np",
                    "from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa",
                    "n, m = int(sys.argv[2]), int(sys.argv[3])",
                    "data = np.fromfile(sys.argv[1], dtype=np.uint8).reshape(14, n, m)",
                    "both = alone = 0.0; kappas = []",
                    "for i in range(14):",
                    "    t0 = time.perf_counter(); table, _ = aggregate_raters(data[i]); t1 = time.perf_counter()",
                    "    kappas.append(fleiss_kappa(table)); t2 = time.perf_counter()",
                    "    both += t2 - t0; alone += t2 - t1",
                    "print(both, alone, *['%.17g' % k for k in kappas])");
            Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, data.toString(), String.valueOf(IMAGES),
                    String.valueOf(READERS)).redirectErrorStream(true).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (python.waitFor() != 0) {
                System.out.println("statsmodels did not run (apt-get install python3-statsmodels): " + output);
                return null;
            }
            return Arrays.stream(output.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        } finally {
            Files.deleteIfExists(data);
        }
    }

    private static void print(int rounds, double[] ms, double[] python, double[] ours) {
        System.out.printf(Locale.ROOT, "%nAgreement bench: %,d images x %d findings x %d readers (synthetic, seed %d), %d cores, Java %s%n",
                IMAGES, FINDINGS.length, READERS, SEED, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-78s %10s%n", "step (all 14 findings; best of " + rounds + " rounds where repeated)", "ms");
        System.out.printf(Locale.ROOT, "%-78s %10.1f%n", "Lightbox: build the 14 rating tables (validated, patients attached)", ms[0]);
        System.out.printf(Locale.ROOT, "%-78s %10.1f%n", "Lightbox: all statistics, analytic CIs (overall, per category, 10 reader pairs)", ms[1]);
        System.out.printf(Locale.ROOT, "%-78s %10.1f%n", "Lightbox: build + all statistics", ms[2]);
        System.out.printf(Locale.ROOT, "%-78s %10.1f%n", "Lightbox: Fleiss' kappa only", ms[3]);
        System.out.printf(Locale.ROOT, "%-78s %10.1f%n", "Lightbox: all statistics + 1,000 bootstrap resamples by patient (one run)", ms[4]);
        double allMs = ms[1];
        double fleissMs = ms[3];
        if (python == null) {
            return;
        }
        double maxDiff = 0;
        for (int f = 0; f < ours.length; f++) {
            maxDiff = Math.max(maxDiff, Math.abs(ours[f] - python[2 + f]));
        }
        System.out.printf(Locale.ROOT, "%-78s %10.1f%n", "statsmodels: aggregate_raters + fleiss_kappa", 1000 * python[0]);
        System.out.printf(Locale.ROOT, "%-78s %10.1f%n", "statsmodels: fleiss_kappa alone (counts given)", 1000 * python[1]);
        System.out.printf(Locale.ROOT, "ratio Lightbox all statistics / statsmodels aggregate_raters + fleiss_kappa: %.2f%n", allMs / (1000 * python[0]));
        System.out.printf(Locale.ROOT, "ratio Lightbox Fleiss only / statsmodels aggregate_raters + fleiss_kappa:    %.2f%n", fleissMs / (1000 * python[0]));
        System.out.printf(Locale.ROOT, "ratio Lightbox Fleiss only / statsmodels fleiss_kappa alone:                  %.2f%n", fleissMs / (1000 * python[1]));
        System.out.printf(Locale.ROOT, "largest |Lightbox - statsmodels| Fleiss' kappa over the 14 findings: %.1e%n", maxDiff);
    }
}
