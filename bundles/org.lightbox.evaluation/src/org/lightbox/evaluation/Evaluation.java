package org.lightbox.evaluation;

import java.util.List;

import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.PointMetrics.PredictiveValues;

/**
 * Everything an evaluation of one or two models found: per finding (the seed paper's Tables 1 and 2), averages, strata,
 * Tables 3 and 4, and the cohort table.
 *
 * @param data what was evaluated
 * @param options how
 * @param split how the operating points were chosen and applied, in words
 * @param tuning images the operating points were chosen on (true) — all true when not split
 * @param findings one per finding
 * @param averages per model, one entry per averaged statistic
 * @param strata per stratifying column and finding (first model)
 * @param lossByLabelCount Table 3, per model
 * @param meanActivation Table 4, per model
 * @param cohort the cohort table
 */
public record Evaluation(EvaluationData data, EvaluationOptions options, String split, boolean[] tuning, List<FindingResult> findings,
        List<List<Averages>> averages, List<Stratification> strata, List<LossByLabelCount> lossByLabelCount,
        List<MeanActivation> meanActivation, CohortTable cohort) {

    /**
     * One finding.
     *
     * @param finding the finding
     * @param positives reference positives among all evaluated images
     * @param negatives reference negatives
     * @param auroc per model, on all images
     * @param comparison the paired DeLong comparison of two models, or null with one
     * @param points per model, the operating point chosen on the tuning images
     * @param metrics per model, metrics at that point on the evaluation images
     * @param deployment per model, PPV and NPV at the deployment prevalence, or empty
     */
    public record FindingResult(String finding, int positives, int negatives, List<Estimate> auroc, ModelComparison comparison,
            List<OperatingPoint> points, List<PointMetrics> metrics, List<PredictiveValues> deployment) {
    }

    /** The models' names. */
    public List<String> models() {
        return data.models();
    }
}
