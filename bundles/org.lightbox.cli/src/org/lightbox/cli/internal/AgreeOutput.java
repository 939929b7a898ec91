package org.lightbox.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.PairAgreement;
import org.lightbox.agreement.RatingFiles.Layout;

/** Prints agreement reports as a text table for people or as JSON for scripts; undefined numbers are words, never NaN. */
final class AgreeOutput {

    private final Path file;
    private final Layout layout;
    private final AgreementOptions options;

    AgreeOutput(Path file, Layout layout, AgreementOptions options) {
        this.file = file;
        this.layout = layout;
        this.options = options;
    }

    void text(PrintWriter out, Map<String, AgreementReport> reports, Map<String, DiagnosticAccuracy> accuracy) {
        for (Map.Entry<String, AgreementReport> entry : reports.entrySet()) {
            AgreementReport r = entry.getValue();
            out.printf(Locale.ROOT, "%s%s: %,d subjects, %d raters, categories %s (%s)%n", file, entry.getKey().isEmpty() ? ""
                    : " [" + entry.getKey() + "]", r.subjects(), r.raters().size(), String.join(", ", r.categories()), r.level().label());
            r.notes().forEach(note -> out.println("  note: " + note));
            out.printf(Locale.ROOT, "  %-34s %9s  %-20s %8s  %s%n", "statistic", "estimate", pct() + " CI", "n", "interval; details");
            r.overall().forEach(e -> line(out, "", e));
            out.println("  per category (Fleiss' kappa, this category against the others):");
            r.perCategory().forEach(e -> line(out, "", e));
            if (!r.pairs().isEmpty()) {
                out.println("  per pair of raters:");
                for (PairAgreement pair : r.pairs()) {
                    out.printf("   %s x %s%n", pair.raterA(), pair.raterB());
                    pair.estimates().forEach(e -> line(out, "  ", e));
                }
            }
            DiagnosticAccuracy a = accuracy.get(entry.getKey());
            if (a != null) {
                out.printf("  %s against %s, positive = %s (TP %d, FP %d, FN %d, TN %d):%n", a.reader(), a.reference(), a.positive(),
                        a.truePositives(), a.falsePositives(), a.falseNegatives(), a.trueNegatives());
                List.of(a.sensitivity(), a.specificity(), a.ppv(), a.npv(), a.diagnosticOddsRatio()).forEach(e -> line(out, "  ", e));
            }
            out.println();
        }
    }

    private String pct() {
        return String.format(Locale.ROOT, "%.0f%%", 100 * options.confidence());
    }

    private static void line(PrintWriter out, String indent, Estimate e) {
        String name = indent + e.statistic();
        if (!e.defined()) {
            out.printf(Locale.ROOT, "  %-34s %9s  %-20s %8d  %s%n", name, "undefined", "", e.n().subjects(), e.undefinedReason());
            return;
        }
        String ci = e.interval().map(i -> String.format(Locale.ROOT, "%.4f to %.4f", i.lower(), i.upper())).orElse("none");
        String method = e.interval().map(Interval::method).orElse(String.join("; ", e.notes()));
        String details = e.details().entrySet().stream().filter(d -> d.getKey().equals("z") || d.getKey().endsWith("index"))
                .map(d -> String.format(Locale.ROOT, "%s %.4f", d.getKey(), d.getValue())).collect(Collectors.joining(", "));
        out.printf(Locale.ROOT, "  %-34s %9.4f  %-20s %8d  %s%s%n", name, e.value(), ci, e.n().subjects(), method,
                details.isEmpty() ? "" : "; " + details);
    }

