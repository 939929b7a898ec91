package org.lightbox.dataset.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportException.Reason;
import org.lightbox.dataset.ImportOutcome;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Prediction;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreException;

/** Imports a model's probabilities, one row per image and one column per finding (see DatasetImporter#importPredictions). */
final class PredictionsImport {

    static final String IMAGE = "Image Index";
    /** reproduce-chexnet writes {@code prob_Atelectasis}; the bare finding code works too. */
    static final String PREFIX = "prob_";
    private static final int BATCH = 2_000;

    /** A checked row: probabilities by column index, or the reason it is refused. */
    private record Row(String item, String imageId, Map<Integer, Double> values, String refusal) {
    }

    ImportReport run(ProjectSession project, Path csv, String model, ImportProgress progress) throws ImportException {
        if (model == null || model.isBlank()) {
            throw new ImportException(Reason.UNUSABLE, csv, "Predictions need the name of the model that made them."
                    + " Nothing was imported.");
        }
        String modelName = model.strip();
        try (CsvInput input = CsvInput.open(csv, progress, "Importing predictions of " + modelName + " from "
                + csv.getFileName())) {
            Columns columns = new Columns(input.header(), List.of(IMAGE));
            Map<Integer, Finding> findings = findingColumns(project, csv, columns);
            ImportReport.Builder report = new ImportReport.Builder("Predictions of " + modelName, csv);
            if (project.predictionModels().contains(modelName)) {
                report.note("model '" + modelName + "' had predictions already: those for the same image and finding"
                        + " were replaced");
            }
            Date now = new Date();
            while (true) {
                if (progress.isCancelled()) {
                    report.cancelled().note(String.format(Locale.ROOT, "cancelled after %,d rows", report.size()));
                    break;
                }
                List<Row> rows = new ArrayList<>(BATCH);
                for (CSVRecord record; rows.size() < BATCH && (record = input.next()) != null;) {
                    rows.add(row(record, columns.index(IMAGE), findings));
                }
                if (rows.isEmpty()) {
                    break;
                }
                List<ImportOutcome> outcomes = new ArrayList<>();
                List<Prediction> predictions = predictions(project, rows, findings, modelName, now, outcomes);
                try {
                    project.putPredictions(predictions);
                } catch (StoreException e) {
                    report.note("stopped: the store refused a batch (" + e.getMessage()
                            + "); earlier batches are in the project");
                    break;
                }
                report.addAll(outcomes);
                input.reportProgress();
                progress.note(String.format(Locale.ROOT, "%,d rows done", report.size()));
            }
            return report.build();
        }
    }

    private static Map<Integer, Finding> findingColumns(ProjectSession project, Path csv, Columns columns)
            throws ImportException {
        Map<String, Finding> schema = Cxr14LabelImport.findingsByKey(project);
        Map<Integer, Finding> findings = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (int index : columns.unmatched()) {
            String name = columns.name(index);
            String bare = name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? name.substring(PREFIX.length()) : name;
            Finding finding = schema.get(Columns.key(bare));
            if (finding == null) {
                unexpected.add(name);
            } else {
                findings.put(index, finding);
            }
        }
        List<String> missing = new ArrayList<>(columns.missing(List.of(IMAGE)));
        if (findings.isEmpty()) {
            missing.add("(at least one finding column)");
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw Columns.wrong(csv, "model predictions", missing, unexpected, IMAGE + " and one column per finding of"
                    + " the label schema, named " + PREFIX + "<finding> or <finding>");
        }
        return findings;
    }

    private static Row row(CSVRecord record, int imageColumn, Map<Integer, Finding> findings) {
        String item = CsvInput.line(record);
        String imageId = imageColumn < record.size() ? record.get(imageColumn).strip() : "";
        if (!record.isConsistent()) {
            return new Row(item, imageId, Map.of(), "has " + record.size() + " fields, not as many as the header");
        }
        if (imageId.isEmpty()) {
            return new Row(item, imageId, Map.of(), "no " + IMAGE);
        }
        Map<Integer, Double> values = new LinkedHashMap<>();
        for (int index : findings.keySet()) {
            String text = record.get(index).strip();
            if (text.isEmpty()) {
                continue;
            }
            double p;
            try {
                p = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                p = Double.NaN;
            }
            if (!(p >= 0 && p <= 1)) {
                return new Row(item, imageId, Map.of(), "'" + text + "' in column '" + record.getParser().getHeaderNames()
                        .get(index) + "' is not a probability between 0 and 1");
            }
            values.put(index, p);
        }
        return new Row(item, imageId, values, null);
    }

    private static List<Prediction> predictions(ProjectSession project, List<Row> rows, Map<Integer, Finding> findings,
            String model, Date now, List<ImportOutcome> outcomes) {
        Map<String, ImageRecord> images = new HashMap<>();
        project.imagesById(rows.stream().map(Row::imageId).filter(id -> !id.isEmpty()).toList())
                .forEach(i -> images.put(i.getImageId(), i));
        List<Prediction> predictions = new ArrayList<>();
        for (Row row : rows) {
            ImageRecord image = images.get(row.imageId());
            if (row.refusal() != null) {
                outcomes.add(ImportOutcome.failed(row.item(), row.imageId(), row.refusal()));
            } else if (image == null) {
                outcomes.add(ImportOutcome.skipped(row.item(), row.imageId(), "image " + row.imageId()
                        + " is not in the project"));
            } else {
                row.values().forEach((index, p) -> {
                    Prediction prediction = LightboxFactory.eINSTANCE.createPrediction();
                    prediction.setImage(image);
                    prediction.setFinding(findings.get(index));
                    prediction.setProbability(p);
                    prediction.setModel(model);
                    prediction.setCreatedAt(now);
                    predictions.add(prediction);
                });
                outcomes.add(ImportOutcome.imported(row.item(), row.imageId(), row.values().size() + " predictions"));
            }
        }
        return predictions;
    }
}
