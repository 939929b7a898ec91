package org.lightbox.evaluation;

import java.util.List;

import org.lightbox.agreement.Distributions;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Sample;

/**
 * The seed paper's Table 4 / Figure 2: over the images whose only label is class c, the mean score the model gives each
 * class, and how often each class is among the model's three highest scores. A model that learnt the finding puts c
 * first; one that learnt the dataset's co-occurrences spreads its scores.
 *
 * @param model the model
 * @param classes the findings, rows and columns
 * @param images single-label images per true class
 * @param meanScore {@code meanScore[c][k]}: mean score of class k over single-label images of class c
 * @param topThree {@code topThree[c][k]}: how many of those images have class k among their three highest scores
 */
public record MeanActivation(String model, List<String> classes, int[] images, double[][] meanScore, int[][] topThree) {

    /** Table 4 for one model of {@code data}. Ties in the top three go to the class listed first. */
    public static MeanActivation of(EvaluationData data, int model) {
        int k = data.findings().size();
        int n = data.size();
        boolean[][] truth = new boolean[k][];
        for (int f = 0; f < k; f++) {
            truth[f] = data.labels().truth()[data.labels().findingIndex(data.findings().get(f))];
        }
        double[][] s = data.scores()[model];
        int[] images = new int[k];
        double[][] sum = new double[k][k];
        int[][] top = new int[k][k];
        int[] best = new int[3];
        for (int i = 0; i < n; i++) {
            int only = -1;
            int labels = 0;
            for (int f = 0; f < k; f++) {
                if (truth[f][i]) {
                    labels++;
                    only = f;
                }
            }
            if (labels != 1) {
                continue;
            }
            images[only]++;
            int m = Math.min(3, k);
            for (int r = 0; r < m; r++) {
                int arg = -1;
                for (int f = 0; f < k; f++) {
                    boolean taken = false;
                    for (int q = 0; q < r; q++) {
                        taken |= best[q] == f;
                    }
                    if (!taken && (arg < 0 || s[f][i] > s[arg][i])) {
                        arg = f;
                    }
                }
                best[r] = arg;
                top[only][arg]++;
            }
            for (int f = 0; f < k; f++) {
                sum[only][f] += s[f][i];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < k; f++) {
                sum[c][f] = images[c] == 0 ? Double.NaN : sum[c][f] / images[c];
            }
        }
        return new MeanActivation(data.models().get(model), data.findings(), images, sum, top);
    }

    /** How often class {@code k} is in the top three for true class {@code c}, with its Wilson interval and n. */
    public Estimate topThreeShare(int c, int k, double confidence) {
        String name = classes.get(k) + " in the top three for " + classes.get(c);
        if (images[c] == 0) {
            return Estimate.undefined(name, Sample.of(0), "no single-label images of " + classes.get(c));
        }
        double[] ci = Distributions.wilson(topThree[c][k], images[c], confidence);
        return Estimate.of(name, topThree[c][k] / (double) images[c], Sample.of(images[c]))
                .withInterval(new Interval(ci[0], ci[1], confidence, "Wilson score"), true);
    }
}
