package org.lightbox.imaging.dicom.internal;

import java.nio.file.Path;
import java.util.Map;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.ImageHeaderReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * DICOM header reading and grey decoding: PixelMed parses the attributes (stopping at Pixel Data), this
 * adapter reads only the requested frame and decompresses it.
 *
 * <p>A frame that would need more than {@value #MAX_FRAME_BYTES_PROPERTY} bytes (component property, or the
 * system property of the same name; default {@value #DEFAULT_MAX_FRAME_BYTES}) is refused with
 * {@link DecodeException.Reason#TOO_LARGE} instead of running out of memory.
 */
@Component(service = { ImageHeaderReader.class, ImageDecoder.class },
        property = ImageDecoder.FORMAT_PROPERTY + "=dicom")
public final class DicomImageService implements ImageHeaderReader, ImageDecoder {

    public static final String MAX_FRAME_BYTES_PROPERTY = "lightbox.dicom.maxFrameBytes";
    public static final long DEFAULT_MAX_FRAME_BYTES = 512L << 20;

    private volatile long maxFrameBytes;

    public DicomImageService() {
        this(Long.getLong(MAX_FRAME_BYTES_PROPERTY, DEFAULT_MAX_FRAME_BYTES));
    }

    /** A service with the given memory limit per frame, for tests and for callers outside OSGi. */
    public DicomImageService(long maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Activate
    void activate(Map<String, Object> properties) {
        Object configured = properties.get(MAX_FRAME_BYTES_PROPERTY);
        if (configured != null) {
            maxFrameBytes = Long.parseLong(configured.toString().strip());
        }
    }

    public long maxFrameBytes() {
        return maxFrameBytes;
    }

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
        // The header pass stops at Pixel Data; the pixels of the one frame asked for are read afterwards.
        DicomFile dicom = DicomFile.read(file, false);
        ImageHeader header = DicomHeaders.toHeader(file, dicom);
        DicomPixels.requireDecodable(file, header, frame);
        DicomPixels.requireWithinLimit(file, header, frame, maxFrameBytes);
        try {
            return DicomPixels.frame(file, dicom, header, frame);
        } catch (RuntimeException e) { // a codec's unchecked surprise must not end an import
            throw new DecodeException(DecodeException.Reason.UNSUPPORTED_IMAGE, file, "cannot decode the pixel data: "
                    + e, e);
        }
    }
}
