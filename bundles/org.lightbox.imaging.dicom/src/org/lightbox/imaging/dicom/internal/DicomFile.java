package org.lightbox.imaging.dicom.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;

/**
 * One parse of a DICOM file by PixelMed, with the checks PixelMed does not make itself: it
 * logs and drops an element it cannot read (a truncated Pixel Data, garbage read as a tag) and
 * returns normally, so this class remembers where Pixel Data began and compares.
 *
 * @param list               the attributes read (without Pixel Data for a header read)
 * @param transferSyntaxUid  the data set's transfer syntax, inferred by PixelMed when the file has no meta header
 * @param pixelDataOffset    byte offset of the top-level Pixel Data element, or -1 if none was met
 * @param fileLength         the file's size in bytes
 */
record DicomFile(AttributeList list, String transferSyntaxUid, long pixelDataOffset, long fileLength) {

    private static final int PREAMBLE = 128;

    boolean hasPixelData() {
        return pixelDataOffset >= 0;
    }

    /** Whether the first bytes look like DICOM: a Part 10 preamble + "DICM", or a bare data set (group 0002 or 0008 first). */
    static boolean looksLikeDicom(Path file) {
        byte[] head = new byte[PREAMBLE + 4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (n == head.length && head[PREAMBLE] == 'D' && head[PREAMBLE + 1] == 'I' && head[PREAMBLE + 2] == 'C'
                && head[PREAMBLE + 3] == 'M') {
            return true;
        }
        if (n < 8) {
            return false;
        }
        int littleEndianGroup = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
        int bigEndianGroup = (head[0] & 0xFF) << 8 | (head[1] & 0xFF);
        return isFirstGroup(littleEndianGroup) || isFirstGroup(bigEndianGroup);
    }

    private static boolean isFirstGroup(int group) {
        return group == 0x0002 || group == 0x0008;
    }

    /**
     * Parses {@code file}. A header read stops at Pixel Data without reading it; a full read
     * reads (and, for RLE and JPEG, decompresses) it.
     */
    static DicomFile read(Path file, boolean withPixelData) throws DecodeException {
        long length = sizeOf(file);
        if (!looksLikeDicom(file)) {
            throw new DecodeException(Reason.NOT_RECOGNISED, file, "not a DICOM file: no \"DICM\" marker at byte 128"
                    + " and the data do not begin with a group 0002 or 0008 element (" + length + " bytes)");
        }
        AttributeList list = new AttributeList();
        long[] pixelDataOffset = { -1 };
        AttributeList.ReadTerminationStrategy stopAtPixelData = (current, tag, offset) -> {
            if (current == list && TagFromName.PixelData.equals(tag)) {
                pixelDataOffset[0] = offset;
                return !withPixelData;
            }
            return false;
        };
        String transferSyntax;
        try (DicomInputStream in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            list.read(in, stopAtPixelData);
            transferSyntax = Attribute.getSingleStringValueOrNull(list, TagFromName.TransferSyntaxUID);
            if (transferSyntax == null && in.getTransferSyntaxToReadDataSet() != null) {
                transferSyntax = in.getTransferSyntaxToReadDataSet().getUID();
            }
        } catch (EOFException e) {
            throw new DecodeException(Reason.TRUNCATED, file, "truncated: the file ends at byte " + length
                    + " in the middle of a data element", e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).startsWith("Not a DICOM file")) {
                throw new DecodeException(Reason.NOT_RECOGNISED, file, "not a DICOM file: " + e.getMessage(), e);
            }
            throw new DecodeException(Reason.UNREADABLE, file, "cannot read the file: " + e, e);
        } catch (DicomException e) {
            if (!withPixelData) {
                throw new DecodeException(Reason.NOT_RECOGNISED, file, "malformed DICOM file: " + e.getMessage(), e);
            }
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "cannot decode the pixel data: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            // PixelMed meets malformed input (and codec trouble) with unchecked exceptions too; an import must go on.
            if (withPixelData) {
                throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "cannot decode the pixel data: " + e, e);
            }
            throw new DecodeException(Reason.NOT_RECOGNISED, file, "malformed DICOM file: " + e, e);
        }
        if (list.isEmpty()) {
            throw new DecodeException(Reason.NOT_RECOGNISED, file, "not a DICOM file: no data element could be read");
        }
        DicomFile parsed = new DicomFile(list, transferSyntax == null ? "" : transferSyntax, pixelDataOffset[0], length);
        if (withPixelData && parsed.hasPixelData() && list.getPixelData() == null) {
            throw new DecodeException(Reason.TRUNCATED, file, "truncated: Pixel Data (7FE0,0010) begins at byte "
                    + parsed.pixelDataOffset + " but the file ends at byte " + length + " before its value does");
        }
        return parsed;
    }

    /** Reason NO_PIXEL_DATA, worded for a header that stopped without Pixel Data. */
    DecodeException noPixelData(Path file) {
        return new DecodeException(Reason.NO_PIXEL_DATA, file, "no Pixel Data (7FE0,0010): not an image, or"
                + " truncated before its pixels (the file ends at byte " + fileLength + ")");
    }

    static AttributeTag tag(int group, int element) {
        return new AttributeTag(group, element);
    }

    private static long sizeOf(Path file) throws DecodeException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DecodeException(Reason.UNREADABLE, file, "cannot read the file: it does not exist", e);
        } catch (IOException e) {
            throw new DecodeException(Reason.UNREADABLE, file, "cannot read the file: " + e, e);
        }
    }
}
