package org.lightbox.imaging.dicom.internal;

import java.util.ArrayList;
import java.util.List;

import org.lightbox.imaging.LookupTable;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;

/** Modality LUT Sequence (0028,3000) and VOI LUT Sequence (0028,3010) items as {@link LookupTable}s. */
final class DicomLuts {

    static final AttributeTag MODALITY_LUT_SEQUENCE = new AttributeTag(0x0028, 0x3000);
    static final AttributeTag VOI_LUT_SEQUENCE = new AttributeTag(0x0028, 0x3010);
    private static final AttributeTag LUT_DESCRIPTOR = new AttributeTag(0x0028, 0x3002);
    private static final AttributeTag LUT_EXPLANATION = new AttributeTag(0x0028, 0x3003);
    private static final AttributeTag LUT_DATA = new AttributeTag(0x0028, 0x3006);

    private DicomLuts() {
    }

    /** The tables of a LUT sequence, in item order; items that do not hold a usable table are skipped. */
    static List<LookupTable> tables(AttributeList list, AttributeTag sequence, boolean signedInput) {
        List<LookupTable> tables = new ArrayList<>();
        if (!(list.get(sequence) instanceof SequenceAttribute seq)) {
            return tables;
        }
        for (int i = 0; i < seq.getNumberOfItems(); i++) {
            LookupTable t = table(seq.getItem(i).getAttributeList(), signedInput);
            if (t != null) {
                tables.add(t);
            }
        }
        return tables;
    }

    private static LookupTable table(AttributeList item, boolean signedInput) {
        int[] descriptor = Attribute.getIntegerValues(item, LUT_DESCRIPTOR);
        Attribute data = item.get(LUT_DATA);
        if (descriptor == null || descriptor.length != 3 || data == null) {
            return null;
        }
        int entries = descriptor[0] == 0 ? 65536 : descriptor[0] & 0xFFFF;
        // The first mapped value is US or SS like the pixels it maps (PS3.3 C.11.1.1.1).
        int first = signedInput ? (short) descriptor[1] : descriptor[1] & 0xFFFF;
        int bits = descriptor[2];
        if (bits < 1 || bits > 16) {
            bits = 16; // some writers put 0 or garbage here; the entries themselves are 16-bit words
        }
        int[] values = values(data, entries, bits);
        if (values == null || values.length == 0) {
            return null;
        }
        return new LookupTable(first, values, bits, Attribute.getSingleStringValueOrEmptyString(item,
                LUT_EXPLANATION).strip());
    }

    private static int[] values(Attribute data, int entries, int bits) {
        try {
            int[] words;
            if (data instanceof OtherWordAttribute) {
                short[] s = data.getShortValues();
                words = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    words[i] = s[i] & 0xFFFF;
                }
            } else {
                words = data.getIntegerValues();
            }
            if (words == null) {
                return null;
            }
            if (bits <= 8 && words.length * 2 >= entries && words.length < entries) {
                int[] bytes = new int[entries]; // two 8-bit entries per word, the first in the low byte
                for (int i = 0; i < entries; i++) {
                    bytes[i] = (words[i / 2] >> (8 * (i % 2))) & 0xFF;
                }
                return bytes;
            }
            int n = Math.min(entries, words.length);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = words[i] & 0xFFFF;
            }
            return out;
        } catch (DicomException e) {
            return null;
        }
    }
}
