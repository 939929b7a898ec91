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
}
