package org.lightbox.evaluation.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.Averages;
import org.lightbox.evaluation.CohortTable;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.Evaluation.FindingResult;
import org.lightbox.evaluation.LossByLabelCount;
import org.lightbox.evaluation.MeanActivation;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.Stratification;

/** An evaluation as text tables for people: every number with its interval and n; undefined numbers as words. */
public final class TextOutput {

    private TextOutput() {
    }

    /** Writes {@code e} to {@code out}. */
    public static void write(Evaluation e, PrintWriter out) {
        List<String> models = e.models();
        out.printf(Locale.ROOT, "Evaluation of %s against %s: %,d images, %d findings%n", String.join(" and ", models), e.data().labels().source(),
                e.data().size(), e.findings().size());
        e.data().unmatched().forEach(u -> out.println("  note: " + u));
        if (!e.data().skippedFindings().isEmpty()) {
            out.println("  note: findings without a reference, not evaluated: " + String.join(", ", e.data().skippedFindings()));
        }
        out.println("  " + e.split() + "; rule: " + e.options().operatingPoint());
        table1(e, out);
        table2(e, out);
        averages(e, out);
        strata(e, out);
        tables(e, out);
    }

    private static void table1(Evaluation e, PrintWriter out) {
        List<String> models = e.models();
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * e.options().confidence());
        out.printf(Locale.ROOT, "%nTable 1. AUROC with %s DeLong CI (all %,d images)%s%n", pct, e.data().size(),
                models.size() == 2 ? "; difference with paired DeLong test" : "");
        out.printf(Locale.ROOT, "  %-20s %12s", "finding", "pos/neg");
        models.forEach(m -> out.printf(Locale.ROOT, "  %-26.26s", m));
        out.println(models.size() == 2 ? "  difference (CI), p" : "");
        for (FindingResult r : e.findings()) {
            out.printf(Locale.ROOT, "  %-20s %12s", r.finding(), r.positives() + "/" + r.negatives());
            r.auroc().forEach(a -> out.printf(Locale.ROOT, "  %-26s", ci(a)));
            if (r.comparison() != null && r.comparison().test() != null) {
                out.printf(Locale.ROOT, "  %s, p %s", ci(r.comparison().difference()), p(r.comparison().test().p()));
            }
            out.println();
        }
    }

    private static void table2(Evaluation e, PrintWriter out) {
        List<String> models = e.models();
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * e.options().confidence());
        out.printf(Locale.ROOT, "%nTable 2. At the operating point, on the %,d evaluation images (%s Wilson CIs; DOR: Woolf)%n",
                e.findings().get(0).metrics().get(0).n(), pct);
        out.printf(Locale.ROOT, "  %-20s %-20s %9s  %-24s %-24s %-24s %-28s%n", "finding", "model", "threshold", "sensitivity", "specificity",
                "accuracy", "DOR");
        for (FindingResult r : e.findings()) {
            for (int m = 0; m < models.size(); m++) {
                PointMetrics pm = r.metrics().get(m);
                out.printf(Locale.ROOT, "  %-20s %-20.20s %9.4g  %-24s %-24s %-24s %-28s%n", m == 0 ? r.finding() : "", models.get(m),
                        r.points().get(m).threshold(), ci(pm.sensitivity()), ci(pm.specificity()), ci(pm.accuracy()), ci(pm.diagnosticOddsRatio()));
            }
        }
        out.printf(Locale.ROOT, "%nMore at the operating point: PPV, NPV, F1, LR+, LR-%s%n", e.options().deploymentPrevalence() > 0
                ? String.format(Locale.ROOT, "; PPV and NPV at deployment prevalence %.4g", e.options().deploymentPrevalence()) : "");
        for (FindingResult r : e.findings()) {
            for (int m = 0; m < models.size(); m++) {
                PointMetrics pm = r.metrics().get(m);
                out.printf(Locale.ROOT, "  %-20s %-20.20s TP %d FP %d FN %d TN %d; PPV %s; NPV %s; F1 %s; LR+ %s; LR- %s%s%n",
                        m == 0 ? r.finding() : "", models.get(m), pm.truePositives(), pm.falsePositives(), pm.falseNegatives(), pm.trueNegatives(),
                        ci(pm.ppv()), ci(pm.npv()), ci(pm.f1()), ci(pm.positiveLikelihoodRatio()), ci(pm.negativeLikelihoodRatio()),
                        r.deployment().isEmpty() ? "" : "; at deployment: PPV " + ci(r.deployment().get(m).ppv()) + ", NPV "
                                + ci(r.deployment().get(m).npv()));
            }
        }
    }

    private static void averages(Evaluation e, PrintWriter out) {
        List<String> models = e.models();
        out.printf(Locale.ROOT, "%nAverages over findings (weights: reference positives; intervals treat findings as independent)%n");
        for (int m = 0; m < models.size(); m++) {
            for (Averages a : e.averages().get(m)) {
                out.printf(Locale.ROOT, "  %-20.20s %-12s macro %-26s weighted %s%n", models.get(m), a.statistic(), ci(a.macro()), ci(a.weighted()));
            }
        }
    }

    private static void strata(Evaluation e, PrintWriter out) {
        String column = null;
        for (Stratification s : e.strata()) {
            if (!s.column().equals(column)) {
                column = s.column();
                out.printf(Locale.ROOT, "%nBy %s (%s, evaluation images): AUROC, sensitivity and specificity per stratum; tests of difference%n",
                        column, e.models().get(0));
            }
            out.printf(Locale.ROOT, "  %s%n", s.finding());
            for (Stratification.Stratum st : s.strata()) {
                out.printf(Locale.ROOT, "    %-12s n %6d  AUROC %-26s sens %-24s spec %s%n", st.level(), st.images(), ci(st.auroc()),
                        ci(st.metrics().sensitivity()), ci(st.metrics().specificity()));
            }
            out.printf(Locale.ROOT, "    AUROC: %s; sensitivity: %s; specificity: %s%n", s.auroc() == null ? "no test" : s.auroc().format(),
                    s.sensitivity() == null ? "no test" : s.sensitivity().format(), s.specificity() == null ? "no test" : s.specificity().format());
        }
    }

    private static void tables(Evaluation e, PrintWriter out) {
        for (LossByLabelCount t : e.lossByLabelCount()) {
            out.printf(Locale.ROOT, "%nTable 3. %s: mean binary cross-entropy per image by number of labels%n  %6s %8s  %s%n", t.model(), "labels",
                    "images", "mean (CI)");
            t.rows().forEach(r -> out.printf(Locale.ROOT, "  %6d %8d  %s%n", r.labels(), r.images(), ci(r.meanLoss())));
        }
        for (MeanActivation t : e.meanActivation()) {
            out.printf(Locale.ROOT, "%nTable 4. %s: mean score (x100) of each class over single-label images of each true class;"
                    + " share with the true class in the top three%n  %-20s %6s", t.model(), "true class", "n");
            t.classes().forEach(c -> out.printf(Locale.ROOT, " %5.5s", c));
            out.println("  top-3 (CI)");
            for (int c = 0; c < t.classes().size(); c++) {
                out.printf(Locale.ROOT, "  %-20s %6d", t.classes().get(c), t.images()[c]);
                for (int k = 0; k < t.classes().size(); k++) {
                    out.printf(Locale.ROOT, " %5.1f", 100 * t.meanScore()[c][k]);
                }
                out.printf(Locale.ROOT, "  %s%n", ci(t.topThreeShare(c, c, e.options().confidence())));
            }
        }
        CohortTable c = e.cohort();
        out.printf(Locale.ROOT, "%nCohort by %s (standardised difference > %.1f flagged *)%n  %-34s", e.options().cohortColumn() == null
                ? "split" : e.options().cohortColumn(), CohortTable.FLAG, "variable");
        c.groups().forEach(g -> out.printf(Locale.ROOT, " %16.16s", g));
        out.println("   std diff");
        for (CohortTable.Row r : c.rows()) {
            out.printf(Locale.ROOT, "  %-34.34s", r.variable());
            for (int g = 0; g < c.groups().size(); g++) {
                double v = r.values()[g];
                String cell = r.variable().equals("images") || r.variable().equals("patients") ? String.format(Locale.ROOT, "%,.0f", v)
                        : !Double.isNaN(r.spread()[g]) ? String.format(Locale.ROOT, "%.1f (%.1f)", v, r.spread()[g])
                                : String.format(Locale.ROOT, "%.1f%%", 100 * v);
                out.printf(Locale.ROOT, " %16s", cell);
            }
            out.printf(Locale.ROOT, "   %s%n", Double.isNaN(r.standardisedDifference()) ? "" : String.format(Locale.ROOT, "%.3f%s",
                    r.standardisedDifference(), r.flagged() ? " *" : ""));
        }
    }

    /** "0.8180 (0.8098-0.8262)" or "undefined: reason". */
    public static String ci(Estimate e) {
        if (!e.defined()) {
            return "undefined (" + e.undefinedReason() + ")";
        }
        String digits = Math.abs(e.value()) >= 10 ? "%.2f" : "%.4f";
        return e.interval().map(i -> String.format(Locale.ROOT, digits + " (" + digits + "-" + digits + ")", e.value(), i.lower(), i.upper()))
                .orElse(String.format(Locale.ROOT, digits + " (no CI)", e.value()));
    }

    private static String p(double p) {
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