    void json(PrintWriter out, Map<String, AgreementReport> reports, Map<String, DiagnosticAccuracy> accuracy) {
        StringBuilder j = new StringBuilder("{");
        field(j, "file", file.toString()).append(',');
        field(j, "layout", layout.name().toLowerCase(Locale.ROOT)).append(',');
        field(j, "weights", options.weights().label()).append(',');
        j.append("\"confidence\":").append(number(options.confidence())).append(',');
        j.append("\"bootstrap\":{\"resamples\":").append(options.replicates()).append(",\"seed\":").append(options.seed()).append("},");
        j.append("\"tables\":[");
        boolean first = true;
        for (Map.Entry<String, AgreementReport> entry : reports.entrySet()) {
            AgreementReport r = entry.getValue();
            j.append(first ? "" : ",").append('{');
            first = false;
            j.append("\"finding\":").append(entry.getKey().isEmpty() ? "null" : quote(entry.getKey())).append(',');
            j.append("\"subjects\":").append(r.subjects()).append(',');
            field(j, "level", r.level().label()).append(',');
            j.append("\"raters\":").append(strings(r.raters())).append(",\"categories\":").append(strings(r.categories()));
            j.append(",\"notes\":").append(strings(r.notes()));
            j.append(",\"overall\":").append(estimates(r.overall())).append(",\"perCategory\":").append(estimates(r.perCategory()));
            j.append(",\"pairs\":[").append(r.pairs().stream().map(p -> "{\"raterA\":" + quote(p.raterA()) + ",\"raterB\":"
                    + quote(p.raterB()) + ",\"estimates\":" + estimates(p.estimates()) + "}").collect(Collectors.joining(","))).append(']');
            DiagnosticAccuracy a = accuracy.get(entry.getKey());
            if (a != null) {
                j.append(",\"accuracy\":{\"reader\":").append(quote(a.reader())).append(",\"reference\":").append(quote(a.reference()))
                        .append(",\"positive\":").append(quote(a.positive())).append(",\"TP\":").append(a.truePositives())
                        .append(",\"FP\":").append(a.falsePositives()).append(",\"FN\":").append(a.falseNegatives())
                        .append(",\"TN\":").append(a.trueNegatives()).append(",\"estimates\":")
                        .append(estimates(List.of(a.sensitivity(), a.specificity(), a.ppv(), a.npv(), a.diagnosticOddsRatio()))).append('}');
            }
            j.append('}');
        }
        out.println(j.append("]}"));
    }

    private static String estimates(List<Estimate> estimates) {
        return estimates.stream().map(AgreeOutput::estimate).collect(Collectors.joining(",", "[", "]"));
    }

    private static String estimate(Estimate e) {
        StringBuilder j = new StringBuilder("{");
        field(j, "statistic", e.statistic()).append(",\"estimate\":").append(e.defined() ? number(e.value()) : "null");
        j.append(",\"undefined\":").append(e.defined() ? "null" : quote(e.undefinedReason()));
        j.append(",\"standardError\":").append(Double.isFinite(e.standardError()) ? number(e.standardError()) : "null");
        j.append(",\"intervals\":").append(e.intervals().stream().map(i -> "{\"lower\":" + number(i.lower()) + ",\"upper\":"
                + number(i.upper()) + ",\"confidence\":" + number(i.confidence()) + ",\"method\":" + quote(i.method()) + "}")
                .collect(Collectors.joining(",", "[", "]")));
        j.append(String.format(Locale.ROOT, ",\"n\":{\"subjects\":%d,\"raters\":%d,\"ratings\":%d,\"pairs\":%d}", e.n().subjects(),
                e.n().raters(), e.n().ratings(), e.n().pairs()));
        j.append(",\"details\":").append(e.details().entrySet().stream().map(d -> quote(d.getKey()) + ":" + number(d.getValue()))
                .collect(Collectors.joining(",", "{", "}")));
        return j.append(",\"notes\":").append(strings(e.notes())).append('}').toString();
    }

    private static StringBuilder field(StringBuilder j, String name, String value) {
        return j.append(quote(name)).append(':').append(quote(value));
    }

    private static String strings(List<String> values) {
        return values.stream().map(AgreeOutput::quote).collect(Collectors.joining(",", "[", "]"));
    }

    /** Shortest text that reads back as the same double (finite only; callers write null otherwise). */
    private static String number(double value) {
        return Double.toString(value);
    }

    private static String quote(String text) {
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
