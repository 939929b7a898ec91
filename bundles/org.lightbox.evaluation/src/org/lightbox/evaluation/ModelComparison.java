package org.lightbox.evaluation;

import org.lightbox.agreement.Estimate;

/**
 * Two models' AUROCs on the same images, their difference with its interval, and the paired DeLong test.
 *
 * @param first the first model's AUROC
 * @param second the second model's AUROC
 * @param difference first minus second, with its paired DeLong interval
 * @param test the paired DeLong z test; null when the AUROCs have no variance
 */
public record ModelComparison(Estimate first, Estimate second, Estimate difference, StatisticalTest test) {
}
