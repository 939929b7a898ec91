package org.lightbox.dataset.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.lightbox.imaging.ImageHeader;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.ViewPosition;

/** Fills an image record with what the file says: where it is, its hash, format, size and acquisition. */
final class Pixels {

    private Pixels() {
    }

    static void link(ImageRecord record, Path file, ImageProbe.Image image) {
        record.setLocation(file.toAbsolutePath().normalize().toString());
        record.setContentHash(image.contentHash());
        record.setFormat(image.format());
        record.setWidth(image.width());
        record.setHeight(image.height());
        record.setFrameCount(image.frames());
        ImageHeader header = image.header();
        if (header != null) {
            if (record.getModality() == null && !header.modality().isEmpty()) {
                record.setModality(header.modality());
            }
            if (record.getViewPosition() == ViewPosition.UNKNOWN) {
                record.setViewPosition(view(header.viewPosition()));
            }
        }
    }

    /** A DICOM or CXR14 view position ("PA", "AP", "LL", …) as ours. */
    static ViewPosition view(String text) {
        return switch (text == null ? "" : text.strip().toUpperCase(Locale.ROOT)) {
            case "PA" -> ViewPosition.PA;
            case "AP" -> ViewPosition.AP;
            case "LL", "RL", "LAT", "LATERAL" -> ViewPosition.LATERAL;
            default -> ViewPosition.UNKNOWN;
        };
    }
}
