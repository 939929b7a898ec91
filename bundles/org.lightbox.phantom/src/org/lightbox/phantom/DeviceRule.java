package org.lightbox.phantom;

import java.util.Objects;

/**
 * How often a device is drawn, depending on one finding: {@code P(device | finding)} and
 * {@code P(device | no finding)}. A strong difference is a shortcut a model can learn (drains with
 * pneumothorax); equal rates make the device independent of the finding.
 *
 * @param linkedFinding   the finding the device goes with, or null for a device independent of findings
 * @param withFinding     probability of the device on images with the finding
 * @param withoutFinding  probability of the device on images without it
 */
public record DeviceRule(Device device, PlantedFinding linkedFinding, double withFinding, double withoutFinding) {

    public DeviceRule {
        Objects.requireNonNull(device, "device");
        PhantomConfig.requireProbability(device.code() + " rate with " + linkedFinding, withFinding);
        PhantomConfig.requireProbability(device.code() + " rate without " + linkedFinding, withoutFinding);
        if (linkedFinding == null && withFinding != withoutFinding) {
            throw new IllegalArgumentException("the " + device.code() + " rule has no linked finding, so its two rates"
                    + " must be equal (got " + withFinding + " and " + withoutFinding + ")");
        }
    }

    /** A device drawn with the same probability on every chest image. */
    public static DeviceRule independent(Device device, double rate) {
        return new DeviceRule(device, null, rate, rate);
    }

    /** The probability of the device given whether the linked finding is present. */
    public double rate(boolean findingPresent) {
        return findingPresent ? withFinding : withoutFinding;
    }
}
