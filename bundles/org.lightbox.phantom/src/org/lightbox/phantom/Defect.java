package org.lightbox.phantom;

/** Ways an image in a dataset is broken, as a cleaning step should find them. */
public enum Defect {
    ROTATED_90("ROTATED"),
    ROTATED_180("ROTATED"),
    ROTATED_270("ROTATED"),
    /** Grey scale inverted: bone black, air white. */
    INVERTED("INVERTED"),
    /** A lateral chest film among the frontal ones. */
    LATERAL("LATERAL"),
    /** Another body part (an abdomen film). */
    NON_CHEST("NON_CHEST"),
    /** Grossly over-exposed and fogged: little contrast left. */
    WASHED_OUT("POOR_EXPOSURE"),
    /** The chest small in a large field: collimated too wide. */
    ZOOMED_OUT("OTHER");

    private final String qualityIssue;

    Defect(String qualityIssue) {
        this.qualityIssue = qualityIssue;
    }

    /** The literal of the model's {@code QualityIssue} this defect is an instance of. */
    public String qualityIssue() {
        return qualityIssue;
    }

    /** Whether the image still shows a frontal chest whose findings can be read (after turning it back). */
    public boolean showsFrontalChest() {
        return this != LATERAL && this != NON_CHEST;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Defect ofCode(String code) {
        for (Defect d : values()) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no defect is called '" + code + "'; known: "
                + java.util.Arrays.stream(values()).map(Defect::code).toList());
    }
}
