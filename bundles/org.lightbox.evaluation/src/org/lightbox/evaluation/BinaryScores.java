package org.lightbox.evaluation;

import java.util.Arrays;

/**
 * One finding's model scores against a reference, image by image: the input of every metric in this bundle. Higher
 * scores mean "more likely positive". The arrays are shared, not copied, for speed; callers must not change them.
 *
 * @param finding the finding, e.g. "Effusion"
 * @param ids image ids, parallel to the scores (may be null when not needed)
 * @param scores the model's score per image (finite)
 * @param truth the reference per image: true = positive
 */
public record BinaryScores(String finding, String[] ids, double[] scores, boolean[] truth) {

    public BinaryScores {
        if (finding == null || scores == null || truth == null || scores.length != truth.length
                || (ids != null && ids.length != scores.length)) {
            throw new IllegalArgumentException("scores, reference and ids must be parallel arrays of one finding");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(finding + ": score " + scores[i] + " of image " + (ids == null ? i : ids[i])
                        + " is not a finite number");
            }
        }
    }

    /** Images. */
    public int size() {
        return scores.length;
    }

    /** Reference positives. */
    public int positives() {
        int m = 0;
        for (boolean t : truth) {
            if (t) {
                m++;
            }
        }
        return m;
    }

    /** Reference negatives. */
    public int negatives() {
        return truth.length - positives();
    }

    /** The images where {@code keep} is true, in order. */
    public BinaryScores subset(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        double[] s = new double[n];
        boolean[] t = new boolean[n];
        String[] id = ids == null ? null : new String[n];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                s[j] = scores[i];
                t[j] = truth[i];
                if (id != null) {
                    id[j] = ids[i];
                }
                j++;
            }
        }
        return new BinaryScores(finding, id, s, t);
    }

    /** The scores of the positives, or of the negatives, sorted ascending. */
    public double[] sortedScores(boolean positive) {
        double[] out = new double[positive ? positives() : negatives()];
        for (int i = 0, j = 0; i < scores.length; i++) {
            if (truth[i] == positive) {
                out[j++] = scores[i];
            }
        }
        Arrays.sort(out);
        return out;
    }
}
