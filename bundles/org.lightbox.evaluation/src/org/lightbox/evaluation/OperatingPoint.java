package org.lightbox.evaluation;

/**
 * A decision threshold (an image is called positive when its score is at least the threshold) and how it was chosen.
 * Thresholds chosen from data lie halfway between two adjacent observed scores (as R's pROC places them), so that
 * applying them to another split does not depend on which side of an observed score a tie falls.
 *
 * @param rule how the threshold was chosen ("fixed 0.5", "Youden", "sensitivity >= 0.90")
 * @param threshold positive when score >= threshold; may be infinite (all or none positive)
 * @param chosenOn what it was chosen on, in words ("tuning split, 11,627 images"), or "" for a fixed threshold
 */
public record OperatingPoint(String rule, double threshold, String chosenOn) {

    public OperatingPoint {
        if (rule == null || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("an operating point needs a rule and a threshold");
        }
        chosenOn = chosenOn == null ? "" : chosenOn;
    }

    /** A fixed threshold, e.g. 0.5. */
    public static OperatingPoint fixed(double threshold) {
        return new OperatingPoint("fixed " + threshold, threshold, "");
    }

    /** The threshold that maximises sensitivity + specificity - 1 on {@code data}; among ties, the lowest. */
    public static OperatingPoint youden(BinaryScores data, String chosenOn) {
        return sweep(data, Rule.YOUDEN, 0, chosenOn);
    }

    /** The highest threshold whose sensitivity on {@code data} is at least {@code target}. */
    public static OperatingPoint atSensitivity(BinaryScores data, double target, String chosenOn) {
        return sweep(data, Rule.SENSITIVITY, target, chosenOn);
    }

    /** The lowest threshold whose specificity on {@code data} is at least {@code target}. */
    public static OperatingPoint atSpecificity(BinaryScores data, double target, String chosenOn) {
        return sweep(data, Rule.SPECIFICITY, target, chosenOn);
    }

    private enum Rule { YOUDEN, SENSITIVITY, SPECIFICITY }

    /** One pass over the distinct scores in ascending order, the threshold moving from below all to above each. */
    private static OperatingPoint sweep(BinaryScores data, Rule rule, double target, String chosenOn) {
        double[] pos = data.sortedScores(true);
        double[] neg = data.sortedScores(false);
        if (pos.length == 0 || neg.length == 0) {
            throw new IllegalArgumentException(data.finding() + ": an operating point needs reference positives and negatives (has "
                    + pos.length + " and " + neg.length + ")");
        }
        String name = switch (rule) {
            case YOUDEN -> "Youden";
            case SENSITIVITY -> "sensitivity >= " + target;
            case SPECIFICITY -> "specificity >= " + target;
        };
        double best = Double.NEGATIVE_INFINITY;
        double chosen = Double.NaN;
        int i = 0;
        int j = 0;
        double threshold = Double.NEGATIVE_INFINITY;
        while (true) {
            // here: positives called = pos.length - i, negatives called negative = j
            double sens = (pos.length - i) / (double) pos.length;
            double spec = j / (double) neg.length;
            switch (rule) {
                case YOUDEN -> {
                    if (sens + spec - 1 > best) {
                        best = sens + spec - 1;
                        chosen = threshold;
                    }
                }
                case SENSITIVITY -> {
                    if (sens >= target) {
                        chosen = threshold;
                    }
                }
                case SPECIFICITY -> {
                    if (spec >= target && Double.isNaN(chosen)) {
                        chosen = threshold;
                    }
                }
            }
            if (i == pos.length && j == neg.length) {
                break;
            }
            double u = Math.min(i < pos.length ? pos[i] : Double.POSITIVE_INFINITY, j < neg.length ? neg[j] : Double.POSITIVE_INFINITY);
            while (i < pos.length && pos[i] == u) {
                i++;
            }
            while (j < neg.length && neg[j] == u) {
                j++;
            }
            double next = Math.min(i < pos.length ? pos[i] : Double.POSITIVE_INFINITY, j < neg.length ? neg[j] : Double.POSITIVE_INFINITY);
            threshold = (u + next) / 2;
        }
        return new OperatingPoint(name, chosen, chosenOn);
    }
}
