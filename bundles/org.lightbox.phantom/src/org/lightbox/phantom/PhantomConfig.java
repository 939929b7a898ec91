package org.lightbox.phantom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a phantom set looks like: image size, the population (children, AP films, women, studies per
 * patient), the planted rates of findings, devices and defects, the noise of the report-mined labels
 * and the simulated readers. Immutable; {@code with…} methods return changed copies.
 *
 * @param size            image width and height in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
 * @param childRate       share of patients who are children (2–15 years)
 * @param apRate          share of studies taken AP (portable) rather than PA
 * @param femaleRate      share of patients who are women
 * @param studiesPerPatient mean number of studies per patient (at least 1; the count is 1 + geometric)
 * @param prevalence      per finding, the share of frontal chest images (not lateral, not another body
 *                        part) with the finding; findings are planted independently of each other
 * @param devices         one rule per device at most
 * @param defects         per defect, the share of all images with it; at most one defect per image
 * @param reportNoise     how the report-mined source labels differ from the truth
 * @param readers         the simulated readers, in order
 */
public record PhantomConfig(int size, double childRate, double apRate, double femaleRate, double studiesPerPatient,
        Map<PlantedFinding, Double> prevalence, List<DeviceRule> devices, Map<Defect, Double> defects,
        LabelNoise reportNoise, List<ReaderProfile> readers) {

    public static final int MIN_SIZE = 128;
    public static final int MAX_SIZE = 1024;
    public static final int DEFAULT_SIZE = 512;

    public PhantomConfig {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("the image size must be " + MIN_SIZE + " to " + MAX_SIZE
                    + " pixels, got " + size);
        }
        requireProbability("child rate", childRate);
        requireProbability("AP rate", apRate);
        requireProbability("female rate", femaleRate);
        if (!(studiesPerPatient >= 1 && studiesPerPatient <= 20)) {
            throw new IllegalArgumentException("the mean number of studies per patient must be 1 to 20, got "
                    + studiesPerPatient);
        }
        prevalence = probabilities("prevalence", prevalence);
        defects = defectRates(defects);
        devices = List.copyOf(devices);
        Set<Device> seen = new HashSet<>();
        for (DeviceRule rule : devices) {
            if (!seen.add(rule.device())) {
                throw new IllegalArgumentException("two rules for the device " + rule.device().code());
            }
        }
        Objects.requireNonNull(reportNoise, "reportNoise");
        readers = List.copyOf(readers);
        Set<String> ids = new HashSet<>();
        for (ReaderProfile reader : readers) {
            if (!ids.add(reader.id())) {
                throw new IllegalArgumentException("two readers have the id " + reader.id());
            }
        }
    }

    /**
     * Rates close to NIH ChestX-ray14 (Wang et al. 2017) where the demo can afford it, raised where a
     * few hundred images would show too few cases; report noise after the published NLP error rates
     * and the expert relabelling studies in ../shared/data/expert-labels.
     */
    public static PhantomConfig defaults() {
        EnumMap<PlantedFinding, Double> prevalence = new EnumMap<>(PlantedFinding.class);
        prevalence.put(PlantedFinding.ATELECTASIS, 0.10);
        prevalence.put(PlantedFinding.CARDIOMEGALY, 0.10);
        prevalence.put(PlantedFinding.EFFUSION, 0.12);
        prevalence.put(PlantedFinding.PNEUMOTHORAX, 0.07);
        prevalence.put(PlantedFinding.CONSOLIDATION, 0.08);
        prevalence.put(PlantedFinding.NODULE, 0.06);
        prevalence.put(PlantedFinding.MASS, 0.04);
        List<DeviceRule> devices = List.of(
                new DeviceRule(Device.CHEST_DRAIN, PlantedFinding.PNEUMOTHORAX, 0.70, 0.03),
                new DeviceRule(Device.PACEMAKER, PlantedFinding.CARDIOMEGALY, 0.30, 0.03),
                new DeviceRule(Device.ECG_LEADS, PlantedFinding.CONSOLIDATION, 0.50, 0.15));
        EnumMap<Defect, Double> defects = new EnumMap<>(Defect.class);
        for (Defect defect : Defect.values()) {
            defects.put(defect, 0.01);
        }
        EnumMap<PlantedFinding, Double> sensitivity = new EnumMap<>(PlantedFinding.class);
        EnumMap<PlantedFinding, Double> specificity = new EnumMap<>(PlantedFinding.class);
        double[][] rates = {{0.75, 0.96}, {0.80, 0.98}, {0.85, 0.96}, {0.85, 0.99}, {0.60, 0.96}, {0.60, 0.98},
            {0.80, 0.99}};
        for (PlantedFinding f : PlantedFinding.values()) {
            sensitivity.put(f, rates[f.ordinal()][0]);
            specificity.put(f, rates[f.ordinal()][1]);
        }
        LabelNoise noise = new LabelNoise(sensitivity, specificity, 0.6, 0.5);
        List<ReaderProfile> readers = List.of(
                new ReaderProfile("reader-a", "Reader A", 0.90, 0.95, 0.05, 0.10),
                new ReaderProfile("reader-b", "Reader B", 0.80, 0.97, 0.10, 0.20),
                new ReaderProfile("reader-c", "Reader C", 0.85, 0.92, 0.03, 0.30));
        return new PhantomConfig(DEFAULT_SIZE, 0.08, 0.35, 0.5, 1.6, prevalence, devices, defects, noise, readers);
    }

    public double prevalence(PlantedFinding finding) {
        return prevalence.getOrDefault(finding, 0.0);
    }

    public double defectRate(Defect defect) {
        return defects.getOrDefault(defect, 0.0);
    }

    /** The rule for a device; a device without one is never drawn. */
    public DeviceRule device(Device device) {
        for (DeviceRule rule : devices) {
            if (rule.device() == device) {
                return rule;
            }
        }
        return DeviceRule.independent(device, 0);
    }

    public PhantomConfig withSize(int newSize) {
        return new PhantomConfig(newSize, childRate, apRate, femaleRate, studiesPerPatient, prevalence, devices,
                defects, reportNoise, readers);
    }

    public PhantomConfig withPopulation(double children, double ap, double female, double studies) {
        return new PhantomConfig(size, children, ap, female, studies, prevalence, devices, defects, reportNoise,
                readers);
    }

    public PhantomConfig withPrevalence(PlantedFinding finding, double rate) {
        EnumMap<PlantedFinding, Double> copy = new EnumMap<>(PlantedFinding.class);
        copy.putAll(prevalence);
        copy.put(finding, rate);
        return new PhantomConfig(size, childRate, apRate, femaleRate, studiesPerPatient, copy, devices, defects,
                reportNoise, readers);
    }

    public PhantomConfig withDevice(DeviceRule rule) {
        List<DeviceRule> copy = new ArrayList<>();
        for (DeviceRule r : devices) {
            if (r.device() != rule.device()) {
                copy.add(r);
            }
        }
        copy.add(rule);
        copy.sort((x, y) -> x.device().compareTo(y.device()));
        return new PhantomConfig(size, childRate, apRate, femaleRate, studiesPerPatient, prevalence, copy, defects,
                reportNoise, readers);
    }

    public PhantomConfig withDefectRate(Defect defect, double rate) {
        EnumMap<Defect, Double> copy = new EnumMap<>(Defect.class);
        copy.putAll(defects);
        copy.put(defect, rate);
        return new PhantomConfig(size, childRate, apRate, femaleRate, studiesPerPatient, prevalence, devices, copy,
                reportNoise, readers);
    }

    public PhantomConfig withReportNoise(LabelNoise noise) {
        return new PhantomConfig(size, childRate, apRate, femaleRate, studiesPerPatient, prevalence, devices, defects,
                noise, readers);
    }

    public PhantomConfig withReaders(List<ReaderProfile> newReaders) {
        return new PhantomConfig(size, childRate, apRate, femaleRate, studiesPerPatient, prevalence, devices, defects,
                reportNoise, newReaders);
    }

    static void requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("the " + what + " must be a probability from 0 to 1, got " + p);
        }
    }

    static <K extends Enum<K>> Map<K, Double> probabilities(String what, Map<K, Double> map) {
        Objects.requireNonNull(map, what);
        for (Map.Entry<K, Double> e : map.entrySet()) {
            Objects.requireNonNull(e.getValue(), what + " of " + e.getKey());
            requireProbability(what + " of " + e.getKey(), e.getValue());
        }
        // an EnumMap iterates in declaration order: the manifest's columns never depend on hashing
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(map));
    }

    private static Map<Defect, Double> defectRates(Map<Defect, Double> map) {
        Map<Defect, Double> checked = probabilities("defect rate", map);
        double total = 0;
        for (double rate : checked.values()) {
            total += rate;
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("the defect rates add up to " + total + ", more than 1 (an image has"
                    + " at most one defect)");
        }
        return checked;
    }
}
