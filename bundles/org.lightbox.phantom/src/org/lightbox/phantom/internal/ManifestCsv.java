package org.lightbox.phantom.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lightbox.phantom.Device;
import org.lightbox.phantom.PhantomFile;
import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.SimulatedRead;
import org.lightbox.phantom.Side;

/**
 * The manifest (one row per image, every truth and label as its own column) and the reads file. Plain
 * comma-separated values without quoting: no field can contain a comma, a quote or a line break.
 */
public final class ManifestCsv {

    private ManifestCsv() {
    }

    public static List<String> header() {
        List<String> columns = new ArrayList<>(List.of("image", "file", "patient", "follow_up", "age", "sex", "view",
                "child", "defect", "quality_issue", "ctr"));
        for (PlantedFinding f : PlantedFinding.values()) {
            columns.add("truth_" + f.code());
        }
        for (PlantedFinding f : PlantedFinding.values()) {
            if (f != PlantedFinding.CARDIOMEGALY) {
                columns.add("side_" + f.code());
            }
        }
        columns.add("nodule_mm");
        columns.add("mass_mm");
        for (Device d : Device.values()) {
            columns.add("device_" + d.code());
        }
        for (PlantedFinding f : PlantedFinding.values()) {
            columns.add("report_" + f.code());
        }
        columns.addAll(List.of("width", "height", "format", "sha256"));
        return columns;
    }

    public static void writeManifest(Path file, Path folder, List<PhantomFile> files, String format) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", header()));
            out.write('\n');
            for (PhantomFile pf : files) {
                out.write(String.join(",", row(pf, folder, format)));
                out.write('\n');
            }
        }
    }

    private static List<String> row(PhantomFile pf, Path folder, String format) {
        PhantomTruth t = pf.phantom().truth();
        List<String> v = new ArrayList<>();
        v.add(t.imageId());
        v.add(folder.relativize(pf.file()).toString().replace('\\', '/'));
        v.add(t.patientId());
        v.add(Integer.toString(t.followUp()));
        v.add(Integer.toString(t.age()));
        v.add(t.female() ? "F" : "M");
        v.add(t.projection().name());
        v.add(flag(t.child()));
        v.add(t.defect() == null ? "" : t.defect().code());
        v.add(t.defect() == null ? "" : t.defect().qualityIssue());
        v.add(String.format(Locale.ROOT, "%.3f", t.cardiothoracicRatio()));
        for (PlantedFinding f : PlantedFinding.values()) {
            v.add(flag(t.has(f)));
        }
        for (PlantedFinding f : PlantedFinding.values()) {
            if (f != PlantedFinding.CARDIOMEGALY) {
                Side side = t.side(f);
                v.add(side == null ? "" : side.name().toLowerCase(Locale.ROOT));
            }
        }
        v.add(millimetres(t, PlantedFinding.NODULE));
        v.add(millimetres(t, PlantedFinding.MASS));
        for (Device d : Device.values()) {
            v.add(flag(t.has(d)));
        }
        for (PlantedFinding f : PlantedFinding.values()) {
            v.add(flag(pf.phantom().reported().contains(f)));
        }
        v.add(Integer.toString(pf.width()));
        v.add(Integer.toString(pf.height()));
        v.add(format);
        v.add(pf.sha256());
        return v;
    }

    public static void writeReads(Path file, List<PhantomFile> files) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("reader,image,finding,call,read_at,duration_ms\n");
            for (PhantomFile pf : files) {
                for (SimulatedRead r : pf.phantom().reads()) {
                    out.write(r.readerId() + "," + r.imageId() + "," + r.finding().code() + ","
                            + r.call().name().toLowerCase(Locale.ROOT) + "," + r.readAt() + "," + r.durationMillis() + "\n");
                }
            }
        }
    }

    /**
     * The report-mined labels in the layout of NIH ChestX-ray14's Data_Entry_2017 file, so that a set
     * can go through the same import as the real dataset: labels in alphabetical order joined by "|",
     * "No Finding" when there are none, the patient as a number, ages in years, pixel spacing in mm
     * for a 430 mm field.
     */
    public static void writeDataEntry(Path file, List<PhantomFile> files) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Image Index,Finding Labels,Follow-up #,Patient ID,Patient Age,Patient Gender,View Position,"
                    + "OriginalImage[Width,Height],OriginalImagePixelSpacing[x,y]\n");
            for (PhantomFile pf : files) {
                PhantomTruth t = pf.phantom().truth();
                List<String> labels = new ArrayList<>();
                pf.phantom().reported().forEach(f -> labels.add(f.code()));
                labels.sort(null);
                String spacing = String.format(Locale.ROOT, "%.4f", FindingPainter.FIELD_MM / pf.width());
                out.write(pf.file().getFileName() + "," + (labels.isEmpty() ? "No Finding" : String.join("|", labels))
                        + "," + t.followUp() + "," + Integer.parseInt(t.patientId().substring(2)) + "," + t.age() + ","
                        + (t.female() ? "F" : "M") + "," + t.projection().name() + "," + pf.width() + "," + pf.height()
                        + "," + spacing + "," + spacing + "\n");
            }
        }
    }

    private static String millimetres(PhantomTruth t, PlantedFinding f) {
        Double mm = t.lesionMillimetres().get(f);
        return mm == null ? "" : String.format(Locale.ROOT, "%.0f", mm);
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }
}
