package org.lightbox.evaluation;

import org.lightbox.evaluation.internal.FindingFigures;

/**
 * One finding's figures for a view or a file, drawn by the same code as the HTML report (headless Java2D, no AWT
 * toolkit): the ROC curve of each model on all images with a pointwise 95% Wilson band for the sensitivity and the
 * operating point with its sensitivity and specificity intervals (the title carries the AUROC); and a reliability
 * diagram (observed frequency with its Wilson interval against the mean score, per score bin [0, 0.1), ..., [0.9, 1],
 * each bin's image count written beside it).
 */
public final class EvaluationFigures {

    /** Score bins of the reliability diagram. */
    public static final int CALIBRATION_BINS = 10;

    private EvaluationFigures() {
    }

    /** The ROC of {@code finding} as a PNG file's bytes, as large as fits in {@code width} × {@code height} pixels. */
    public static byte[] rocPng(Evaluation evaluation, String finding, int width, int height) {
        return FindingFigures.rocPng(evaluation, finding, width, height);
    }

    /** The ROC of {@code finding} as an SVG document. */
    public static String rocSvg(Evaluation evaluation, String finding) {
        return FindingFigures.rocSvg(evaluation, finding);
    }

    /** The reliability diagram of {@code finding} as a PNG file's bytes, as large as fits in {@code width} × {@code height}. */
    public static byte[] calibrationPng(Evaluation evaluation, String finding, int width, int height) {
        return FindingFigures.calibrationPng(evaluation, finding, width, height);
    }

    /** The reliability diagram of {@code finding} as an SVG document. */
    public static String calibrationSvg(Evaluation evaluation, String finding) {
        return FindingFigures.calibrationSvg(evaluation, finding);
    }

    /** The first model's image count per bin of the reliability diagram of {@code finding}. */
    public static long[] calibrationCounts(Evaluation evaluation, String finding) {
        return FindingFigures.calibrationCounts(evaluation, finding, CALIBRATION_BINS);
    }
}
