package org.lightbox.imaging.dicom.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageHeader;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;

/**
 * Turns Pixel Data (native, or already decompressed by PixelMed) into stored values: one
 * frame, masked to Bits Stored below High Bit and sign-extended when Pixel Representation is 1.
 */
final class DicomPixels {

    private DicomPixels() {
    }

    /** Refuses, before PixelMed reads and decompresses every frame, what {@link #frame} cannot turn into grey. */
    static void requireDecodable(Path file, ImageHeader header, int frame) throws DecodeException {
        if (!TransferSyntaxes.isDecoded(header.transferSyntaxUid())) {
            throw new DecodeException(Reason.UNSUPPORTED_TRANSFER_SYNTAX, file, "unsupported transfer syntax "
                    + header.transferSyntaxName() + " (" + header.transferSyntaxUid() + ")");
        }
        if (!header.isGrey()) {
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "colour images are not supported yet: "
                    + "photometric interpretation " + header.photometricInterpretation() + ", "
                    + header.samplesPerPixel() + " samples per pixel");
        }
        if (header.bitsAllocated() != 8 && header.bitsAllocated() != 16) {
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "unsupported bit depth: Bits Allocated "
                    + header.bitsAllocated() + " (8 and 16 are decoded)");
        }
        if (frame < 0 || frame >= header.frames()) {
            throw new DecodeException(Reason.NO_PIXEL_DATA, file, "no frame " + frame + ": the image has "
                    + header.frames() + (header.frames() == 1 ? " frame" : " frames"));
        }
    }

    /** One frame of a file read with its Pixel Data, whose header passed {@link #requireDecodable}. */
    static GreyImage frame(Path file, ImageHeader header, AttributeList list, int frame) throws DecodeException {
        int pixels = header.rows() * header.columns();
        int[] raw = samples(file, header, list.getPixelData(), frame, pixels);
        int highBit = DicomHeaders.integer(list, TagFromName.HighBit, header.bitsStored() - 1);
        int[] stored = toStored(raw, header.bitsStored(), highBit, header.signed());
        return GreyImage.of(header.columns(), header.rows(), stored, header.rescale(), header.isMonochrome1(),
                header.windows(), notes(header, list));
    }

    private static int[] samples(Path file, ImageHeader header, Attribute pixelData, int frame, int pixels)
            throws DecodeException {
        long start = (long) frame * pixels;
        try {
            if (header.bitsAllocated() == 16) {
                short[] words = pixelData instanceof OtherWordAttribute ? pixelData.getShortValues()
                        : wordsFromBytes(pixelData.getByteValues());
                requireLength(file, header, words.length, start + pixels);
                int[] raw = new int[pixels];
                for (int i = 0; i < pixels; i++) {
                    raw[i] = Short.toUnsignedInt(words[(int) start + i]);
                }
                return raw;
            }
            // dcmtk and others write 8-bit pixels as OW; PixelMed then holds words, which we take apart little-endian.
            byte[] bytes = pixelData instanceof OtherWordAttribute ? pixelData.getByteValues(false)
                    : pixelData.getByteValues();
            requireLength(file, header, bytes.length, start + pixels);
            int[] raw = new int[pixels];
            for (int i = 0; i < pixels; i++) {
                raw[i] = Byte.toUnsignedInt(bytes[(int) start + i]);
            }
            return raw;
        } catch (DicomException e) {
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "cannot read the pixel values: "
                    + e.getMessage(), e);
        }
    }

    private static short[] wordsFromBytes(byte[] bytes) {
        // PixelMed hands decompressed 16-bit data back as words; bytes here are little-endian native data read as OB.
        short[] words = new short[bytes.length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
        }
        return words;
    }

    private static void requireLength(Path file, ImageHeader header, int have, long need) throws DecodeException {
        if (have < need) {
            throw new DecodeException(Reason.TRUNCATED, file, "truncated: Pixel Data holds " + have + " samples, "
                    + header.columns() + "×" + header.rows() + "×" + header.frames() + " frames need "
                    + (long) header.columns() * header.rows() * header.frames());
        }
    }

    static int[] toStored(int[] raw, int bitsStored, int highBit, boolean signed) {
        int lowBit = Math.max(0, highBit - bitsStored + 1);
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int shift = 32 - bitsStored;
        for (int i = 0; i < raw.length; i++) {
            int v = (raw[i] >>> lowBit) & mask;
            raw[i] = signed ? (v << shift) >> shift : v;
        }
        return raw;
    }

    private static List<String> notes(ImageHeader header, AttributeList list) {
        List<String> notes = new ArrayList<>();
        if (header.isMonochrome1()) {
            notes.add("MONOCHROME1: low values are white; display inverts after windowing");
        }
        if (list.get(DicomFile.tag(0x0028, 0x3000)) != null) {
            notes.add("Modality LUT Sequence present but not applied yet; shown through Rescale Slope/Intercept only");
        }
        if (list.get(TagFromName.VOILUTSequence) != null) {
            notes.add("VOI LUT Sequence present but not applied yet; window presets used instead");
        }
        if (!TransferSyntaxes.isNative(header.transferSyntaxUid())) {
            notes.add("decompressed from " + header.transferSyntaxName());
        }
        return notes;
    }
}
