package org.lightbox.imaging.dicom.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.LookupTable;
import org.lightbox.imaging.Polarity;
import org.lightbox.imaging.Rescale;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;

/**
 * Turns one frame's Pixel Data into a {@link GreyImage}: reads only that frame from the file (or its
 * fragments), decompresses it, masks each sample to Bits Stored below High Bit and sign-extends it when
 * Pixel Representation is 1, turns colour into grey, and attaches the modality and VOI transforms.
 */
final class DicomPixels {

    static final AttributeTag PRESENTATION_LUT_SHAPE = new AttributeTag(0x2050, 0x0020);
    private static final Set<String> GREY = Set.of("MONOCHROME1", "MONOCHROME2");
    private static final Set<String> RGB_LIKE = Set.of("RGB", "YBR_RCT", "YBR_ICT");
    private static final Set<String> LUMA_FIRST = Set.of("YBR_FULL", "YBR_FULL_422");

    private DicomPixels() {
    }

    /** Refuses, before any pixel is read, what {@link #frame} cannot turn into grey. */
    static void requireDecodable(Path file, ImageHeader header, int frame) throws DecodeException {
        if (!TransferSyntaxes.isDecoded(header.transferSyntaxUid())) {
            throw new DecodeException(Reason.UNSUPPORTED_TRANSFER_SYNTAX, file, "unsupported transfer syntax "
                    + header.transferSyntaxName() + " (" + header.transferSyntaxUid() + ")");
        }
        String photometric = header.photometricInterpretation();
        boolean grey = header.samplesPerPixel() == 1 && GREY.contains(photometric);
        boolean colour = header.samplesPerPixel() == 3
                && (RGB_LIKE.contains(photometric) || LUMA_FIRST.contains(photometric));
        if (!grey && !colour) {
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "unsupported photometric interpretation "
                    + photometric + " with " + header.samplesPerPixel() + " samples per pixel (grey, RGB and YBR are"
                    + " decoded)");
        }
        int bits = header.bitsAllocated();
        if (bits != 1 && bits != 8 && bits != 16 && bits != 32) {
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "unsupported bit depth: Bits Allocated " + bits
                    + " (1, 8, 16 and 32 are decoded)");
        }
        if (frame < 0 || frame >= header.frames()) {
            throw new DecodeException(Reason.NO_PIXEL_DATA, file, "no frame " + frame + ": the image has "
                    + header.frames() + (header.frames() == 1 ? " frame" : " frames"));
        }
    }

    /** Refuses a frame that would need more than {@code limit} bytes of memory to decode. */
    static void requireWithinLimit(Path file, ImageHeader header, int frame, long limit) throws DecodeException {
        long pixels = (long) header.rows() * header.columns();
        long samples = pixels * header.samplesPerPixel();
        // raw bytes of the frame + its samples as ints + the grey values as ints
        long need = samples * Math.max(1, header.bitsAllocated() / 8) + samples * 4 + pixels * 4;
        if (TransferSyntaxes.DEFLATED.equals(header.transferSyntaxUid())) {
            need += samples * Math.max(1, header.bitsAllocated() / 8) * (header.frames() - 1L); // all frames inflated
        }
        if (need > limit) {
            throw new DecodeException(Reason.TOO_LARGE, file, String.format(Locale.ROOT, "too large: frame %d of %d×%d"
                    + "×%d samples of %d bits needs %d MiB to decode, more than the limit of %d MiB", frame,
                    header.columns(), header.rows(), header.samplesPerPixel(), header.bitsAllocated(), need >> 20,
                    limit >> 20));
        }
    }

    /** One frame of a file whose header passed {@link #requireDecodable} and {@link #requireWithinLimit}. */
    static GreyImage frame(Path file, DicomFile dicom, ImageHeader header, int frame) throws DecodeException {
        List<String> notes = new ArrayList<>();
        int[] raw = TransferSyntaxes.DEFLATED.equals(header.transferSyntaxUid())
                ? inflated(file, header, frame)
                : fromFile(file, dicom, header, frame, notes);
        int highBit = DicomHeaders.integer(dicom.list(), TagFromName.HighBit, header.bitsStored() - 1);
        int[] stored = toStored(raw, header.bitsStored(), highBit, header.signed());
        AttributeList list = dicom.list();
        int[] grey = grey(file, header, stored, list, notes);
        return image(header, list, grey, notes);
    }

    private static int[] fromFile(Path file, DicomFile dicom, ImageHeader header, int frame, List<String> notes)
            throws DecodeException {
        String ts = header.transferSyntaxUid();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            boolean bigEndian = TransferSyntaxes.isBigEndian(ts);
            PixelDataElement element = PixelDataElement.read(file, channel, dicom.pixelDataOffset() - 4,
                    !TransferSyntaxes.isImplicit(ts), bigEndian);
            if (!element.isEncapsulated()) {
                return NativeFrames.read(file, channel, element, header, frame, bigEndian);
            }
            notes.add("decompressed from " + header.transferSyntaxName());
            List<PixelDataElement.Fragment> parts = element.frame(frame, header.frames(), channel);
            if (parts.isEmpty()) {
                throw new DecodeException(Reason.NO_PIXEL_DATA, file, "no pixel data for frame " + frame + ": the"
                        + " encapsulated Pixel Data holds fewer frames than Number of Frames (" + header.frames() + ")");
            }
            return EncapsulatedFrames.decode(file, header, PixelDataElement.bytes(channel, parts), notes);
        } catch (IOException e) {
            throw new DecodeException(Reason.TRUNCATED, file, "truncated: " + e.getMessage(), e);
        }
    }

    private static int[] inflated(Path file, ImageHeader header, int frame) throws DecodeException {
        // Deflate compresses the whole data set, so there is no offset to seek to: PixelMed inflates it all.
        Attribute pixelData = DicomFile.read(file, true).list().getPixelData();
        try {
            byte[] bytes = pixelData instanceof OtherWordAttribute ? pixelData.getByteValues(false)
                    : pixelData.getByteValues();
            return NativeFrames.fromBytes(file, bytes, header, frame);
        } catch (DicomException e) {
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "cannot read the pixel values: "
                    + e.getMessage(), e);
        }
    }

    static int[] toStored(int[] raw, int bitsStored, int highBit, boolean signed) {
        int lowBit = Math.max(0, highBit - bitsStored + 1);
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int shift = 32 - bitsStored;
        for (int i = 0; i < raw.length; i++) {
            int v = (raw[i] >>> lowBit) & mask;
            raw[i] = signed && shift > 0 ? (v << shift) >> shift : v;
        }
        return raw;
    }

    private static int[] grey(Path file, ImageHeader header, int[] stored, AttributeList list, List<String> notes)
            throws DecodeException {
        int pixels = header.rows() * header.columns();
        String photometric = header.photometricInterpretation();
        if (header.samplesPerPixel() == 1) {
            if (!header.signed() && header.bitsStored() == 32) {
                requireFits(file, stored, pixels);
            }
            return stored;
        }
        boolean planar = DicomHeaders.integer(list, TagFromName.PlanarConfiguration, 0) == 1 && stored.length == 3 * pixels;
        int[] grey = new int[pixels];
        if (LUMA_FIRST.contains(photometric) && !header.transferSyntaxUid().startsWith("1.2.840.10008.1.2.4.9")) {
            boolean subsampled = stored.length == 2 * pixels; // native YBR_FULL_422: Y1 Y2 Cb Cr per pixel pair
            for (int i = 0; i < pixels; i++) {
                grey[i] = subsampled ? stored[4 * (i / 2) + i % 2] : planar ? stored[i] : stored[3 * i];
            }
            notes.add(photometric + " colour frame shown as its luma (Y) component");
            return grey;
        }
        for (int i = 0; i < pixels; i++) {
            long r = sample(stored, planar, pixels, i, 0);
            long g = sample(stored, planar, pixels, i, 1);
            long b = sample(stored, planar, pixels, i, 2);
            long y = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            if (y > Integer.MAX_VALUE || y < Integer.MIN_VALUE) {
                throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "unsupported sample values: the grey value "
                        + y + " of a " + header.bitsStored() + "-bit colour pixel does not fit 32-bit signed grey");
            }
            grey[i] = (int) y;
        }
        notes.add(photometric + " colour frame converted to grey as ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)");
        return grey;
    }

    private static long sample(int[] stored, boolean planar, int pixels, int i, int c) {
        int v = planar ? stored[c * pixels + i] : stored[3 * i + c];
        return Integer.toUnsignedLong(v);
    }

    private static void requireFits(Path file, int[] stored, int pixels) throws DecodeException {
        for (int i = 0; i < pixels; i++) {
            if (stored[i] < 0) {
                throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "unsupported sample values: unsigned 32-bit"
                        + " value " + Integer.toUnsignedString(stored[i]) + " does not fit 32-bit signed grey");
            }
        }
    }

    private static GreyImage image(ImageHeader header, AttributeList list, int[] grey, List<String> notes) {
        boolean colour = header.samplesPerPixel() != 1;
        boolean inverse = "INVERSE".equals(DicomHeaders.text(list, PRESENTATION_LUT_SHAPE));
        boolean invert = header.isMonochrome1() || inverse && !colour;
        if (header.isMonochrome1()) {
            notes.add("MONOCHROME1: low values are white; display inverts after windowing");
        } else if (invert) {
            notes.add("Presentation LUT Shape INVERSE: display inverts after windowing");
        }
        GreyImage image = GreyImage.of(header.columns(), header.rows(), grey, colour ? Rescale.IDENTITY
                : header.rescale(), invert, colour ? List.of() : header.windows(), notes);
        if (colour) {
            return image;
        }
        List<LookupTable> modality = DicomLuts.tables(list, DicomLuts.MODALITY_LUT_SEQUENCE, header.signed());
        if (!modality.isEmpty()) {
            image = image.withModalityLut(modality.get(0)).withNote("Modality LUT Sequence applied ("
                    + modality.get(0).size() + " entries" + (list.get(TagFromName.RescaleSlope) != null
                            ? "; it replaces Rescale Slope/Intercept" : "") + ")");
        }
        List<LookupTable> voi = DicomLuts.tables(list, DicomLuts.VOI_LUT_SEQUENCE, false);
        image = voi.isEmpty() ? image : image.withVoiLuts(voi);
        if (header.isMonochrome1() && header.rows() >= 64 && header.columns() >= 64 && Polarity.looksLikeNegativeChest(image)) {
            // a positive film mislabelled MONOCHROME1 (converters do this): show it bone-white and say why
            image = image.withPolarity(false, "Photometric Interpretation says MONOCHROME1, but the pixels are a"
                    + " positive film (lung fields darker than the mediastinum as stored): shown as MONOCHROME2");
        }
        return image;
    }
}
