package org.lightbox.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.Averages;
import org.lightbox.evaluation.CohortTable;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.Evaluation.FindingResult;
import org.lightbox.evaluation.LossByLabelCount;
import org.lightbox.evaluation.MeanActivation;
import org.lightbox.evaluation.OperatingPoint;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.StatisticalTest;
import org.lightbox.evaluation.Stratification;

/** An evaluation as one JSON object for scripts: every estimate with intervals and n; undefined numbers are null. */
public final class JsonOutput {

    private JsonOutput() {
    }

    /** The JSON text of {@code e}. */
    public static String of(Evaluation e) {
        StringBuilder j = new StringBuilder("{");
        j.append("\"models\":").append(strings(e.models()));
        j.append(",\"reference\":").append(quote(e.data().labels().source()));
        j.append(",\"images\":").append(e.data().size());
        j.append(",\"unmatched\":").append(strings(e.data().unmatched()));
        j.append(",\"skippedFindings\":").append(strings(e.data().skippedFindings()));
        j.append(",\"confidence\":").append(number(e.options().confidence()));
        j.append(",\"split\":").append(quote(e.split()));
        j.append(",\"deploymentPrevalence\":").append(number(e.options().deploymentPrevalence()));
        j.append(",\"findings\":[").append(e.findings().stream().map(JsonOutput::finding).collect(Collectors.joining(","))).append(']');
        List<String> averages = new ArrayList<>();
        for (int m = 0; m < e.models().size(); m++) {
            for (Averages a : e.averages().get(m)) {
                averages.add("{\"model\":" + quote(e.models().get(m)) + ",\"statistic\":" + quote(a.statistic()) + ",\"macro\":"
                        + estimate(a.macro()) + ",\"weighted\":" + estimate(a.weighted()) + "}");
            }
        }
        j.append(",\"averages\":[").append(String.join(",", averages)).append(']');
        j.append(",\"strata\":[").append(e.strata().stream().map(JsonOutput::stratification).collect(Collectors.joining(","))).append(']');
        j.append(",\"table3\":[").append(e.lossByLabelCount().stream().map(JsonOutput::table3).collect(Collectors.joining(","))).append(']');
        j.append(",\"table4\":[").append(e.meanActivation().stream().map(JsonOutput::table4).collect(Collectors.joining(","))).append(']');
        j.append(",\"cohort\":").append(cohort(e.cohort()));
        return j.append('}').toString();
    }

    private static String finding(FindingResult r) {
        StringBuilder j = new StringBuilder("{\"finding\":").append(quote(r.finding()));
        j.append(",\"positives\":").append(r.positives()).append(",\"negatives\":").append(r.negatives());
        j.append(",\"auroc\":").append(r.auroc().stream().map(JsonOutput::estimate).collect(Collectors.joining(",", "[", "]")));
        if (r.comparison() != null) {
            j.append(",\"difference\":").append(estimate(r.comparison().difference())).append(",\"test\":").append(test(r.comparison().test()));
        }
        j.append(",\"points\":[");
        for (int m = 0; m < r.metrics().size(); m++) {
            PointMetrics p = r.metrics().get(m);
            OperatingPoint op = r.points().get(m);
            j.append(m == 0 ? "" : ",").append("{\"rule\":").append(quote(op.rule())).append(",\"threshold\":").append(number(op.threshold()))
                    .append(",\"chosenOn\":").append(quote(op.chosenOn()))
                    .append(String.format(Locale.ROOT, ",\"TP\":%d,\"FP\":%d,\"FN\":%d,\"TN\":%d", p.truePositives(), p.falsePositives(),
                            p.falseNegatives(), p.trueNegatives()))
                    .append(",\"estimates\":").append(List.of(p.sensitivity(), p.specificity(), p.accuracy(), p.f1(), p.ppv(), p.npv(),
                            p.positiveLikelihoodRatio(), p.negativeLikelihoodRatio(), p.diagnosticOddsRatio()).stream().map(JsonOutput::estimate)
                            .collect(Collectors.joining(",", "[", "]")));
            if (!r.deployment().isEmpty()) {
                j.append(",\"deployment\":[").append(estimate(r.deployment().get(m).ppv())).append(',')
                        .append(estimate(r.deployment().get(m).npv())).append(']');
            }
            j.append('}');
        }
        return j.append("]}").toString();
    }

