package org.lightbox.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One or two models' scores joined to the reference labels by image id, on the findings both have. Ids found in only
 * one file are counted (with a few examples) rather than silently dropped.
 *
 * @param labels the reference, restricted to the joined images, in the scores file's order
 * @param models the models' names
 * @param findings the evaluated findings (in the scores file and in the reference)
 * @param scores {@code scores[model][finding][image]}
 * @param unmatched what was left out, in words, one line per file (empty when every id matched)
 * @param skippedFindings score columns with no reference column
 */
public record EvaluationData(LabelTable labels, List<String> models, List<String> findings, double[][][] scores, List<String> unmatched,
        List<String> skippedFindings) {

    /** Joins the scores of one or two models (the second may be null) with the labels. */
    public static EvaluationData join(ScoreTable first, ScoreTable second, LabelTable labels) throws EvaluationFileException {
        Map<String, Integer> labelRow = index(labels.ids());
        List<String> findings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String f : first.findings()) {
            boolean inSecond = second == null || second.findings().contains(f);
            if (labels.findingIndex(f) >= 0 && inSecond) {
                findings.add(f);
            } else {
                skipped.add(f);
            }
        }
        if (findings.isEmpty()) {
            throw new EvaluationFileException(labels.source(), 1, null, "none of the findings of " + first.source() + " " + first.findings()
                    + " is in the reference " + labels.findings());
        }
        Map<String, Integer> secondRow = second == null ? null : index(second.ids());
        List<Integer> rowsFirst = new ArrayList<>();
        List<Integer> rowsLabels = new ArrayList<>();
        List<Integer> rowsSecond = new ArrayList<>();
        List<String> onlyScores = new ArrayList<>();
        List<String> onlySecond = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Integer l = labelRow.get(first.ids()[i]);
            Integer s = secondRow == null ? Integer.valueOf(-1) : secondRow.get(first.ids()[i]);
            if (l == null) {
                onlyScores.add(first.ids()[i]);
            } else if (s == null) {
                onlySecond.add(first.ids()[i]);
            } else {
                rowsFirst.add(i);
                rowsLabels.add(l);
                rowsSecond.add(s);
            }
        }
        int n = rowsFirst.size();
        List<String> unmatched = new ArrayList<>();
        if (!onlyScores.isEmpty()) {
            unmatched.add(count(onlyScores, first.source(), "not in " + labels.source()));
        }
        if (!onlySecond.isEmpty()) {
            unmatched.add(count(onlySecond, first.source(), "not in " + second.source()));
        }
        if (labels.size() > n) {
            unmatched.add(String.format(java.util.Locale.ROOT, "%,d images of %s have no scores in %s", labels.size() - n, labels.source(),
                    first.source()));
        }
        if (second != null && second.size() > n) {
            unmatched.add(String.format(java.util.Locale.ROOT, "%,d images of %s are not evaluated (not in %s or %s)", second.size() - n,
                    second.source(), first.source(), labels.source()));
        }
        if (n == 0) {
            throw new EvaluationFileException(first.source(), 0, null, "no image id is both here and in " + labels.source()
                    + " (e.g. '" + first.ids()[0] + "' and '" + labels.ids()[0] + "')");
        }
        LabelTable joined = labels.rows(rowsLabels.stream().mapToInt(Integer::intValue).toArray());
        int models = second == null ? 1 : 2;
        double[][][] scores = new double[models][findings.size()][n];
        for (int f = 0; f < findings.size(); f++) {
            double[] a = first.scores()[first.findings().indexOf(findings.get(f))];
            double[] b = second == null ? null : second.scores()[second.findings().indexOf(findings.get(f))];
            for (int j = 0; j < n; j++) {
                scores[0][f][j] = a[rowsFirst.get(j)];
                if (b != null) {
                    scores[1][f][j] = b[rowsSecond.get(j)];
                }
            }
        }
        List<String> names = second == null ? List.of(first.model()) : List.of(first.model(), second.model());
        return new EvaluationData(joined, names, findings, scores, unmatched, skipped);
    }

    /** From arrays already aligned with {@code labels}. */
    public static EvaluationData of(LabelTable labels, List<String> models, double[][][] scores) {
        return new EvaluationData(labels, models, labels.findings(), scores, List.of(), List.of());
    }

    /** Images. */
    public int size() {
        return labels.size();
    }

    /** One model's scores of one finding with the reference. */
    public BinaryScores finding(int model, int finding) {
        return new BinaryScores(findings.get(finding), labels.ids(), scores[model][finding], labels.truth()[labels.findingIndex(findings.get(finding))]);
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> map = new HashMap<>(2 * ids.length);
        for (int i = 0; i < ids.length; i++) {
            map.put(ids[i], i);
        }
        return map;
    }

    private static String count(List<String> ids, String file, String what) {
        return String.format(java.util.Locale.ROOT, "%,d images of %s are %s (e.g. %s)", ids.size(), file, what,
                String.join(", ", ids.subList(0, Math.min(3, ids.size()))));
    }
}
