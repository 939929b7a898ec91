package org.lightbox.evaluation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.agreement.Estimate;
import org.lightbox.evaluation.Averages;
import org.lightbox.evaluation.CohortTable;
import org.lightbox.evaluation.Evaluation;
import org.lightbox.evaluation.Evaluation.FindingResult;
import org.lightbox.evaluation.LossByLabelCount;
import org.lightbox.evaluation.MeanActivation;
import org.lightbox.evaluation.PointMetrics;
import org.lightbox.evaluation.Stratification;

/** The report's tables as CSV text, file name to content; every estimate as value, lower, upper and n. */
final class CsvTables {

    private CsvTables() {
    }

    static Map<String, String> of(Evaluation e) {
        Map<String, String> files = new LinkedHashMap<>();
        tables12(e, files);
        averagesAndStrata(e, files);
        tables34(e, files);
        files.put("cohort.csv", cohort(e.cohort()));
        return files;
    }

    private static void tables12(Evaluation e, Map<String, String> files) {
        List<String> models = e.models();
        StringBuilder t1 = new StringBuilder("finding,model,positives,negatives," + head("auroc") + ",p_paired_delong\n");
        StringBuilder t2 = new StringBuilder("finding,model,rule,threshold,chosen_on,TP,FP,FN,TN," + head("sensitivity") + "," + head("specificity")
                + "," + head("accuracy") + "," + head("f1") + "," + head("ppv") + "," + head("npv") + "," + head("lr_pos") + "," + head("lr_neg") + ","
                + head("dor") + "," + head("ppv_deployment") + "," + head("npv_deployment") + "\n");
        for (FindingResult r : e.findings()) {
            for (int m = 0; m < models.size(); m++) {
                t1.append(csv(r.finding())).append(',').append(csv(models.get(m))).append(',').append(r.positives()).append(',').append(r.negatives())
                        .append(',').append(cells(r.auroc().get(m))).append(',')
                        .append(r.comparison() != null && r.comparison().test() != null ? r.comparison().test().p() : "").append('\n');
                PointMetrics p = r.metrics().get(m);
                var op = r.points().get(m);
                t2.append(csv(r.finding())).append(',').append(csv(models.get(m))).append(',').append(csv(op.rule())).append(',').append(op.threshold())
                        .append(',').append(csv(op.chosenOn())).append(',').append(p.truePositives()).append(',').append(p.falsePositives()).append(',')
                        .append(p.falseNegatives()).append(',').append(p.trueNegatives());
                for (Estimate x : List.of(p.sensitivity(), p.specificity(), p.accuracy(), p.f1(), p.ppv(), p.npv(), p.positiveLikelihoodRatio(),
                        p.negativeLikelihoodRatio(), p.diagnosticOddsRatio())) {
                    t2.append(',').append(cells(x));
                }
                t2.append(',').append(r.deployment().isEmpty() ? ",,," : cells(r.deployment().get(m).ppv()));
                t2.append(',').append(r.deployment().isEmpty() ? ",,," : cells(r.deployment().get(m).npv()));
                t2.append('\n');
            }
        }
        files.put("table1-auroc.csv", t1.toString());
        files.put("table2-operating-point.csv", t2.toString());
    }

    private static void averagesAndStrata(Evaluation e, Map<String, String> files) {
        List<String> models = e.models();
        StringBuilder av = new StringBuilder("model,statistic," + head("macro") + "," + head("weighted") + "\n");
        for (int m = 0; m < models.size(); m++) {
            for (Averages a : e.averages().get(m)) {
                av.append(csv(models.get(m))).append(',').append(csv(a.statistic())).append(',').append(cells(a.macro())).append(',')
                        .append(cells(a.weighted())).append('\n');
            }
        }
        files.put("averages.csv", av.toString());
        StringBuilder st = new StringBuilder("column,finding,level,images," + head("auroc") + "," + head("sensitivity") + "," + head("specificity")
                + ",auroc_test_statistic,auroc_test_p,sensitivity_chisq,sensitivity_p,specificity_chisq,specificity_p\n");
        for (Stratification s : e.strata()) {
            for (Stratification.Stratum x : s.strata()) {
                st.append(csv(s.column())).append(',').append(csv(s.finding())).append(',').append(csv(x.level())).append(',').append(x.images())
                        .append(',').append(cells(x.auroc())).append(',').append(cells(x.metrics().sensitivity())).append(',')
                        .append(cells(x.metrics().specificity()));
                for (var t : new org.lightbox.evaluation.StatisticalTest[] {s.auroc(), s.sensitivity(), s.specificity()}) {
                    st.append(',').append(t == null ? "" : t.statistic()).append(',').append(t == null ? "" : t.p());
                }
                st.append('\n');
            }
        }
        files.put("strata.csv", st.toString());
    }

    private static void tables34(Evaluation e, Map<String, String> files) {
        StringBuilder t3 = new StringBuilder("model,labels,images," + head("mean_bce") + ",sd\n");
        for (LossByLabelCount t : e.lossByLabelCount()) {
            t.rows().forEach(r -> t3.append(csv(t.model())).append(',').append(r.labels()).append(',').append(r.images()).append(',')
                    .append(cells(r.meanLoss())).append(',').append(Double.isNaN(r.sd()) ? "" : r.sd()).append('\n'));
        }
        files.put("table3-loss-by-label-count.csv", t3.toString());
        StringBuilder t4 = new StringBuilder("model,true_class,images,predicted_class,mean_score,top3_count,top3_share\n");
        for (MeanActivation t : e.meanActivation()) {
            for (int c = 0; c < t.classes().size(); c++) {
                for (int k = 0; k < t.classes().size(); k++) {
                    t4.append(csv(t.model())).append(',').append(csv(t.classes().get(c))).append(',').append(t.images()[c]).append(',')
                            .append(csv(t.classes().get(k))).append(',').append(t.meanScore()[c][k]).append(',').append(t.topThree()[c][k]).append(',')
                            .append(t.images()[c] == 0 ? "" : t.topThree()[c][k] / (double) t.images()[c]).append('\n');
                }
            }
        }
        files.put("table4-mean-score.csv", t4.toString());
    }

    private static String cohort(CohortTable c) {
        List<String> h = new ArrayList<>(List.of("variable"));
        for (String g : c.groups()) {
            h.add(g);
            h.add(g + "_sd");
            h.add(g + "_n");
        }
        h.add("standardised_difference");
        h.add("flagged");
        StringBuilder co = new StringBuilder(String.join(",", h.stream().map(CsvTables::csv).toList())).append('\n');
        for (CohortTable.Row r : c.rows()) {
            co.append(csv(r.variable()));
            for (int g = 0; g < c.groups().size(); g++) {
                co.append(',').append(r.values()[g]).append(',').append(Double.isNaN(r.spread()[g]) ? "" : r.spread()[g]).append(',').append(r.n()[g]);
            }
            co.append(',').append(Double.isNaN(r.standardisedDifference()) ? "" : r.standardisedDifference()).append(',').append(r.flagged()).append('\n');
        }
        return co.toString();
    }

    private static String head(String name) {
        return name + "," + name + "_lower," + name + "_upper," + name + "_n";
    }

    private static String cells(Estimate e) {
        if (!e.defined()) {
            return ",,," + e.n().subjects();
        }
        return e.value() + "," + e.interval().map(i -> i.lower() + "," + i.upper()).orElse(",") + "," + e.n().subjects();
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
