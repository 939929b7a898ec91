package org.lightbox.imaging.dicom.internal;

import java.nio.file.Path;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.ImageHeaderReader;
import org.osgi.service.component.annotations.Component;

/** DICOM header reading and grey decoding through PixelMed. */
@Component(service = { ImageHeaderReader.class, ImageDecoder.class },
        property = ImageDecoder.FORMAT_PROPERTY + "=dicom")
public final class DicomImageService implements ImageHeaderReader, ImageDecoder {

    @Override
    public boolean canRead(Path file) {
        return DicomFile.looksLikeDicom(file);
    }

    @Override
    public boolean canDecode(Path file) {
        return DicomFile.looksLikeDicom(file);
    }

    @Override
    public ImageHeader readHeader(Path file) throws DecodeException {
        return DicomHeaders.toHeader(file, DicomFile.read(file, false));
    }

    @Override
    public GreyImage decode(Path file, int frame) throws DecodeException {
        // The header pass is cheap (it stops at Pixel Data) and lets us refuse what we cannot
        // decode before PixelMed reads, and tries to decompress, every frame.
        ImageHeader header = readHeader(file);
        DicomPixels.requireDecodable(file, header, frame);
        DicomFile dicom = DicomFile.read(file, true);
        return DicomPixels.frame(file, header, dicom.list(), frame);
    }
}
