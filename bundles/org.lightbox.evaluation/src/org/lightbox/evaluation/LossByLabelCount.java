package org.lightbox.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.lightbox.agreement.Distributions;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Sample;

/**
 * The seed paper's Table 3: the mean binary cross-entropy of a model over all findings of an image, averaged over the
 * images with 0, 1, 2, ... positive labels. Images with many labels are where the model is most wrong. Scores are
 * clipped to [1e-7, 1 - 1e-7] so that a confident miss costs 16.1 nats, not infinity.
 *
 * @param model the model
 * @param rows one per number of labels present, ascending
 */
public record LossByLabelCount(String model, List<Row> rows) {

    /** Clipping of probabilities before taking logarithms. */
    public static final double EPSILON = 1e-7;

    /**
     * Images with a given number of labels.
     *
     * @param labels positive labels per image
     * @param images images with that many
     * @param meanLoss mean over those images of the per-image mean cross-entropy, with a normal interval
     * @param sd standard deviation of the per-image losses
     */
    public record Row(int labels, int images, Estimate meanLoss, double sd) {
    }

    /** Table 3 for one model of {@code data}. */
    public static LossByLabelCount of(EvaluationData data, int model, double confidence) {
        int n = data.size();
        int k = data.findings().size();
        double[] loss = new double[n];
        int[] count = new int[n];
        for (int f = 0; f < k; f++) {
            double[] s = data.scores()[model][f];
            boolean[] t = data.labels().truth()[data.labels().findingIndex(data.findings().get(f))];
            for (int i = 0; i < n; i++) {
                double p = Math.min(Math.max(s[i], EPSILON), 1 - EPSILON);
                loss[i] -= t[i] ? Math.log(p) : Math.log1p(-p);
                if (t[i]) {
                    count[i]++;
                }
            }
        }
        int max = 0;
        for (int c : count) {
            max = Math.max(max, c);
        }
        double[] sum = new double[max + 1];
        double[] sq = new double[max + 1];
        int[] images = new int[max + 1];
        for (int i = 0; i < n; i++) {
            double l = loss[i] / k;
            sum[count[i]] += l;
            sq[count[i]] += l * l;
            images[count[i]]++;
        }
        double z = Distributions.twoSidedNormal(confidence);
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c <= max; c++) {
            if (images[c] == 0) {
                continue;
            }
            double mean = sum[c] / images[c];
            double sd = images[c] > 1 ? Math.sqrt(Math.max(0, (sq[c] - images[c] * mean * mean) / (images[c] - 1))) : Double.NaN;
            Estimate e = Estimate.of("Mean cross-entropy, " + c + " labels", mean, Sample.of(images[c]));
            if (images[c] > 1) {
                double se = sd / Math.sqrt(images[c]);
                e = e.withStandardError(se).withInterval(new Interval(mean - z * se, mean + z * se, confidence, "normal approximation"), true);
            }
            rows.add(new Row(c, images[c], e, sd));
        }
        return new LossByLabelCount(data.models().get(model), rows);
    }
}
