package org.lightbox.phantom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.phantom.Defect;
import org.lightbox.phantom.Device;
import org.lightbox.phantom.DeviceRule;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomSetWriter;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.ReaderProfile;
import org.lightbox.phantom.tests.Manifest.Rate;

/**
 * 2,000 phantoms written to disk, then every configured rate measured back from manifest.csv and
 * reads.csv (parsed here, not by the generator) and compared with the configuration. Tolerance:
 * 4 binomial standard deviations of the subgroup measured, √(p(1−p)/n); a correct generator fails
 * one of these ~60 comparisons with probability about 0.4 % (and, being seeded, always or never).
 */
class PlantedRatesTest {

    private static final int COUNT = 2000;
    private static PhantomConfig config;
    private static Manifest manifest;
    private static List<String[]> reads;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeSet() throws IOException {
        PhantomConfig c = PhantomConfig.defaults().withSize(128).withPopulation(0.1, 0.35, 0.5, 1.6)
                .withDevice(new DeviceRule(Device.CHEST_DRAIN, PlantedFinding.PNEUMOTHORAX, 0.7, 0.1))
                .withDevice(new DeviceRule(Device.PACEMAKER, PlantedFinding.CARDIOMEGALY, 0.4, 0.05))
                .withDevice(DeviceRule.independent(Device.ECG_LEADS, 0.3));
        for (PlantedFinding f : PlantedFinding.values()) {
            c = c.withPrevalence(f, 0.25);
        }
        for (Defect d : Defect.values()) {
            c = c.withDefectRate(d, 0.02);
        }
        config = c;
        new PhantomSetWriter(new PhantomGenerator(config, 4242), PhantomEncoder.png8(), 2).write(dir, COUNT);
        manifest = Manifest.read(dir.resolve(PhantomSetWriter.MANIFEST));
        List<String> lines = Files.readAllLines(dir.resolve(PhantomSetWriter.READS));
        reads = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            reads.add(line.split(",", -1));
        }
    }

    private static List<Map<String, String>> chest() {
        return manifest.where(r -> !r.get("defect").equals("lateral") && !r.get("defect").equals("non-chest"));
    }

    @Test
    @DisplayName("The manifest has one row per image file, and every file named in it exists")
    void manifestMatchesFiles() {
        assertEquals(COUNT, manifest.rows().size());
        for (Map<String, String> row : manifest.rows()) {
            assertTrue(Files.isRegularFile(dir.resolve(row.get("file"))), row.get("file"));
        }
    }

    @Test
    @DisplayName("Each finding's prevalence among frontal chest images is the configured 0.25")
    void prevalences() {
        List<String> failures = new ArrayList<>();
        for (PlantedFinding f : PlantedFinding.values()) {
            check(failures, f.code(), Manifest.rate(chest(), "truth_" + f.code()), config.prevalence(f));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @DisplayName("Cardiomegaly is planted exactly on the images whose cardiothoracic ratio exceeds 0.5")
    void cardiomegalyFollowsTheRatio() {
        for (Map<String, String> row : chest()) {
            boolean enlarged = Double.parseDouble(row.get("ctr")) > 0.5;
            assertEquals(enlarged ? "1" : "0", row.get("truth_Cardiomegaly"), row.get("image"));
        }
    }

    @Test
    @DisplayName("Devices appear at their configured rates with and without the finding they go with")
    void deviceCorrelations() {
        List<String> failures = new ArrayList<>();
        for (Device d : Device.values()) {
            DeviceRule rule = config.device(d);
            String column = "device_" + d.code();
            if (rule.linkedFinding() == null) {
                check(failures, d.code(), Manifest.rate(chest(), column), rule.withFinding());
                continue;
            }
            String finding = "truth_" + rule.linkedFinding().code();
            check(failures, d.code() + " with " + finding, Manifest.rate(
                    chest().stream().filter(r -> r.get(finding).equals("1")).toList(), column), rule.withFinding());
            check(failures, d.code() + " without " + finding, Manifest.rate(
                    chest().stream().filter(r -> r.get(finding).equals("0")).toList(), column), rule.withoutFinding());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @DisplayName("Each defect is on its configured 2 % of all images, AP films on 35 %")
    void defectsAndViews() {
        List<String> failures = new ArrayList<>();
        for (Defect d : Defect.values()) {
            long k = manifest.rows().stream().filter(r -> r.get("defect").equals(d.code())).count();
            check(failures, d.code(), new Rate(k, COUNT), config.defectRate(d));
        }
        long ap = manifest.rows().stream().filter(r -> r.get("view").equals("AP")).count();
        check(failures, "AP", new Rate(ap, COUNT), config.apRate());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @DisplayName("Patients: 10 % children, half women, 1.6 studies each on average, and one age, sex and build per patient")
    void patients() {
        Map<String, List<Map<String, String>>> byPatient = new HashMap<>();
        for (Map<String, String> row : manifest.rows()) {
            byPatient.computeIfAbsent(row.get("patient"), p -> new ArrayList<>()).add(row);
        }
        int n = byPatient.size();
        long children = byPatient.values().stream().filter(s -> s.get(0).get("child").equals("1")).count();
        long women = byPatient.values().stream().filter(s -> s.get(0).get("sex").equals("F")).count();
        List<String> failures = new ArrayList<>();
        check(failures, "children", new Rate(children, n), config.childRate());
        check(failures, "women", new Rate(women, n), config.femaleRate());
        // studies = 1 + geometric with mean 0.6: variance (1-p)/p² with p = 1/1.6
        double p = 1 / config.studiesPerPatient();
        double sd = Math.sqrt((1 - p) / (p * p) / n);
        double mean = (double) COUNT / n;
        if (Math.abs(mean - config.studiesPerPatient()) > 4 * sd) {
            failures.add(String.format("studies per patient %.3f, expected %.3f ± %.3f", mean, config.studiesPerPatient(), 4 * sd));
        }
        for (List<Map<String, String>> studies : byPatient.values()) {
            Set<String> sexes = new HashSet<>();
            studies.forEach(s -> sexes.add(s.get("sex") + s.get("child")));
            assertEquals(1, sexes.size(), "one sex and age group per patient: " + studies.get(0).get("patient"));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @DisplayName("Report-mined labels have the configured sensitivity and specificity per finding, away from the planted confusions")
    void reportNoise() {
        List<String> failures = new ArrayList<>();
        for (PlantedFinding f : PlantedFinding.values()) {
            String truth = "truth_" + f.code();
            String report = "report_" + f.code();
            List<Map<String, String>> positives = chest().stream().filter(r -> r.get(truth).equals("1"))
                    .filter(r -> f != PlantedFinding.EFFUSION || r.get("truth_Consolidation").equals("0")).toList();
            List<Map<String, String>> negatives = chest().stream().filter(r -> r.get(truth).equals("0"))
                    .filter(r -> f != PlantedFinding.PNEUMOTHORAX || r.get("device_chest-drain").equals("0")).toList();
            check(failures, f.code() + " sensitivity", Manifest.rate(positives, report),
                    config.reportNoise().sensitivity(f));
            Rate falsePositive = Manifest.rate(negatives, report);
            check(failures, f.code() + " 1 - specificity", falsePositive, 1 - config.reportNoise().specificity(f));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @DisplayName("A drain makes the miner report pneumothorax, and consolidation hides effusion, as often as configured")
    void structuredNoise() {
        double spec = config.reportNoise().specificity(PlantedFinding.PNEUMOTHORAX);
        double drain = config.reportNoise().drainReportedAsPneumothorax();
        List<Map<String, String>> drains = chest().stream()
                .filter(r -> r.get("device_chest-drain").equals("1") && r.get("truth_Pneumothorax").equals("0")).toList();
        double sens = config.reportNoise().sensitivity(PlantedFinding.EFFUSION);
        double hidden = config.reportNoise().effusionHiddenByConsolidation();
        List<Map<String, String>> both = chest().stream()
                .filter(r -> r.get("truth_Effusion").equals("1") && r.get("truth_Consolidation").equals("1")).toList();
        List<String> failures = new ArrayList<>();
        check(failures, "pneumothorax reported with a drain and no pneumothorax", Manifest.rate(drains, "report_Pneumothorax"),
                1 - spec * (1 - drain));
        check(failures, "effusion reported under consolidation", Manifest.rate(both, "report_Effusion"), sens * (1 - hidden));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(manifest.where(r -> r.get("defect").equals("lateral")).stream()
                .allMatch(r -> r.entrySet().stream().noneMatch(e -> e.getKey().startsWith("report_") && e.getValue().equals("1"))),
                "lateral films get no report labels");
    }

    @Test
    @DisplayName("Simulated readers skip images, hedge and err at their configured rates")
    void readers() {
        Map<String, Map<String, String>> byImage = new HashMap<>();
        chest().forEach(r -> byImage.put(r.get("image"), r));
        List<String> failures = new ArrayList<>();
        for (ReaderProfile reader : config.readers()) {
            Set<String> read = new HashSet<>();
            long uncertain = 0;
            long calls = 0;
            long truePositive = 0;
            long positives = 0;
            long trueNegative = 0;
            long negatives = 0;
            for (String[] r : reads) {
                if (!r[0].equals(reader.id())) {
                    continue;
                }
                read.add(r[1]);
                calls++;
                if (r[3].equals("uncertain")) {
                    uncertain++;
                    continue;
                }
                boolean present = byImage.get(r[1]).get("truth_" + r[2]).equals("1");
                if (present) {
                    positives++;
                    truePositive += r[3].equals("present") ? 1 : 0;
                } else {
                    negatives++;
                    trueNegative += r[3].equals("absent") ? 1 : 0;
                }
            }
            check(failures, reader.id() + " missing", new Rate(byImage.size() - read.size(), byImage.size()), reader.missing());
            // calls on one image share its truth but are drawn independently: per-call binomial holds
            check(failures, reader.id() + " uncertain", new Rate(uncertain, calls), reader.uncertain());
            check(failures, reader.id() + " sensitivity", new Rate(truePositive, positives), reader.sensitivity());
            check(failures, reader.id() + " specificity", new Rate(trueNegative, negatives), reader.specificity());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(List<String> failures, String what, Rate rate, double expected) {
        String line = what + ": " + rate.against(expected);
        System.out.println("[phantom rates] " + line);
        if (!rate.matches(expected)) {
            failures.add(line);
        }
    }
}
