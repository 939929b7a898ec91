package org.lightbox.phantom;

/** The findings the generator can plant, each spelt as its NIH ChestX-ray14 label. */
public enum PlantedFinding {
    ATELECTASIS("Atelectasis"),
    CARDIOMEGALY("Cardiomegaly"),
    EFFUSION("Effusion"),
    PNEUMOTHORAX("Pneumothorax"),
    /** Consolidation / airspace opacity. */
    CONSOLIDATION("Consolidation"),
    /** A round opacity up to 3 cm. */
    NODULE("Nodule"),
    /** A round opacity over 3 cm. */
    MASS("Mass");

    private final String code;

    PlantedFinding(String code) {
        this.code = code;
    }

    /** The finding's ChestX-ray14 label (also the code of the demo's label schema). */
    public String code() {
        return code;
    }

    /** The finding with this ChestX-ray14 label, e.g. {@code "Effusion"}. */
    public static PlantedFinding ofCode(String code) {
        for (PlantedFinding f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no planted finding is called '" + code + "'; known: "
                + java.util.Arrays.stream(values()).map(PlantedFinding::code).toList());
    }
}
