package org.lightbox.imaging;

/**
 * The linear modality transform from stored pixel values to meaningful units
 * (DICOM Rescale Slope and Intercept; Hounsfield units for CT, arbitrary for CR/DX).
 */
public record Rescale(double slope, double intercept) {

    public static final Rescale IDENTITY = new Rescale(1, 0);

    public Rescale {
        if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("rescale needs a finite non-zero slope and a finite intercept, got "
                    + slope + " and " + intercept);
        }
    }

    public double apply(double stored) {
        return stored * slope + intercept;
    }

    public boolean isIdentity() {
        return slope == 1 && intercept == 0;
    }
}
