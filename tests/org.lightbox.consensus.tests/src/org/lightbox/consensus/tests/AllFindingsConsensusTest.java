package org.lightbox.consensus.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.Estimate;
import org.lightbox.consensus.ConsensusOptions;
import org.lightbox.consensus.ConsensusResult;
import org.lightbox.consensus.ConsensusRunner;
import org.lightbox.consensus.ConsensusSummary;
import org.lightbox.consensus.ExportOptions;
import org.lightbox.consensus.ExportService;
import org.lightbox.consensus.ResidualFindingRule;
import org.lightbox.dataset.DatasetImporter;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.model.ReadValue;
import org.lightbox.store.ProjectSession;

/**
 * Issue 6, item 7 on real reads: the CXR14 all-findings labels (810 PA images, 5 radiologists; Nabulsi et al. 2021).
 * The authors' ground truth is the majority of readers 4343882785, 4343883593 and 4343883996, with {@code Other} also
 * YES when the majority called the image abnormal but no finding had a majority (README beside the data). The authors'
 * {@code test_labels.csv} for this set is not in the shared data, so the consensus is checked against an independent
 * Python computation of their rule ({@code fixtures/all_findings_majority.py}, output in
 * {@code fixtures/all-findings-majority-reference.txt}: counts per finding and the SHA-256 of the per-image listing),
 * and compared with the other published panel on the same images, the adjudicated four-findings test labels.
 */
class AllFindingsConsensusTest {

    static final Set<String> GROUND_TRUTH = Set.of("google-4343882785", "google-4343883593", "google-4343883996");

    @TempDir
    Path dir;

    @Test
    @DisplayName("The all-findings majority of the authors' three readers, with their rule for Other, matches the reference and exports")
    void authorsConsensus() throws Exception {
        Path reads = SharedData.file("expert-labels", "all-findings", "test_individual_readers.csv");
        Path panel = SharedData.file("expert-labels", "four-findings", "test_labels.csv");
        Map<String, String> reference = reference();
        try (ProjectSession s = Projects.create(dir.resolve("all-findings.lightbox"))) {
            Map<String, String> patients = patients(reads);
            Projects.images(s, List.copyOf(patients.keySet()), List.copyOf(patients.values()));
            ImportReport report = Projects.service(DatasetImporter.class, null).importExpertReads(s, reads, ImportProgress.NONE);
            assertEquals(0, report.failed(), report.summary());
            ConsensusSummary summary = Projects.service(ConsensusRunner.class, null).run(s, "majority",
                    ConsensusOptions.DEFAULT.withReaders(GROUND_TRUTH).withResidual(new ResidualFindingRule("Other", "Abnormal")));
            System.out.println("All-findings consensus (majority of the authors' three readers, n = 810 PA images):");
            System.out.printf(Locale.ROOT, "%-20s %8s %7s %5s  %s%n", "finding", "PRESENT", "ABSENT", "ties", "prevalence (95% Wilson CI)");
            for (ConsensusResult r : summary.results()) {
                Estimate p = summary.prevalence(r.finding(), 0.95);
                System.out.printf(Locale.ROOT, "%-20s %8d %7d %5d  %.3f (%.3f to %.3f), n = %d%n", r.finding(),
                        summary.count(r.finding(), ReadValue.PRESENT), summary.count(r.finding(), ReadValue.ABSENT), r.ties().size(),
                        p.value(), p.interval().orElseThrow().lower(), p.interval().orElseThrow().upper(), p.n().subjects());
                assertEquals(810, summary.decided(r.finding()), r.finding());
                assertEquals(0, r.ties().size(), "three readers reading YES/NO never tie");
                assertEquals(Long.parseLong(reference.get("positive " + r.finding().replace(' ', '_'))),
                        summary.count(r.finding(), ReadValue.PRESENT), r.finding() + ": PRESENT images, the Python reference's count");
            }
            long byRule = summary.results().stream().filter(r -> r.finding().equals("Other")).flatMap(r -> r.decisions().stream())
                    .filter(d -> d.note().contains("residual rule")).count();
            System.out.printf(Locale.ROOT, "Other: %d by majority alone, %d more by the authors' rule%n",
                    summary.count("Other", ReadValue.PRESENT) - byRule, byRule);
            assertEquals(Long.parseLong(reference.get("positive Other_by_majority_alone")), summary.count("Other", ReadValue.PRESENT) - byRule);
            Path export = dir.resolve("all-findings-consensus.csv");
            Projects.service(ExportService.class, null).export(s, "cxr14", ExportOptions.labels("majority"), export);
            assertEquals(reference.get("sha256"), canonicalHash(export), "per-image labels of the export against the Python reference");
            compareWithPanel(export, panel, reference);
        }
    }

