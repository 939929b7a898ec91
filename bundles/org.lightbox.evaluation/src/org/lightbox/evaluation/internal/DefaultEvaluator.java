package org.lightbox.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.Averages;
import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.CohortTable;
import org.lightbox.evaluation.DeLong;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.Evaluation.FindingResult;
import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.EvaluationOptions;
import org.lightbox.evaluation.Evaluator;
import org.lightbox.evaluation.LabelTable;
import org.lightbox.evaluation.LossByLabelCount;
import org.lightbox.evaluation.MeanActivation;
import org.lightbox.evaluation.ModelComparison;
import org.lightbox.evaluation.OperatingPoint;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.PointMetrics.PredictiveValues;
import org.lightbox.evaluation.Stratification;
import org.osgi.service.component.annotations.Component;

/** The whole evaluation: per finding and model, then averages, strata, the seed paper's tables and the cohort. */
@Component(service = Evaluator.class)
public final class DefaultEvaluator implements Evaluator {

    @Override
    public Evaluation evaluate(EvaluationData data, EvaluationOptions options) {
        double conf = options.confidence();
        boolean[] tuning = tuning(data.labels(), options.split());
        boolean split = options.split().equals("patients");
        boolean[] evaluation = new boolean[tuning.length];
        int nt = 0;
        for (int i = 0; i < tuning.length; i++) {
            evaluation[i] = !split || !tuning[i];
            nt += tuning[i] ? 1 : 0;
        }
        String chosenOn = split ? String.format(Locale.ROOT, "even patient ids, %,d images", nt) : String.format(Locale.ROOT, "all %,d images", nt);
        String description = split ? String.format(Locale.ROOT, "operating points chosen on the images of even patient ids (%,d images) and"
                + " applied to the others (%,d images)", nt, tuning.length - nt) : "operating points chosen and applied on all images";
        int models = data.models().size();
        List<FindingResult> findings = new ArrayList<>();
        for (int f = 0; f < data.findings().size(); f++) {
            findings.add(finding(data, f, models, tuning, evaluation, chosenOn, options));
        }
        List<List<Averages>> averages = new ArrayList<>();
        long[] positives = findings.stream().mapToLong(FindingResult::positives).toArray();
        for (int m = 0; m < models; m++) {
            int model = m;
            List<Averages> a = new ArrayList<>();
            a.add(Averages.of("AUROC", findings.stream().map(r -> r.auroc().get(model)).toList(), positives, conf));
            a.add(Averages.of("Sensitivity", findings.stream().map(r -> r.metrics().get(model).sensitivity()).toList(), positives, conf));
            a.add(Averages.of("Specificity", findings.stream().map(r -> r.metrics().get(model).specificity()).toList(), positives, conf));
            a.add(Averages.of("Accuracy", findings.stream().map(r -> r.metrics().get(model).accuracy()).toList(), positives, conf));
            a.add(Averages.of("F1", findings.stream().map(r -> r.metrics().get(model).f1()).toList(), positives, conf));
            a.add(Averages.of("PPV", findings.stream().map(r -> r.metrics().get(model).ppv()).toList(), positives, conf));
            a.add(Averages.of("NPV", findings.stream().map(r -> r.metrics().get(model).npv()).toList(), positives, conf));
            averages.add(a);
        }
        List<Stratification> strata = new ArrayList<>();
        LabelTable held = data.labels().subset(evaluation);
        for (String column : options.strata()) {
            String name = resolve(data.labels(), column);
            String[] levels = Stratification.levels(held.column(name));
            for (int f = 0; f < data.findings().size(); f++) {
                strata.add(Stratification.of(data.finding(0, f).subset(evaluation), name, levels, findings.get(f).points().get(0), conf));
            }
        }
        List<LossByLabelCount> table3 = new ArrayList<>();
        List<MeanActivation> table4 = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            table3.add(LossByLabelCount.of(data, m, conf));
            table4.add(MeanActivation.of(data, m));
        }
        String[] groups = new String[tuning.length];
        String[] column = options.cohortColumn() == null ? null : data.labels().column(resolve(data.labels(), options.cohortColumn()));
        for (int i = 0; i < groups.length; i++) {
            groups[i] = column != null ? column[i] : split ? (tuning[i] ? "tuning" : "evaluation") : "all";
        }
        CohortTable cohort = CohortTable.of(data.labels(), groups);
        return new Evaluation(data, options, description, tuning, findings, averages, strata, table3, table4, cohort);
    }

    private static FindingResult finding(EvaluationData data, int f, int models, boolean[] tuning, boolean[] evaluation, String chosenOn,
            EvaluationOptions options) {
        double conf = options.confidence();
        List<Estimate> auroc = new ArrayList<>();
        List<OperatingPoint> points = new ArrayList<>();
        List<PointMetrics> metrics = new ArrayList<>();
        List<PredictiveValues> deployment = new ArrayList<>();
        BinaryScores first = data.finding(0, f);
        for (int m = 0; m < models; m++) {
            BinaryScores s = data.finding(m, f);
            auroc.add(DeLong.auroc(s, conf));
            OperatingPoint p = point(s.subset(tuning), options.operatingPoint(), chosenOn);
            points.add(p);
            PointMetrics pm = PointMetrics.at(s.subset(evaluation), p, conf);
            metrics.add(pm);
            if (!Double.isNaN(options.deploymentPrevalence())) {
                deployment.add(pm.atPrevalence(options.deploymentPrevalence()));
            }
        }
        ModelComparison comparison = models == 2 ? DeLong.paired(first, data.finding(1, f), conf) : null;
        return new FindingResult(data.findings().get(f), first.positives(), first.negatives(), auroc, comparison, points, metrics, deployment);
    }

    private static OperatingPoint point(BinaryScores tune, String spec, String chosenOn) {
        Object[] rule = EvaluationOptions.rule(spec);
        double x = (Double) rule[1];
        return switch ((String) rule[0]) {
            case "youden" -> OperatingPoint.youden(tune, chosenOn);
            case "sensitivity" -> OperatingPoint.atSensitivity(tune, x, chosenOn);
            case "specificity" -> OperatingPoint.atSpecificity(tune, x, chosenOn);
            default -> OperatingPoint.fixed(x);
        };
    }

    /** Tuning images: even patient ids (numeric by value, others by hash), or all images when not split. */
    static boolean[] tuning(LabelTable labels, String split) {
        boolean[] t = new boolean[labels.size()];
        if (split.equals("none")) {
            java.util.Arrays.fill(t, true);
            return t;
        }
        String column = labels.columnName("Patient ID", "patient", "patient_id");
        if (column == null) {
            throw new IllegalArgumentException("choosing the operating point on one split of patients needs a patient column in "
                    + labels.source() + " (Patient ID); or choose on all images (split 'none')");
        }
        String[] patients = labels.column(column);
        for (int i = 0; i < t.length; i++) {
            String p = patients[i];
            long key;
            try {
                key = Long.parseLong(p);
            } catch (NumberFormatException e) {
                key = p.hashCode();
            }
            t[i] = key % 2 == 0;
        }
        return t;
    }

    /** A metadata column by name or by its usual aliases (sex, age, view, patient). */
    static String resolve(LabelTable labels, String column) {
        String name = switch (column.toLowerCase(Locale.ROOT)) {
            case "sex", "gender" -> labels.columnName(column, "Patient Gender", "Patient Sex");
            case "age", "age band" -> labels.columnName(column, "Patient Age");
            case "view" -> labels.columnName(column, "View Position");
            case "patient" -> labels.columnName(column, "Patient ID");
            default -> labels.columnName(column);
        };
        if (name == null) {
            throw new IllegalArgumentException("no column '" + column + "' in " + labels.source() + " (columns: "
                    + String.join(", ", labels.metadata().keySet()) + ")");
        }
        return name;
    }
}
