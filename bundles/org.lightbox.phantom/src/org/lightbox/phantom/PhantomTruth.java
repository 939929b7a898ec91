package org.lightbox.phantom;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything planted in one image: the patient, the study, the findings (with side and size where
 * they have one), the devices and the defect. Together with the two seeds it fixes the image's
 * pixels: rendering the same truth again gives the same values.
 *
 * @param index               position in the set (0-based)
 * @param imageId             file name without extension, {@code ph<patient>_<follow-up>}
 * @param patientId           {@code ph<patient>}; several studies share a patient and their anatomy
 * @param followUp            0 for the patient's first study
 * @param age                 in years at the study
 * @param cardiothoracicRatio heart width over inner thoracic width as drawn (the cardiomegaly truth is
 *                            {@code ratio > 0.5}; drawn ratios avoid 0.49–0.53 so the truth is unambiguous)
 * @param sides               side of each lateralised finding present (effusion, pneumothorax,
 *                            consolidation, atelectasis, nodule, mass)
 * @param lesionMillimetres   diameter of the nodule and of the mass, where present (a standard adult field
 *                            is 430 mm wide)
 * @param defect              the defect, or null for a good image
 * @param anatomySeed         the patient's body (shared by the patient's studies)
 * @param imageSeed           this study's positioning, exposure, noise and lesion shapes
 */
public record PhantomTruth(int index, String imageId, String patientId, int followUp, int age, boolean female,
        boolean child, Projection projection, Set<PlantedFinding> findings, double cardiothoracicRatio,
        Map<PlantedFinding, Side> sides, Map<PlantedFinding, Double> lesionMillimetres, Set<Device> devices,
        Defect defect, long anatomySeed, long imageSeed) {

    public PhantomTruth {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(projection, "projection");
        findings = findings.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(findings));
        devices = devices.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(devices));
        sides = sides.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(sides));
        lesionMillimetres = lesionMillimetres.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(lesionMillimetres));
        if (!(cardiothoracicRatio > 0.2 && cardiothoracicRatio < 0.9)) {
            throw new IllegalArgumentException("a cardiothoracic ratio of " + cardiothoracicRatio + " cannot be drawn");
        }
        if (findings.contains(PlantedFinding.CARDIOMEGALY) != cardiothoracicRatio > 0.5) {
            throw new IllegalArgumentException("cardiomegaly is planted exactly when the cardiothoracic ratio exceeds"
                    + " 0.5; got ratio " + cardiothoracicRatio + " with findings " + findings);
        }
        for (PlantedFinding f : sides.keySet()) {
            if (!findings.contains(f)) {
                throw new IllegalArgumentException("a side is given for " + f.code() + ", which is not planted");
            }
        }
    }

    public boolean has(PlantedFinding finding) {
        return findings.contains(finding);
    }

    public boolean has(Device device) {
        return devices.contains(device);
    }

    /** Whether the image shows a readable frontal chest (no defect, or one that turning or windowing undoes). */
    public boolean frontalChest() {
        return defect == null || defect.showsFrontalChest();
    }

    public Side side(PlantedFinding finding) {
        return sides.get(finding);
    }

    /**
     * A hand-made truth for contact sheets and tests: an adult man, PA, normal heart (ratio 0.44),
     * nothing planted; change it with the {@code with…} methods. The seed fixes anatomy and study.
     */
    public static PhantomTruth specimen(String imageId, long seed) {
        return new PhantomTruth(0, imageId, "specimen", 0, 55, false, false, Projection.PA, Set.of(), 0.44, Map.of(),
                Map.of(), Set.of(), null, seed, seed * 31 + 7);
    }

    /** The same truth with another patient: a child (age under 16) or adult, man or woman. */
    public PhantomTruth withPatient(int newAge, boolean isFemale) {
        return new PhantomTruth(index, imageId, patientId, followUp, newAge, isFemale, newAge < 16, projection,
                findings, cardiothoracicRatio, sides, lesionMillimetres, devices, defect, anatomySeed, imageSeed);
    }

    public PhantomTruth withProjection(Projection newProjection) {
        return new PhantomTruth(index, imageId, patientId, followUp, age, female, child, newProjection, findings,
                cardiothoracicRatio, sides, lesionMillimetres, devices, defect, anatomySeed, imageSeed);
    }

    /** The same truth with a heart of this cardiothoracic ratio (cardiomegaly follows from it). */
    public PhantomTruth withCardiothoracicRatio(double ratio) {
        Set<PlantedFinding> changed = EnumSet.noneOf(PlantedFinding.class);
        changed.addAll(findings);
        if (ratio > 0.5) {
            changed.add(PlantedFinding.CARDIOMEGALY);
        } else {
            changed.remove(PlantedFinding.CARDIOMEGALY);
        }
        return new PhantomTruth(index, imageId, patientId, followUp, age, female, child, projection, changed, ratio,
                sides, lesionMillimetres, devices, defect, anatomySeed, imageSeed);
    }

    /**
     * The same truth with one more finding on a side (ignored for cardiomegaly, which is
     * {@link #withCardiothoracicRatio}); {@code millimetres} is the diameter of a nodule or mass, else ignored.
     */
    public PhantomTruth withFinding(PlantedFinding finding, Side side, double millimetres) {
        if (finding == PlantedFinding.CARDIOMEGALY) {
            return withCardiothoracicRatio(Math.max(cardiothoracicRatio, 0.6));
        }
        Set<PlantedFinding> changed = EnumSet.noneOf(PlantedFinding.class);
        changed.addAll(findings);
        changed.add(finding);
        Map<PlantedFinding, Side> newSides = new EnumMap<>(PlantedFinding.class);
        newSides.putAll(sides);
        newSides.put(finding, Objects.requireNonNull(side, "side"));
        Map<PlantedFinding, Double> sizes = new EnumMap<>(PlantedFinding.class);
        sizes.putAll(lesionMillimetres);
        if (finding == PlantedFinding.NODULE || finding == PlantedFinding.MASS) {
            sizes.put(finding, millimetres);
        }
        return new PhantomTruth(index, imageId, patientId, followUp, age, female, child, projection, changed,
                cardiothoracicRatio, newSides, sizes, devices, defect, anatomySeed, imageSeed);
    }

    public PhantomTruth withDevice(Device device) {
        Set<Device> changed = EnumSet.noneOf(Device.class);
        changed.addAll(devices);
        changed.add(device);
        return new PhantomTruth(index, imageId, patientId, followUp, age, female, child, projection, findings,
                cardiothoracicRatio, sides, lesionMillimetres, changed, defect, anatomySeed, imageSeed);
    }

    /** The same truth with a defect (null for none). */
    public PhantomTruth withDefect(Defect newDefect) {
        return new PhantomTruth(index, imageId, patientId, followUp, age, female, child, projection, findings,
                cardiothoracicRatio, sides, lesionMillimetres, devices, newDefect, anatomySeed, imageSeed);
    }
}
