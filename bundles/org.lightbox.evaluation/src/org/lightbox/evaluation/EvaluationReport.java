package org.lightbox.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.lightbox.evaluation.internal.HtmlReport;
import org.lightbox.evaluation.internal.JsonOutput;
import org.lightbox.evaluation.internal.TextOutput;

/** An evaluation written out: text tables, JSON, or a self-contained HTML report with SVG/PNG plots and CSV tables. */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    /** Text tables for people. */
    public static void text(Evaluation evaluation, PrintWriter out) {
        TextOutput.write(evaluation, out);
    }

    /** One JSON object. */
    public static String json(Evaluation evaluation) {
        return JsonOutput.of(evaluation);
    }

    /**
     * Writes {@code index.html} (self-contained: tables, ROC curves with the operating points and DeLong CI band,
     * calibration plot, all SVG inline), the same plots as PNG and SVG files, and the tables as CSV, into {@code dir}.
     *
     * @return the files written
     */
    public static List<Path> write(Evaluation evaluation, Path dir) throws IOException {
        return HtmlReport.write(evaluation, dir);
    }

    /**
     * Writes seeded samples of the true-positive, false-positive, false-negative and true-negative images of every
     * finding (first model, evaluation images, at its operating point) as CSV: finding, cell, images in the cell, id.
     * These are the images to look at: a reader opens them as contact sheets to see which reference labels are wrong.
     */
    public static Path writeErrorSamples(Evaluation evaluation, Path file, int perCell, long seed) throws IOException {
        boolean[] evaluationImages = new boolean[evaluation.tuning().length];
        boolean split = evaluation.options().split().equals("patients");
        for (int i = 0; i < evaluationImages.length; i++) {
            evaluationImages[i] = !split || !evaluation.tuning()[i];
        }
        StringBuilder csv = new StringBuilder("finding,cell,cell_images,image_id\n");
        for (int f = 0; f < evaluation.findings().size(); f++) {
            BinaryScores s = evaluation.data().finding(0, f).subset(evaluationImages);
            ErrorSample sample = ErrorSample.of(s, evaluation.findings().get(f).points().get(0), perCell, seed);
            sample.cells().forEach((cell, sampled) -> sampled.ids().forEach(id -> csv.append(s.finding()).append(',')
                    .append(cell.name().toLowerCase(java.util.Locale.ROOT)).append(',').append(sampled.total()).append(',').append(id).append('\n')));
        }
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        return java.nio.file.Files.writeString(file, csv);
    }
}
