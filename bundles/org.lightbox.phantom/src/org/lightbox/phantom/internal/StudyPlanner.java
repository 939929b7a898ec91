package org.lightbox.phantom.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.lightbox.phantom.Defect;
import org.lightbox.phantom.Device;
import org.lightbox.phantom.DeviceRule;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.Projection;
import org.lightbox.phantom.Side;

/**
 * Decides what each image shows: which patient (several studies per patient), who the patient is,
 * and what is planted. Draws come from per-patient and per-image streams, so image i's truth is the
 * same whatever else is generated.
 */
public final class StudyPlanner {

    private final PhantomConfig config;
    private final long seed;
    /** patientOf[i], followUpOf[i] for the images planned so far. */
    private final List<int[]> plan = new ArrayList<>();
    private int nextPatient = 1;

    public StudyPlanner(PhantomConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    public synchronized PhantomTruth truth(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("image index must be 0 or more, got " + index);
        }
        while (plan.size() <= index) {
            int studies = studies(nextPatient);
            for (int k = 0; k < studies; k++) {
                plan.add(new int[] {nextPatient, k});
            }
            nextPatient++;
        }
        int[] pk = plan.get(index);
        return truth(index, pk[0], pk[1]);
    }

    /** 1 + a geometric count with the configured mean, at most 8. */
    private int studies(int patient) {
        Random r = Seeds.random(seed, patient, Seeds.PLAN);
        double extra = config.studiesPerPatient() - 1;
        double p = 1 / (1 + extra);                 // geometric on 0,1,2,… with mean extra
        int n = 1;
        while (n < 8 && r.nextDouble() >= p) {
            n++;
        }
        return n;
    }

    private PhantomTruth truth(int index, int patient, int followUp) {
        Random person = Seeds.random(seed, patient, Seeds.PATIENT);
        boolean child = person.nextDouble() < config.childRate();
        boolean female = person.nextDouble() < config.femaleRate();
        int baseAge = child ? 2 + person.nextInt(14) : 18 + person.nextInt(73);
        long anatomySeed = person.nextLong();

        Random r = Seeds.random(seed, index, Seeds.STUDY);
        Defect defect = defect(r.nextDouble());
        Projection projection = r.nextDouble() < config.apRate() ? Projection.AP : Projection.PA;
        int age = Math.min(child ? 17 : 95, baseAge + followUp / 2);
        boolean chest = defect == null || defect.showsFrontalChest();
        Set<PlantedFinding> findings = EnumSet.noneOf(PlantedFinding.class);
        for (PlantedFinding f : PlantedFinding.values()) {
            double u = r.nextDouble();                        // drawn for every finding: fixed stream layout
            if (chest && u < config.prevalence(f)) {
                findings.add(f);
            }
        }
        double ctr = ratio(r, findings.contains(PlantedFinding.CARDIOMEGALY), child, projection);
        Map<PlantedFinding, Side> sides = new EnumMap<>(PlantedFinding.class);
        Map<PlantedFinding, Double> sizes = new EnumMap<>(PlantedFinding.class);
        for (PlantedFinding f : PlantedFinding.values()) {
            double u = r.nextDouble();
            double v = r.nextDouble();
            if (!findings.contains(f) || f == PlantedFinding.CARDIOMEGALY) {
                continue;
            }
            boolean bilateral = f == PlantedFinding.EFFUSION ? u < 0.25 : f == PlantedFinding.CONSOLIDATION && u < 0.1;
            sides.put(f, bilateral ? Side.BOTH : (v < 0.5 ? Side.RIGHT : Side.LEFT));
            if (f == PlantedFinding.NODULE) {
                sizes.put(f, Math.rint(8 + 20 * u));
            } else if (f == PlantedFinding.MASS) {
                sizes.put(f, Math.rint(35 + 35 * u));
            }
        }
        Set<Device> devices = EnumSet.noneOf(Device.class);
        for (Device d : Device.values()) {
            double u = r.nextDouble();
            DeviceRule rule = config.device(d);
            boolean linked = rule.linkedFinding() != null && findings.contains(rule.linkedFinding());
            if (chest && u < rule.rate(linked)) {
                devices.add(d);
            }
        }
        long imageSeed = r.nextLong();
        String patientId = String.format("ph%06d", patient);
        String imageId = String.format("%s_%03d", patientId, followUp);
        return new PhantomTruth(index, imageId, patientId, followUp, age, female, child, projection, findings, ctr,
                sides, sizes, devices, defect, anatomySeed, imageSeed);
    }

    private Defect defect(double u) {
        double cumulative = 0;
        for (Defect d : Defect.values()) {
            cumulative += config.defectRate(d);
            if (u < cumulative) {
                return d;
            }
        }
        return null;
    }

    /** Normal hearts 0.38–0.48 (children 0.42–0.49), enlarged 0.53–0.68: never near the 0.5 threshold. */
    private static double ratio(Random r, boolean enlarged, boolean child, Projection projection) {
        double u = r.nextDouble();
        if (enlarged) {
            return 0.53 + 0.15 * u;
        }
        double low = child ? 0.42 : 0.38;
        double high = projection == Projection.AP || child ? 0.49 : 0.48;
        return low + (high - low) * u;
    }
}
