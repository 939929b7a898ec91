package org.lightbox.imaging.dicom.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.ImageHeader;

/** Decompresses one encapsulated frame with the codec its transfer syntax names. */
final class EncapsulatedFrames {

    private EncapsulatedFrames() {
    }

    static int[] decode(Path file, ImageHeader header, byte[] frame, List<String> notes) throws DecodeException {
        String ts = header.transferSyntaxUid();
        String codec = TransferSyntaxes.name(ts);
        int pixels = header.rows() * header.columns();
        try {
            if (TransferSyntaxes.RLE.equals(ts)) {
                return RleCodec.decode(frame, pixels, header.samplesPerPixel(), header.bitsAllocated());
            }
            FrameCodecs.Samples s = TransferSyntaxes.isJpeg2000(ts) ? FrameCodecs.jpeg2000(frame) : FrameCodecs.jpeg(frame);
            if (s.components() == header.samplesPerPixel() && s.width() <= header.columns()
                    && s.height() <= header.rows() && (s.width() < header.columns() || s.height() < header.rows())) {
                // Tiled whole-slide images (TILED_FULL) encode their right and bottom edge tiles at the size
                // that is left; a viewer shows such a tile at the top left of the frame, the rest black.
                notes.add("the " + codec + " code stream is " + s.width() + "×" + s.height() + ", smaller than the"
                        + " frame's " + header.columns() + "×" + header.rows() + ": placed at the top left, the rest 0");
                return pad(s, header.columns(), header.rows());
            }
            if (s.width() != header.columns() || s.height() != header.rows()) {
                throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "cannot decode the " + codec + " data: the"
                        + " code stream is " + s.width() + "×" + s.height() + " but the header says "
                        + header.columns() + "×" + header.rows());
            }
            if (s.components() != header.samplesPerPixel()) {
                throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "cannot decode the " + codec + " data: the"
                        + " code stream has " + s.components() + " components but Samples per Pixel is "
                        + header.samplesPerPixel());
            }
            return s.values();
        } catch (DecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("end before") || e instanceof EOFException) {
                throw new DecodeException(Reason.TRUNCATED, file, "truncated: the " + codec + " data end before the"
                        + " frame is complete (" + message + ")", e);
            }
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "cannot decode the " + codec + " data: " + e, e);
        }
    }

    private static int[] pad(FrameCodecs.Samples s, int columns, int rows) {
        int c = s.components();
        int[] out = new int[columns * rows * c];
        for (int y = 0; y < s.height(); y++) {
            System.arraycopy(s.values(), y * s.width() * c, out, y * columns * c, s.width() * c);
        }
        return out;
    }
}
