package org.lightbox.imaging.dicom.tests;

import java.nio.file.Path;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UIDGenerator;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;

/** Builds small DICOM images in code with PixelMed, so that the expected values are the ones written. */
final class TestDicom {

    static final String DIGITAL_XRAY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";

    final AttributeList list = new AttributeList();
    final String sopInstanceUid;
    final String studyInstanceUid;

    /** A grey DX image with SOP Common, patient, study and image pixel attributes; pixels row-major. */
    TestDicom(int columns, int rows, int bitsStored, boolean signed, short[] pixels) throws DicomException {
        UIDGenerator uids = new UIDGenerator();
        sopInstanceUid = uids.getAnotherNewUID();
        studyInstanceUid = uids.getAnotherNewUID();
        put(new UniqueIdentifierAttribute(TagFromName.SOPClassUID), DIGITAL_XRAY_FOR_PRESENTATION);
        put(new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sopInstanceUid);
        put(new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), studyInstanceUid);
        put(new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), uids.getAnotherNewUID());
        put(new CodeStringAttribute(TagFromName.Modality), "DX");
        put(new CodeStringAttribute(TagFromName.ViewPosition), "PA");
        put(new CodeStringAttribute(TagFromName.BodyPartExamined), "CHEST");
        put(new UnsignedShortAttribute(TagFromName.SamplesPerPixel), 1);
        put(new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
        put(new UnsignedShortAttribute(TagFromName.Rows), rows);
        put(new UnsignedShortAttribute(TagFromName.Columns), columns);
        put(new UnsignedShortAttribute(TagFromName.BitsAllocated), 16);
        put(new UnsignedShortAttribute(TagFromName.BitsStored), bitsStored);
        put(new UnsignedShortAttribute(TagFromName.HighBit), bitsStored - 1);
        put(new UnsignedShortAttribute(TagFromName.PixelRepresentation), signed ? 1 : 0);
        OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(pixels);
        list.put(pixelData);
    }

    TestDicom patient(String id, String name) throws DicomException {
        put(new LongStringAttribute(TagFromName.PatientID), id);
        put(new PersonNameAttribute(TagFromName.PatientName), name);
        return this;
    }

    TestDicom rescale(String slope, String intercept) throws DicomException {
        put(new DecimalStringAttribute(TagFromName.RescaleSlope), slope);
        put(new DecimalStringAttribute(TagFromName.RescaleIntercept), intercept);
        return this;
    }

    TestDicom window(String centre, String width, String explanation) throws DicomException {
        put(new DecimalStringAttribute(TagFromName.WindowCenter), centre);
        put(new DecimalStringAttribute(TagFromName.WindowWidth), width);
        put(new LongStringAttribute(TagFromName.WindowCenterWidthExplanation), explanation);
        return this;
    }

    /** Adds a one-item LUT sequence (Modality LUT (0028,3000) or VOI LUT (0028,3010)) with 16-bit entries. */
    TestDicom lutSequence(int group, int element, int firstMapped, int bits, int[] entries, String explanation)
            throws DicomException {
        AttributeList item = new AttributeList();
        UnsignedShortAttribute descriptor = new UnsignedShortAttribute(new AttributeTag(0x0028, 0x3002));
        descriptor.addValue(entries.length);
        descriptor.addValue(firstMapped);
        descriptor.addValue(bits);
        item.put(descriptor);
        LongStringAttribute name = new LongStringAttribute(new AttributeTag(0x0028, 0x3003));
        name.addValue(explanation);
        item.put(name);
        OtherWordAttribute data = new OtherWordAttribute(new AttributeTag(0x0028, 0x3006));
        short[] words = new short[entries.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = (short) entries[i];
        }
        data.setValues(words);
        item.put(data);
        SequenceAttribute sequence = new SequenceAttribute(new AttributeTag(group, element));
        sequence.addItem(item);
        list.put(sequence);
        return this;
    }

    TestDicom presentationLutShape(String shape) throws DicomException {
        put(new CodeStringAttribute(new AttributeTag(0x2050, 0x0020)), shape);
        return this;
    }

    Path write(Path file, String transferSyntaxUid) throws Exception {
        FileMetaInformation.addFileMetaInformation(list, transferSyntaxUid, "LIGHTBOXTEST");
        list.write(file.toFile(), transferSyntaxUid, true, true);
        return file;
    }

    private void put(Attribute attribute, String value) throws DicomException {
        attribute.addValue(value);
        list.put(attribute);
    }

    private void put(Attribute attribute, int value) throws DicomException {
        attribute.addValue(value);
        list.put(attribute);
    }
}
