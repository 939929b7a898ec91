package org.lightbox.evaluation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.Averages;
import org.lightbox.evaluation.CohortTable;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.Evaluation.FindingResult;
import org.lightbox.evaluation.LossByLabelCount;
import org.lightbox.evaluation.MeanActivation;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.StatisticalTest;
import org.lightbox.evaluation.Stratification;
import org.lightbox.evaluation.internal.Plots.Panel;

/** A self-contained HTML report (inline CSS and SVG, no scripts, nothing fetched) with PNG/SVG plot files and CSV tables. */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Writes the report into {@code dir}; returns the files. */
    public static List<Path> write(Evaluation e, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        List<String> legend = e.models();
        List<Panel> roc = Figures.roc(e);
        List<Panel> calibration = Figures.calibration(e);
        String rocSvg = Plots.svg(roc, 4, legend);
        String calSvg = Plots.svg(calibration, 4, legend);
        files.add(text(dir.resolve("roc.svg"), rocSvg));
        files.add(text(dir.resolve("calibration.svg"), calSvg));
        files.add(png(dir.resolve("roc.png"), Plots.png(roc, 4, legend)));
        files.add(png(dir.resolve("calibration.png"), Plots.png(calibration, 4, legend)));
        for (Map.Entry<String, String> csv : CsvTables.of(e).entrySet()) {
            files.add(text(dir.resolve(csv.getKey()), csv.getValue()));
        }
        files.add(text(dir.resolve("evaluation.json"), JsonOutput.of(e)));
        files.add(text(dir.resolve("index.html"), html(e, rocSvg, calSvg)));
        return files;
    }

    private static Path text(Path file, String content) throws IOException {
        Files.writeString(file, content);
        return file;
    }

    private static Path png(Path file, java.awt.image.BufferedImage image) throws IOException {
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static String html(Evaluation e, String rocSvg, String calSvg) {
        StringBuilder h = new StringBuilder();
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * e.options().confidence());
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lightbox evaluation: ")
                .append(escape(String.join(" vs ", e.models()))).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1400px}"
                        + "table{border-collapse:collapse;margin:8px 0 20px;font-size:13px}"
                        + "th,td{border:1px solid #ccc;padding:3px 7px;text-align:right;white-space:nowrap}th{background:#f0f0f0}"
                        + "td.l,th.l{text-align:left}.ci{color:#666;font-size:11px}.flag{background:#ffe0cc;font-weight:bold}"
                        + "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}.note{color:#555;font-size:13px}"
                        + "\n</style></head><body>\n");
        h.append("<h1>Clinical evaluation: ").append(escape(String.join(" vs ", e.models()))).append("</h1>\n");
        h.append("<p class=\"note\">Reference: ").append(escape(e.data().labels().source())).append(" (").append(escape(e.data().labels().reference()))
                .append("). ").append(String.format(Locale.ROOT, "%,d images, %d findings. ", e.data().size(), e.findings().size()))
                .append(escape(e.split())).append("; rule: ").append(escape(e.options().operatingPoint())).append(". Intervals: ").append(pct)
                .append(". Files: <a href=\"evaluation.json\">JSON</a>, CSV tables, <a href=\"roc.png\">roc.png</a>, <a href=\"calibration.png\">calibration.png</a>.</p>\n");
        for (String u : e.data().unmatched()) {
            h.append("<p class=\"note\">Note: ").append(escape(u)).append("</p>\n");
        }
        table1(e, h);
        table2(e, h, pct);
        averages(e, h);
        h.append("<h2>ROC curves</h2>\n<p class=\"note\">Empirical ROC on all images with a pointwise ").append(pct)
                .append(" Wilson band for the sensitivity; dots: the operating point on the evaluation images with its sensitivity and specificity intervals.</p>\n")
                .append(rocSvg.substring(rocSvg.indexOf("<svg")));
        h.append("<h2>Calibration</h2>\n<p class=\"note\">Observed frequency (").append(pct)
                .append(" Wilson interval) against mean score in ten equal-count bins of the score; dashed: perfect calibration.</p>\n")
                .append(calSvg.substring(calSvg.indexOf("<svg")));
        strata(e, h);
        table3(e, h);
        table4(e, h);
        cohort(e, h);
        return h.append("<p class=\"note\">Made by Lightbox (org.lightbox.evaluation). AUROC: exact Mann-Whitney with DeLong (1988) intervals;"
                + " proportions: Wilson score; DOR: Woolf, 0.5 added to every cell when one is zero; LR: log method.</p>\n</body></html>\n").toString();
    }

    private static void table1(Evaluation e, StringBuilder h) {
        h.append("<h2>Table 1. AUROC per finding</h2>\n<table><tr><th class=\"l\">finding</th><th>positives / images</th>");
        e.models().forEach(m -> h.append("<th>").append(escape(m)).append("</th>"));
        if (e.models().size() == 2) {
            h.append("<th>difference</th><th>paired DeLong p</th>");
        }
        h.append("</tr>\n");
        for (FindingResult r : e.findings()) {
            h.append("<tr><td class=\"l\">").append(escape(r.finding())).append("</td><td>").append(String.format(Locale.ROOT, "%,d / %,d", r.positives(),
                    r.positives() + r.negatives())).append("</td>");
            r.auroc().forEach(a -> h.append(cell(a)));
            if (r.comparison() != null) {
                h.append(cell(r.comparison().difference())).append("<td>").append(p(r.comparison().test())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void table2(Evaluation e, StringBuilder h, String pct) {
        h.append("<h2>Table 2. At the operating point (evaluation images)</h2>\n<table><tr><th class=\"l\">finding</th><th class=\"l\">model</th>"
                + "<th>threshold</th><th>TP / FP / FN / TN</th><th>sensitivity</th><th>specificity</th><th>accuracy</th><th>DOR</th><th>PPV</th>"
                + "<th>NPV</th><th>F1</th><th>LR+</th><th>LR&minus;</th>");
        boolean deploy = !e.findings().get(0).deployment().isEmpty();
        if (deploy) {
            h.append(String.format(Locale.ROOT, "<th>PPV at %.3g</th><th>NPV at %.3g</th>", e.options().deploymentPrevalence(),
                    e.options().deploymentPrevalence()));
        }
        h.append("</tr>\n");
        for (FindingResult r : e.findings()) {
            for (int m = 0; m < e.models().size(); m++) {
                PointMetrics p = r.metrics().get(m);
                h.append("<tr><td class=\"l\">").append(m == 0 ? escape(r.finding()) : "").append("</td><td class=\"l\">").append(escape(e.models().get(m)))
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.4g", r.points().get(m).threshold())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%d / %d / %d / %d", p.truePositives(), p.falsePositives(), p.falseNegatives(), p.trueNegatives()))
                        .append("</td>");
                for (Estimate x : List.of(p.sensitivity(), p.specificity(), p.accuracy(), p.diagnosticOddsRatio(), p.ppv(), p.npv(), p.f1(),
                        p.positiveLikelihoodRatio(), p.negativeLikelihoodRatio())) {
                    h.append(cell(x));
                }
                if (deploy) {
                    h.append(cell(r.deployment().get(m).ppv())).append(cell(r.deployment().get(m).npv()));
                }
                h.append("</tr>\n");
            }
        }
        h.append("</table>\n<p class=\"note\">").append(pct).append(" intervals: Wilson (proportions), Woolf (DOR), log method (LR), delta method (F1)")
                .append(deploy ? ", logit (PPV/NPV at the deployment prevalence, Mercaldo et al. 2007)" : "").append(".</p>\n");
    }

    private static void averages(Evaluation e, StringBuilder h) {
        h.append("<h2>Averages over findings</h2>\n<table><tr><th class=\"l\">model</th><th class=\"l\">statistic</th><th>macro</th>"
                + "<th>prevalence-weighted</th></tr>\n");
        for (int m = 0; m < e.models().size(); m++) {
            for (Averages a : e.averages().get(m)) {
                h.append("<tr><td class=\"l\">").append(escape(e.models().get(m))).append("</td><td class=\"l\">").append(escape(a.statistic()))
                        .append("</td>").append(cell(a.macro())).append(cell(a.weighted())).append("</tr>\n");
            }
        }
        h.append("</table>\n<p class=\"note\">Intervals treat the findings as independent (they share images, so they are somewhat too narrow).</p>\n");
    }

    private static void strata(Evaluation e, StringBuilder h) {
        String column = null;
        for (Stratification s : e.strata()) {
            if (!s.column().equals(column)) {
                h.append(column == null ? "" : "</table>\n");
                column = s.column();
                h.append("<h2>By ").append(escape(column)).append(" (").append(escape(e.models().get(0)))
                        .append(", evaluation images)</h2>\n<table><tr><th class=\"l\">finding</th><th class=\"l\">stratum</th><th>images</th>"
                                + "<th>AUROC</th><th>sensitivity</th><th>specificity</th><th class=\"l\">tests of difference</th></tr>\n");
            }
            boolean first = true;
            for (Stratification.Stratum st : s.strata()) {
                h.append("<tr><td class=\"l\">").append(first ? escape(s.finding()) : "").append("</td><td class=\"l\">").append(escape(st.level()))
                        .append("</td><td>").append(st.images()).append("</td>").append(cell(st.auroc())).append(cell(st.metrics().sensitivity()))
                        .append(cell(st.metrics().specificity())).append("<td class=\"l\">");
                if (first) {
                    h.append("AUROC ").append(p(s.auroc())).append("; sens ").append(p(s.sensitivity())).append("; spec ").append(p(s.specificity()));
                }
                h.append("</td></tr>\n");
                first = false;
            }
        }
        if (column != null) {
            h.append("</table>\n");
        }
    }

    private static void table3(Evaluation e, StringBuilder h) {
        for (LossByLabelCount t : e.lossByLabelCount()) {
            h.append("<h2>Table 3. ").append(escape(t.model())).append(": mean binary cross-entropy by number of labels per image</h2>\n")
                    .append("<table><tr><th>labels</th><th>images</th><th>mean cross-entropy</th></tr>\n");
            t.rows().forEach(r -> h.append("<tr><td>").append(r.labels()).append("</td><td>").append(String.format(Locale.ROOT, "%,d", r.images()))
                    .append("</td>").append(cell(r.meanLoss())).append("</tr>\n"));
            h.append("</table>\n");
        }
    }

    private static void table4(Evaluation e, StringBuilder h) {
        for (MeanActivation t : e.meanActivation()) {
            h.append("<h2>Table 4. ").append(escape(t.model())).append(": mean score (&times;100) of each class over single-label images of each true class</h2>\n")
                    .append("<table><tr><th class=\"l\">true class</th><th>images</th>");
            t.classes().forEach(c -> h.append("<th>").append(escape(c.length() > 6 ? c.substring(0, 6) : c)).append("</th>"));
            h.append("<th>true class in top three</th></tr>\n");
            for (int c = 0; c < t.classes().size(); c++) {
                h.append("<tr><td class=\"l\">").append(escape(t.classes().get(c))).append("</td><td>").append(t.images()[c]).append("</td>");
                for (int k = 0; k < t.classes().size(); k++) {
                    double v = t.meanScore()[c][k];
                    int shade = Double.isNaN(v) ? 255 : (int) Math.round(255 - 180 * Math.min(1, v / 0.5));
                    h.append(String.format(Locale.ROOT, "<td style=\"background:rgb(%d,%d,255)%s\">%.1f</td>", shade, shade, c == k ? ";font-weight:bold" : "",
                            100 * v));
                }
                h.append(cell(t.topThreeShare(c, c, e.options().confidence()))).append("</tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static void cohort(Evaluation e, StringBuilder h) {
        CohortTable c = e.cohort();
        h.append("<h2>Cohort</h2>\n<table><tr><th class=\"l\">variable</th>");
        c.groups().forEach(g -> h.append("<th>").append(escape(g)).append("</th>"));
        h.append("<th>standardised difference</th></tr>\n");
        for (CohortTable.Row r : c.rows()) {
            h.append("<tr><td class=\"l\">").append(escape(r.variable())).append("</td>");
            for (int g = 0; g < c.groups().size(); g++) {
                double v = r.values()[g];
                h.append("<td>").append(r.variable().equals("images") || r.variable().equals("patients") ? String.format(Locale.ROOT, "%,.0f", v)
                        : !Double.isNaN(r.spread()[g]) ? String.format(Locale.ROOT, "%.1f (%.1f)", v, r.spread()[g])
                                : String.format(Locale.ROOT, "%.1f%%", 100 * v)).append("</td>");
            }
            h.append(Double.isNaN(r.standardisedDifference()) ? "<td></td>" : String.format(Locale.ROOT, "<td%s>%.3f</td>",
                    r.flagged() ? " class=\"flag\"" : "", r.standardisedDifference())).append("</tr>\n");
        }
        h.append("</table>\n<p class=\"note\">Standardised differences above ").append(CohortTable.FLAG).append(" are highlighted.</p>\n");
    }

    private static String cell(Estimate e) {
        if (!e.defined()) {
            return "<td title=\"" + escape(e.undefinedReason()) + "\">&ndash;</td>";
        }
        String digits = Math.abs(e.value()) >= 10 ? "%.2f" : "%.3f";
        String ci = e.interval().map(i -> String.format(Locale.ROOT, digits + "&ndash;" + digits, i.lower(), i.upper())).orElse("no CI");
        return String.format(Locale.ROOT, "<td title=\"n = %,d; %s\">" + digits + " <span class=\"ci\">(%s)</span></td>", e.n().subjects(),
                escape(e.interval().map(i -> i.method()).orElse("")), e.value(), ci);
    }

    private static String p(StatisticalTest t) {
        if (t == null) {
            return "&ndash;";
        }
        return t.p() < 1e-4 ? "p &lt; 0.0001" : String.format(Locale.ROOT, "p = %.4f", t.p());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
