package org.lightbox.ui.internal.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeMap;

import org.lightbox.evaluation.EvaluationData;
import org.lightbox.evaluation.LabelTable;
import org.lightbox.model.ConfounderTag;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Prediction;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.SourceLabel;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ProjectSession;

/**
 * A project's model predictions joined to a reference, for {@link org.lightbox.evaluation.Evaluator}: the images
 * that have a prediction for every finding of the label schema that the model scored, and a definite reference
 * for each. The reference is the source labels (a finding the label file does not list counts as absent, as in
 * CXR14) or one consensus method's labels (an image whose consensus is uncertain or missing for a finding is left
 * out, and counted). Metadata columns carry the CXR14 names, so strata and the cohort table find them.
 */
final class ProjectEvaluationData {

    /** The reference choice for source labels; any other value names a consensus method. */
    static final String SOURCE = "source labels";
    static final List<String> CONSENSUS_METHODS = List.of("majority", "dawid-skene", "adjudication");
    static final String SEX = "Patient Gender";
    static final String VIEW = "View Position";
    static final String AGE_BAND = "Age Band";
    /** Prefix of a confounder tag's column: "tagged" where the source or any reader tagged the image present, else "not tagged". */
    static final String TAG = "Tag ";

    private ProjectEvaluationData() {
    }

    /** The references this project offers: source labels, and each consensus method that has labels. */
    static List<String> references(ProjectSession session) {
        List<String> references = new ArrayList<>(List.of(SOURCE));
        for (String method : CONSENSUS_METHODS) {
            if (!session.consensusLabels(method).isEmpty()) {
                references.add(method);
            }
        }
        return references;
    }

    /** The metadata columns the evaluation can split by: sex, age band, view position, then one per confounder tag code. */
    static List<String> strataColumns(EvaluationData data) {
        List<String> columns = new ArrayList<>(List.of(SEX, AGE_BAND, VIEW));
        data.labels().metadata().keySet().stream().filter(c -> c.startsWith(TAG)).sorted().forEach(columns::add);
        return columns;
    }

    /** "sex", "age band", "view position", "tag chest-drain". */
    static String displayName(String column) {
        return switch (column) {
            case SEX -> "sex";
            case AGE_BAND -> "age band";
            case VIEW -> "view position";
            default -> column.startsWith(TAG) ? "tag " + column.substring(TAG.length()) : column;
        };
    }

