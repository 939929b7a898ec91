package org.lightbox.ui.internal.imports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What File › Import asked for: the kind of input, the file or folder, and what that kind needs besides.
 *
 * @param kind         what is imported
 * @param source       the folder (FOLDER) or CSV file (the others)
 * @param imagesFolder for CXR14_LABELS, the folder with the PNGs, or null for labels only
 * @param model        for PREDICTIONS, the name the predictions are stored under
 */
public record ImportRequest(Kind kind, Path source, Path imagesFolder, String model) {

    /** The inputs the importer understands; the command parameter's values are the lower-case names. */
    public enum Kind {
        FOLDER("Images from a folder"),
        CXR14_LABELS("CXR14 labels"),
        EXPERT_READS("Expert reads"),
        PREDICTIONS("Model predictions");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** The kind a menu item's parameter names ("folder", "cxr14_labels", …). */
        public static Kind of(String parameter) {
            return valueOf(parameter.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    public ImportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (kind == Kind.PREDICTIONS && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("predictions need a model name");
        }
    }

    /** A line for people: "CXR14 labels from ‘Data_Entry_2017_v2020.csv.gz’ with images from ‘images’". */
    public String describe() {
        String from = " from ‘" + source.getFileName() + "’";
        return switch (kind) {
            case FOLDER -> "Images" + from;
            case CXR14_LABELS -> "CXR14 labels" + from
                    + (imagesFolder == null ? " (labels only)" : " with images from ‘" + imagesFolder.getFileName() + "’");
            case EXPERT_READS -> "Expert reads" + from;
            case PREDICTIONS -> "Predictions of model ‘" + model + "’" + from;
        };
    }
}
