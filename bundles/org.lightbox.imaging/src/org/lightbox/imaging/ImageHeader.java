package org.lightbox.imaging;

import java.util.List;
import java.util.Objects;

/**
 * What an import needs to know about an image without decoding its pixels. Text attributes
 * that the file lacks are empty strings, never {@code null}; there is deliberately no patient
 * name or identifier here, only a {@link PatientKey}.
 *
 * @param transferSyntaxUid          e.g. "1.2.840.10008.1.2.1"; for files without a meta header, the one inferred
 * @param transferSyntaxName         e.g. "Explicit VR Little Endian"
 * @param sopInstanceUid             the image's unique identifier, "" when absent
 * @param modality                   e.g. "CR", "DX"
 * @param rows                       image height in pixels
 * @param columns                    image width in pixels
 * @param frames                     number of frames, 1 for single-frame images
 * @param samplesPerPixel            1 for grey images
 * @param bitsAllocated              bits per stored sample in the file (8, 16, …)
 * @param bitsStored                 significant bits of each sample
 * @param signed                     whether stored values are two's complement (Pixel Representation 1)
 * @param photometricInterpretation  e.g. "MONOCHROME1", "MONOCHROME2", "RGB"
 * @param rescale                    the modality transform (identity when absent)
 * @param windows                    the window presets the file carries, in file order (may be empty)
 * @param viewPosition               e.g. "PA", "AP", "LL"
 * @param bodyPart                   DICOM Body Part Examined, e.g. "CHEST"
 * @param patientKey                 pseudonymous patient key
 */
public record ImageHeader(
        String transferSyntaxUid,
        String transferSyntaxName,
        String sopInstanceUid,
        String modality,
        int rows,
        int columns,
        int frames,
        int samplesPerPixel,
        int bitsAllocated,
        int bitsStored,
        boolean signed,
        String photometricInterpretation,
        Rescale rescale,
        List<Window> windows,
        String viewPosition,
        String bodyPart,
        PatientKey patientKey) {

    public ImageHeader {
        transferSyntaxUid = Objects.requireNonNullElse(transferSyntaxUid, "");
        transferSyntaxName = Objects.requireNonNullElse(transferSyntaxName, "");
        sopInstanceUid = Objects.requireNonNullElse(sopInstanceUid, "");
        modality = Objects.requireNonNullElse(modality, "");
        photometricInterpretation = Objects.requireNonNullElse(photometricInterpretation, "");
        viewPosition = Objects.requireNonNullElse(viewPosition, "");
        bodyPart = Objects.requireNonNullElse(bodyPart, "");
        rescale = Objects.requireNonNullElse(rescale, Rescale.IDENTITY);
        windows = List.copyOf(Objects.requireNonNullElse(windows, List.of()));
        patientKey = Objects.requireNonNullElse(patientKey, PatientKey.UNKNOWN);
        if (rows <= 0 || columns <= 0 || frames <= 0) {
            throw new IllegalArgumentException("an image needs positive rows, columns and frames, got "
                    + rows + "×" + columns + "×" + frames);
        }
    }

    /** MONOCHROME1: the lowest value is white, so display must invert after windowing. */
    public boolean isMonochrome1() {
        return "MONOCHROME1".equals(photometricInterpretation);
    }

    public boolean isGrey() {
        return samplesPerPixel == 1 && photometricInterpretation.startsWith("MONOCHROME");
    }
}
