package org.lightbox.imaging.dicom.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.PatientKey;
import org.lightbox.imaging.Rescale;
import org.lightbox.imaging.Window;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;

/** Maps PixelMed's attribute list to our {@link ImageHeader}. */
final class DicomHeaders {

    private DicomHeaders() {
    }

    static ImageHeader toHeader(Path file, DicomFile dicom) throws DecodeException {
        AttributeList list = dicom.list();
        int rows = integer(list, TagFromName.Rows, 0);
        int columns = integer(list, TagFromName.Columns, 0);
        if (!dicom.hasPixelData() || rows <= 0 || columns <= 0) {
            throw dicom.noPixelData(file);
        }
        int samples = integer(list, TagFromName.SamplesPerPixel, 1);
        int bitsAllocated = integer(list, TagFromName.BitsAllocated, 0);
        int bitsStored = integer(list, TagFromName.BitsStored, bitsAllocated);
        if (bitsAllocated <= 0 || bitsStored <= 0 || bitsStored > bitsAllocated) {
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "inconsistent bit depth: Bits Allocated "
                    + bitsAllocated + ", Bits Stored " + bitsStored);
        }
        String photometric = text(list, TagFromName.PhotometricInterpretation);
        if (photometric.isEmpty() && samples == 1) {
            photometric = "MONOCHROME2"; // what ACR-NEMA era files without the attribute mean
        }
        String transferSyntax = dicom.transferSyntaxUid();
        return new ImageHeader(transferSyntax, TransferSyntaxes.name(transferSyntax),
                text(list, TagFromName.SOPInstanceUID), text(list, TagFromName.Modality), rows, columns,
                Math.max(1, integer(list, TagFromName.NumberOfFrames, 1)), samples, bitsAllocated, bitsStored,
                integer(list, TagFromName.PixelRepresentation, 0) == 1, photometric, rescale(list), windows(list),
                text(list, TagFromName.ViewPosition), text(list, TagFromName.BodyPartExamined),
                PatientKey.derive(text(list, TagFromName.IssuerOfPatientID), text(list, TagFromName.PatientID),
                        text(list, TagFromName.StudyInstanceUID)));
    }

    private static Rescale rescale(AttributeList list) {
        double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1);
        double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0);
        // A zero or non-finite slope is an encoding error; showing the stored values beats refusing the image.
        if (slope == 0 || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
            return Rescale.IDENTITY;
        }
        return new Rescale(slope, intercept);
    }

    private static List<Window> windows(AttributeList list) {
        double[] centres = Attribute.getDoubleValues(list, TagFromName.WindowCenter);
        double[] widths = Attribute.getDoubleValues(list, TagFromName.WindowWidth);
        String[] names = Attribute.getStringValues(list, TagFromName.WindowCenterWidthExplanation);
        List<Window> windows = new ArrayList<>();
        if (centres == null || widths == null) {
            return windows;
        }
        for (int i = 0; i < Math.min(centres.length, widths.length); i++) {
            if (Double.isFinite(centres[i]) && Double.isFinite(widths[i]) && widths[i] >= 1) {
                String name = names != null && i < names.length && names[i] != null ? names[i].strip() : "";
                windows.add(new Window(centres[i], widths[i], name));
            }
        }
        return windows;
    }

    static int integer(AttributeList list, AttributeTag tag, int absent) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, absent);
    }

    static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
    }
}
