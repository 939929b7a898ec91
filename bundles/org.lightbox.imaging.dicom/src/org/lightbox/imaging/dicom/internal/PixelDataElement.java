package org.lightbox.imaging.dicom.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;

/**
 * Where the top-level Pixel Data value lies in the file, read from the element's own header, so that
 * one frame can be read without reading the others (PS3.5 7.1 data elements, A.4 encapsulation).
 *
 * @param tagOffset   byte offset of the (7FE0,0010) tag
 * @param valueOffset byte offset of the value (native) or of the first item (encapsulated)
 * @param length      value length in bytes; -1 for an encapsulated (undefined length) value
 * @param vr          "OB", "OW", … for explicit VR; "" for implicit VR
 * @param fragments   for an encapsulated value: the fragments after the Basic Offset Table, in order
 * @param offsetTable the Basic Offset Table (offsets of each frame's first fragment), possibly empty
 */
record PixelDataElement(long tagOffset, long valueOffset, long length, String vr, List<Fragment> fragments,
        long[] offsetTable) {

    private static final int ITEM = 0xFFFEE000;
    private static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;

    /** One encapsulated fragment: its value's file offset and length, and its offset from the first item. */
    record Fragment(long offset, int length, long itemOffset) {
    }

    boolean isEncapsulated() {
        return length < 0;
    }

    /**
     * Reads the element header at {@code tagOffset} and, for an encapsulated value, the item headers
     * (8 bytes each) without their contents.
     */
    static PixelDataElement read(Path file, FileChannel channel, long tagOffset, boolean explicitVr, boolean bigEndian)
            throws IOException, DecodeException {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer head = readAt(channel, tagOffset, 12, order);
        int tag = (head.getShort(0) & 0xFFFF) << 16 | (head.getShort(2) & 0xFFFF);
        if (tag != 0x7FE00010) {
            throw new DecodeException(Reason.NOT_RECOGNISED, file, String.format(
                    "malformed DICOM file: expected Pixel Data (7FE0,0010) at byte %d, found (%04X,%04X)", tagOffset,
                    tag >>> 16, tag & 0xFFFF));
        }
        String vr = "";
        long length;
        long valueOffset;
        if (explicitVr) {
            vr = "" + (char) head.get(4) + (char) head.get(5);
            length = Integer.toUnsignedLong(head.getInt(8));
            valueOffset = tagOffset + 12;
        } else {
            length = Integer.toUnsignedLong(head.getInt(4));
            valueOffset = tagOffset + 8;
        }
        if (length != 0xFFFFFFFFL) {
            return new PixelDataElement(tagOffset, valueOffset, length, vr, List.of(), new long[0]);
        }
        return encapsulated(file, channel, tagOffset, valueOffset, vr);
    }

    private static PixelDataElement encapsulated(Path file, FileChannel channel, long tagOffset, long first, String vr)
            throws IOException, DecodeException {
        // Item headers are little endian in every encapsulated transfer syntax.
        long size = channel.size();
        long at = first;
        long[] table = null;
        long firstItem = -1; // Basic Offset Table entries count from the first fragment's item tag
        List<Fragment> fragments = new ArrayList<>();
        while (true) {
            if (at + 8 > size) {
                throw new DecodeException(Reason.TRUNCATED, file, "truncated: the encapsulated Pixel Data that begins"
                        + " at byte " + tagOffset + " has no sequence delimiter before the file ends at byte " + size);
            }
            ByteBuffer item = readAt(channel, at, 8, ByteOrder.LITTLE_ENDIAN);
            int tag = (item.getShort(0) & 0xFFFF) << 16 | (item.getShort(2) & 0xFFFF);
            long length = Integer.toUnsignedLong(item.getInt(4));
            if (tag == SEQUENCE_DELIMITER) {
                break;
            }
            if (tag != ITEM || length == 0xFFFFFFFFL) {
                throw new DecodeException(Reason.NOT_RECOGNISED, file, String.format("malformed encapsulated Pixel Data:"
                        + " expected an item (FFFE,E000) at byte %d, found (%04X,%04X)", at, tag >>> 16, tag & 0xFFFF));
            }
            if (at + 8 + length > size) {
                throw new DecodeException(Reason.TRUNCATED, file, "truncated: a Pixel Data fragment at byte " + at
                        + " declares " + length + " bytes but the file ends at byte " + size);
            }
            if (table == null) {
                table = offsetTable(channel, at + 8, (int) length);
            } else {
                firstItem = firstItem < 0 ? at : firstItem;
                fragments.add(new Fragment(at + 8, (int) length, at - firstItem));
            }
            at += 8 + length;
        }
        if (table == null || fragments.isEmpty()) {
            throw new DecodeException(Reason.NO_PIXEL_DATA, file, "no pixel data: the encapsulated Pixel Data at byte "
                    + tagOffset + " holds no fragment");
        }
        return new PixelDataElement(tagOffset, first, -1, vr, List.copyOf(fragments), table);
    }

    private static long[] offsetTable(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer b = readAt(channel, at, length, ByteOrder.LITTLE_ENDIAN);
        long[] table = new long[length / 4];
        for (int i = 0; i < table.length; i++) {
            table[i] = Integer.toUnsignedLong(b.getInt(4 * i));
        }
        return table;
    }

    static ByteBuffer readAt(FileChannel channel, long at, int length, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw new EOFException("the file ends at byte " + (at + b.position()));
            }
        }
        return b.flip();
    }

    /**
     * The fragments of one frame: by the Basic Offset Table when present; one fragment per frame when the
     * counts agree; all fragments when there is one frame; otherwise by the start markers of each codec's
     * code stream (JPEG SOI, JPEG 2000 SOC / JP2 signature), as PS3.5 A.4 allows a frame to span fragments.
     */
    List<Fragment> frame(int frame, int frames, FileChannel channel) throws IOException {
        if (offsetTable.length == frames && frames > 0) {
            long start = offsetTable[frame];
            long end = frame + 1 < frames ? offsetTable[frame + 1] : Long.MAX_VALUE;
            List<Fragment> out = new ArrayList<>();
            for (Fragment f : fragments) {
                if (f.itemOffset() >= start && f.itemOffset() < end) {
                    out.add(f);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        if (frames == 1) {
            return fragments;
        }
        if (fragments.size() == frames) {
            return List.of(fragments.get(frame));
        }
        List<List<Fragment>> byMarker = new ArrayList<>();
        for (Fragment f : fragments) {
            if (byMarker.isEmpty() || startsCodeStream(channel, f)) {
                byMarker.add(new ArrayList<>());
            }
            byMarker.get(byMarker.size() - 1).add(f);
        }
        return frame < byMarker.size() ? byMarker.get(frame) : List.of();
    }

    private static boolean startsCodeStream(FileChannel channel, Fragment f) throws IOException {
        if (f.length() < 4) {
            return false;
        }
        ByteBuffer b = readAt(channel, f.offset(), 4, ByteOrder.BIG_ENDIAN);
        int head = b.getInt(0);
        return (head >>> 16) == 0xFFD8 || head == 0xFF4FFF51 || head == 0x0000000C;
    }

    /** The bytes of the given fragments, concatenated. */
    static byte[] bytes(FileChannel channel, List<Fragment> parts) throws IOException {
        long total = 0;
        for (Fragment f : parts) {
            total += f.length();
        }
        byte[] out = new byte[Math.toIntExact(total)];
        int at = 0;
        for (Fragment f : parts) {
            ByteBuffer b = readAt(channel, f.offset(), f.length(), ByteOrder.BIG_ENDIAN);
            b.get(out, at, f.length());
            at += f.length();
        }
        return out;
    }
}