    static EvaluationData load(ProjectSession session, String model, String reference) {
        List<String> findings = new ArrayList<>();
        for (Finding finding : session.project().getLabelSchema().getFindings()) {
            findings.add(finding.getCode());
        }
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (Prediction p : session.predictions(model)) {
            int f = findings.indexOf(p.getFinding().getCode());
            if (f >= 0) {
                scores.computeIfAbsent(p.getImage().getImageId(), id -> nans(findings.size()))[f] = p.getProbability();
            }
        }
        boolean[] scored = new boolean[findings.size()];
        scores.values().forEach(v -> {
            for (int f = 0; f < v.length; f++) {
                scored[f] |= !Double.isNaN(v[f]);
            }
        });
        List<String> used = new ArrayList<>();
        for (int f = 0; f < findings.size(); f++) {
            if (scored[f]) {
                used.add(findings.get(f));
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("The model '" + model + "' has no predictions in this project.");
        }
        Map<String, Map<String, ReadValue>> consensus = SOURCE.equals(reference) ? null : consensus(session, reference);
        List<ImageRecord> images = session.imagesById(scores.keySet());
        List<String> ids = new ArrayList<>();
        List<boolean[]> truth = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String[]> metadata = new ArrayList<>();
        int incomplete = 0;
        int undecided = 0;
        for (ImageRecord image : images) {
            double[] all = scores.get(image.getImageId());
            double[] row = new double[used.size()];
            boolean[] t = new boolean[used.size()];
            boolean complete = true;
            boolean decided = true;
            for (int u = 0; u < used.size(); u++) {
                row[u] = all[findings.indexOf(used.get(u))];
                complete &= !Double.isNaN(row[u]);
                Boolean present = present(image, used.get(u), consensus);
                decided &= present != null;
                t[u] = Boolean.TRUE.equals(present);
            }
            if (!complete) {
                incomplete++;
            } else if (!decided) {
                undecided++;
            } else {
                ids.add(image.getImageId());
                rows.add(row);
                truth.add(t);
                metadata.add(metadata(image));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("No image has both predictions of '" + model + "' for every finding and a "
                    + reference + " reference for each.");
        }
        LabelTable labels = table(reference, ids, used, truth, metadata, tags(session, images, ids));
        double[][][] matrix = new double[1][used.size()][ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            for (int u = 0; u < used.size(); u++) {
                matrix[0][u][i] = rows.get(i)[u];
            }
        }
        EvaluationData data = EvaluationData.of(labels, List.of(model), matrix);
        List<String> notes = new ArrayList<>();
        if (incomplete > 0) {
            notes.add(String.format(Locale.ROOT, "%,d images lack a prediction for some finding and are left out", incomplete));
        }
        if (undecided > 0) {
            notes.add(String.format(Locale.ROOT, "%,d images have no definite %s label for some finding and are left out",
                    undecided, reference));
        }
        return notes.isEmpty() ? data : new EvaluationData(data.labels(), data.models(), data.findings(), data.scores(),
                notes, data.skippedFindings());
    }

    private static LabelTable table(String reference, List<String> ids, List<String> used, List<boolean[]> truth,
            List<String[]> metadata, Map<String, String[]> tags) {
        boolean[][] byFinding = new boolean[used.size()][ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            for (int u = 0; u < used.size(); u++) {
                byFinding[u][i] = truth.get(i)[u];
            }
        }
        String[] names = {"Patient ID", "Patient Age", "Patient Gender", "View Position"};
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            String[] column = new String[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                column[i] = metadata.get(i)[c];
            }
            columns.put(names[c], column);
        }
        columns.put(AGE_BAND, java.util.Arrays.stream(columns.get("Patient Age")).map(ProjectEvaluationData::ageBand)
                .toArray(String[]::new));
        tags.forEach((code, column) -> columns.put(TAG + code, column));
        return new LabelTable("project", reference, ids.toArray(String[]::new), List.copyOf(used), byFinding, columns);
    }

    /** The 20-year band of an age, as {@link org.lightbox.evaluation.Stratification#levels} makes them ("40-59", "80+"). */
    static String ageBand(String age) {
        if (age == null || age.isBlank()) {
            return "(missing)";
        }
        int band = (int) Math.floor(Double.parseDouble(age) / 20);
        return band >= 4 ? "80+" : band < 0 ? "<0" : String.format(Locale.ROOT, "%d-%d", 20 * band, 20 * band + 19);
    }

    /** Per tag code present anywhere (image's own tags and readers' tags), "tagged" / "not tagged" per evaluated image. */
    private static Map<String, String[]> tags(ProjectSession session, List<ImageRecord> images, List<String> ids) {
        Map<String, Set<String>> tagged = new TreeMap<>();
        Map<String, ImageRecord> byId = new HashMap<>();
        images.forEach(image -> byId.put(image.getImageId(), image));
        List<ConfounderTag> all = new ArrayList<>();
        for (String id : ids) {
            all.addAll(byId.get(id).getConfounderTags());
        }
        session.readerTags().values().forEach(all::addAll);
        for (ConfounderTag tag : all) {
            Set<String> present = tagged.computeIfAbsent(tag.getCode(), code -> new HashSet<>());
            if (tag.getPresent() == ReadValue.PRESENT && tag.eContainer() instanceof ImageRecord image) {
                present.add(image.getImageId());
            }
        }
        session.readerTags().forEach((id, list) -> list.stream().filter(t -> t.getPresent() == ReadValue.PRESENT)
                .forEach(t -> tagged.get(t.getCode()).add(id)));
        Map<String, String[]> columns = new LinkedHashMap<>();
        tagged.forEach((code, present) -> {
            String[] column = new String[ids.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = present.contains(ids.get(i)) ? "tagged" : "not tagged";
            }
            columns.put(code, column);
        });
        return columns;
    }

    private static String[] metadata(ImageRecord image) {
        return new String[] {image.getPatientKey() == null ? "" : image.getPatientKey(),
            image.getPatientAge() == null ? "" : image.getPatientAge().toString(),
            image.getPatientSex() == Sex.MALE ? "M" : image.getPatientSex() == Sex.FEMALE ? "F" : "",
            image.getViewPosition() == null || image.getViewPosition() == ViewPosition.UNKNOWN ? ""
                    : image.getViewPosition().getLiteral()};
    }

    /** TRUE, FALSE, or null where the reference has no definite answer. */
    private static Boolean present(ImageRecord image, String finding, Map<String, Map<String, ReadValue>> consensus) {
        if (consensus == null) {
            for (SourceLabel label : image.getSourceLabels()) {
                if (label.getFinding().getCode().equals(finding)) {
                    return label.getValue() == ReadValue.PRESENT ? Boolean.TRUE
                            : label.getValue() == ReadValue.ABSENT ? Boolean.FALSE : null;
                }
            }
            return Boolean.FALSE; // a label file lists the findings present: the others are its negatives
        }
        ReadValue value = consensus.getOrDefault(image.getImageId(), Map.of()).get(finding);
        return value == ReadValue.PRESENT ? Boolean.TRUE : value == ReadValue.ABSENT ? Boolean.FALSE : null;
    }

    private static Map<String, Map<String, ReadValue>> consensus(ProjectSession session, String method) {
        Map<String, Map<String, ReadValue>> byImage = new HashMap<>();
        for (ConsensusLabel label : session.consensusLabels(method)) {
            byImage.computeIfAbsent(label.getImage().getImageId(), id -> new HashMap<>())
                    .put(label.getFinding().getCode(), label.getValue());
        }
        return byImage;
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