    @Test
    @DisplayName("Dawid-Skene over all five readers matches an independent numpy run on every finding, printed beside the majority")
    void dawidSkeneOnAllReaders() throws Exception {
        Path reads = SharedData.file("expert-labels", "all-findings", "test_individual_readers.csv");
        Map<String, String[]> reference = new LinkedHashMap<>();
        Fixtures.lines("all-findings-dawid-skene-reference.txt").stream().filter(l -> !l.startsWith("#"))
                .forEach(l -> reference.put(l.split(" ")[0], l.split(" ")));
        try (ProjectSession s = Projects.create(dir.resolve("all-findings.lightbox"))) {
            Map<String, String> patients = patients(reads);
            Projects.images(s, List.copyOf(patients.keySet()), List.copyOf(patients.values()));
            Projects.service(DatasetImporter.class, null).importExpertReads(s, reads, ImportProgress.NONE);
            ConsensusRunner runner = Projects.service(ConsensusRunner.class, null);
            ConsensusSummary majority = runner.run(s, "majority", ConsensusOptions.DEFAULT.withReaders(GROUND_TRUTH));
            ConsensusSummary em = runner.run(s, "dawid-skene", ConsensusOptions.DEFAULT);
            System.out.println("Dawid-Skene (5 readers) against the majority of the authors' 3 readers, n = 810 images per finding:");
            System.out.printf(Locale.ROOT, "%-20s %9s %9s %7s  %s%n", "finding", "DS PRES.", "MAJ PRES.", "differ", "EM");
            for (ConsensusResult r : em.results()) {
                Map<String, ReadValue> byMajority = new LinkedHashMap<>();
                majority.results().stream().filter(m -> m.finding().equals(r.finding())).flatMap(m -> m.decisions().stream())
                        .forEach(d -> byMajority.put(d.image(), d.value()));
                long differ = r.decisions().stream().filter(d -> d.value() != byMajority.get(d.image())).count();
                System.out.printf(Locale.ROOT, "%-20s %9d %9d %7d  %s%n", r.finding(), em.count(r.finding(), ReadValue.PRESENT),
                        majority.count(r.finding(), ReadValue.PRESENT), differ, r.notes().get(0));
                String[] expected = reference.get(r.finding().replace(' ', '_'));
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("EM converged after (\\d+) iterations, log likelihood (\\S+)")
                        .matcher(r.notes().get(0));
                org.junit.jupiter.api.Assertions.assertTrue(m.find(), r.finding() + ": " + r.notes());
                assertEquals(Integer.parseInt(expected[1]), Integer.parseInt(m.group(1)), 2, r.finding() + ": EM iterations");
                assertEquals(Double.parseDouble(expected[2]), Double.parseDouble(m.group(2)), 1e-3, r.finding() + ": log likelihood");
                assertEquals(Long.parseLong(expected[3]), em.count(r.finding(), ReadValue.PRESENT), r.finding() + ": PRESENT images");
                assertEquals(5, r.readers().size(), r.finding() + ": a confusion matrix per reader");
            }
        }
    }

    /** The export against the four-findings adjudicated panel (reference) on the same 810 images. */
    private static void compareWithPanel(Path export, Path panelFile, Map<String, String> reference) throws Exception {
        Map<String, Set<String>> ours = new TreeMap<>();
        for (String line : Files.readAllLines(export).subList(1, 811)) {
            String[] f = line.split(",");
            ours.put(f[0], Set.of(f[1].split("\\|")));
        }
        List<String> lines = Files.readAllLines(panelFile);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        Map<String, String[]> panel = new LinkedHashMap<>();
        lines.subList(1, lines.size()).forEach(l -> panel.put(l.split(",")[0], l.split(",")));
        System.out.println("Consensus against the four-findings adjudicated panel (reference), same images:");
        for (String[] c : new String[][] {{"Pneumothorax", "Pneumothorax"}, {"Nodule_or_mass", "Nodule or mass"}}) {
            // the header's "OriginalImage[Width,Height]" splits at its comma as the rows' two numbers do
            int column = header.indexOf(c[1]);
            long[] cells = new long[4];
            for (Map.Entry<String, Set<String>> e : ours.entrySet()) {
                String[] row = panel.get(e.getKey());
                boolean p = row[column].equals("YES");
                boolean o = c[0].equals("Pneumothorax") ? e.getValue().contains("Pneumothorax")
                        : e.getValue().contains("Mass") || e.getValue().contains("Nodule");
                cells[(o ? 0 : 2) + (p ? 0 : 1)]++;
            }
            DiagnosticAccuracy a = DiagnosticAccuracy.of(cells[0], cells[1], cells[2], cells[3], 0.95);
            System.out.printf(Locale.ROOT, "  %-15s TP %d FP %d FN %d TN %d; %s; %s%n", c[0], cells[0], cells[1], cells[2], cells[3],
                    a.sensitivity().format(), a.specificity().format());
            assertEquals(reference.get("panel " + c[0]), cells[0] + " " + cells[1] + " " + cells[2] + " " + cells[3], c[0] + " 2x2");
        }
    }

    /** Image ID to Patient ID, in file order. */
    private static Map<String, String> patients(Path reads) throws Exception {
        Map<String, String> patients = new LinkedHashMap<>();
        for (String line : Files.readAllLines(reads).subList(1, 4051)) {
            String[] f = line.split(",");
            patients.putIfAbsent(f[0], f[1]);
        }
        return patients;
    }

    /** Sorted lines "image,labels sorted and joined with |" of a CXR14 export, hashed as the Python reference hashes them. */
    private static String canonicalHash(Path export) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(export).subList(1, 811)) {
            String[] f = line.split(",");
            String[] labels = f[1].split("\\|");
            Arrays.sort(labels);
            lines.add(f[0] + "," + String.join("|", labels));
        }
        lines.sort(null);
        String text = String.join("\n", lines) + "\n";
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> reference() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Fixtures.lines("all-findings-majority-reference.txt")) {
            if (!line.startsWith("#")) {
                int cut = line.lastIndexOf(' ');
                if (line.startsWith("panel ")) {
                    String[] f = line.split(" ");
                    values.put("panel " + f[1], f[2] + " " + f[3] + " " + f[4] + " " + f[5]);
                } else {
                    values.put(line.substring(0, cut), line.substring(cut + 1));
                }
            }
        }
        return values;
    }
}
