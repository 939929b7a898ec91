package org.lightbox.imaging.dicom.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.ImageHeader;

/** Reads one frame of uncompressed Pixel Data, and nothing else, from the file or from inflated bytes. */
final class NativeFrames {

    private NativeFrames() {
    }

    /** Samples in one frame: 2 per pixel for native YBR_FULL_422 (PS3.3 C.7.6.3.1.2), else one per component. */
    static long samplesPerFrame(ImageHeader header) {
        long pixels = (long) header.rows() * header.columns();
        boolean subsampled = header.samplesPerPixel() == 3 && "YBR_FULL_422".equals(header.photometricInterpretation());
        return subsampled ? 2 * pixels : pixels * header.samplesPerPixel();
    }

    static int[] read(Path file, FileChannel channel, PixelDataElement element, ImageHeader header, int frame,
            boolean bigEndian) throws IOException, DecodeException {
        long size = channel.size();
        if (element.valueOffset() + element.length() > size) {
            throw new DecodeException(Reason.TRUNCATED, file, "truncated: Pixel Data (7FE0,0010) begins at byte "
                    + element.tagOffset() + " but the file ends at byte " + size + " before its value does");
        }
        boolean swapPairs = bigEndian && header.bitsAllocated() == 8 && "OW".equals(element.vr());
        long[] range = range(file, header, frame, element.length(), swapPairs);
        int length = (int) (range[1] - range[0]);
        ByteBuffer b = PixelDataElement.readAt(channel, element.valueOffset() + range[0], length, ByteOrder.BIG_ENDIAN);
        return unpack(b.array(), header, frame, bigEndian, swapPairs);
    }

    static int[] fromBytes(Path file, byte[] value, ImageHeader header, int frame) throws DecodeException {
        long[] range = range(file, header, frame, value.length, false);
        byte[] slice = Arrays.copyOfRange(value, (int) range[0], (int) range[1]);
        return unpack(slice, header, frame, false, false);
    }

    private static long[] range(Path file, ImageHeader header, int frame, long valueLength, boolean swapPairs)
            throws DecodeException {
        long perFrame = samplesPerFrame(header);
        long[] range = NativeSamples.byteRange(frame * perFrame, perFrame, header.bitsAllocated(), swapPairs);
        long need = NativeSamples.byteRange(0, perFrame * header.frames(), header.bitsAllocated(), false)[1];
        if (range[1] > valueLength + (swapPairs ? 1 : 0)) {
            throw new DecodeException(Reason.TRUNCATED, file, "truncated: Pixel Data holds " + valueLength + " bytes, "
                    + header.columns() + "×" + header.rows() + "×" + header.frames() + " frames of "
                    + header.samplesPerPixel() + " samples of " + header.bitsAllocated() + " bits need " + need);
        }
        range[1] = Math.min(range[1], valueLength);
        return range;
    }

    private static int[] unpack(byte[] data, ImageHeader header, int frame, boolean bigEndian, boolean swapPairs) {
        long perFrame = samplesPerFrame(header);
        if (swapPairs && data.length % 2 == 1) {
            data = Arrays.copyOf(data, data.length + 1); // the odd last byte's partner is padding
        }
        int skip = NativeSamples.skip(frame * perFrame, header.bitsAllocated(), swapPairs);
        return NativeSamples.unpack(data, skip, (int) perFrame, header.bitsAllocated(), bigEndian, swapPairs);
    }
}