    private static String stratification(Stratification s) {
        return "{\"finding\":" + quote(s.finding()) + ",\"column\":" + quote(s.column()) + ",\"strata\":" + s.strata().stream()
                .map(st -> "{\"level\":" + quote(st.level()) + ",\"images\":" + st.images() + ",\"auroc\":" + estimate(st.auroc())
                        + ",\"sensitivity\":" + estimate(st.metrics().sensitivity()) + ",\"specificity\":" + estimate(st.metrics().specificity()) + "}")
                .collect(Collectors.joining(",", "[", "]")) + ",\"aurocTest\":" + test(s.auroc()) + ",\"sensitivityTest\":" + test(s.sensitivity())
                + ",\"specificityTest\":" + test(s.specificity()) + "}";
    }

    private static String table3(LossByLabelCount t) {
        return "{\"model\":" + quote(t.model()) + ",\"rows\":" + t.rows().stream().map(r -> "{\"labels\":" + r.labels() + ",\"images\":"
                + r.images() + ",\"meanLoss\":" + estimate(r.meanLoss()) + "}").collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static String table4(MeanActivation t) {
        StringBuilder j = new StringBuilder("{\"model\":").append(quote(t.model())).append(",\"classes\":").append(strings(t.classes()));
        j.append(",\"images\":").append(java.util.Arrays.toString(t.images()).replace(" ", ""));
        j.append(",\"meanScore\":[").append(java.util.Arrays.stream(t.meanScore()).map(row -> java.util.Arrays.stream(row)
                .mapToObj(JsonOutput::number).collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(","))).append(']');
        j.append(",\"topThree\":[").append(java.util.Arrays.stream(t.topThree()).map(row -> java.util.Arrays.toString(row).replace(" ", ""))
                .collect(Collectors.joining(","))).append(']');
        return j.append('}').toString();
    }

    private static String cohort(CohortTable c) {
        return "{\"groups\":" + strings(c.groups()) + ",\"rows\":" + c.rows().stream().map(r -> "{\"variable\":" + quote(r.variable())
                + ",\"values\":" + numbers(r.values()) + ",\"sd\":" + numbers(r.spread()) + ",\"n\":" + java.util.Arrays.toString(r.n()).replace(" ", "")
                + ",\"standardisedDifference\":" + number(r.standardisedDifference()) + ",\"flagged\":" + r.flagged() + "}")
                .collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static String test(StatisticalTest t) {
        if (t == null) {
            return "null";
        }
        return "{\"test\":" + quote(t.test()) + ",\"distribution\":" + quote(t.distribution().name()) + ",\"statistic\":" + number(t.statistic())
                + ",\"df\":" + number(t.degreesOfFreedom()) + ",\"p\":" + number(t.p()) + "}";
    }

    /** One estimate: value, standard error, intervals, n, details and notes. */
    public static String estimate(Estimate e) {
        StringBuilder j = new StringBuilder("{\"statistic\":").append(quote(e.statistic()));
        j.append(",\"estimate\":").append(e.defined() ? number(e.value()) : "null");
        j.append(",\"undefined\":").append(e.defined() ? "null" : quote(e.undefinedReason()));
        j.append(",\"standardError\":").append(number(e.standardError()));
        j.append(",\"intervals\":").append(e.intervals().stream().map(i -> "{\"lower\":" + number(i.lower()) + ",\"upper\":"
                + number(i.upper()) + ",\"confidence\":" + number(i.confidence()) + ",\"method\":" + quote(i.method()) + "}")
                .collect(Collectors.joining(",", "[", "]")));
        j.append(",\"n\":").append(e.n().subjects());
        j.append(",\"details\":").append(e.details().entrySet().stream().map(d -> quote(d.getKey()) + ":" + number(d.getValue()))
                .collect(Collectors.joining(",", "{", "}")));
        return j.append(",\"notes\":").append(strings(e.notes())).append('}').toString();
    }

    private static String numbers(double[] values) {
        return java.util.Arrays.stream(values).mapToObj(JsonOutput::number).collect(Collectors.joining(",", "[", "]"));
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    private static String strings(List<String> values) {
        return values.stream().map(JsonOutput::quote).collect(Collectors.joining(",", "[", "]"));
    }

    static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return q.append('"').toString();
    }
}
