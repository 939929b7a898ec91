package org.lightbox.imaging.dicom.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomImage;
import org.lightbox.phantom.PhantomTruth;
import org.osgi.service.component.annotations.Component;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;

/**
 * Writes phantoms as DICOM DX "for presentation" images: MONOCHROME2, 12 bits stored in 16, explicit VR little
 * endian. Deterministic: UIDs are derived from the image and patient ids (2.25 UUID form), and no dates or times
 * are written, so the same phantom always gives the same bytes. Patient ID is the phantom's synthetic id.
 */
@Component(service = PhantomEncoder.class, property = PhantomEncoder.FORMAT_PROPERTY + "=dicom")
public final class DicomPhantomEncoder implements PhantomEncoder {

    static final String DIGITAL_XRAY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";

    @Override
    public String format() {
        return "dicom";
    }

    @Override
    public String extension() {
        return "dcm";
    }

    @Override
    public byte[] encode(PhantomImage image, PhantomTruth truth) throws IOException {
        try {
            AttributeList list = new AttributeList();
            put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), DIGITAL_XRAY_FOR_PRESENTATION);
            put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), uid("image:" + truth.imageId()));
            put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID),
                    uid("study:" + truth.patientId() + ":" + truth.followUp()));
            put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), uid("series:" + truth.imageId()));
            put(list, new LongStringAttribute(TagFromName.PatientID), truth.patientId());
            put(list, new CodeStringAttribute(TagFromName.PatientSex), truth.female() ? "F" : "M");
            put(list, new CodeStringAttribute(TagFromName.Modality), "DX");
            put(list, new CodeStringAttribute(TagFromName.BodyPartExamined), "CHEST");
            put(list, new CodeStringAttribute(TagFromName.ViewPosition), truth.projection().name());
            put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), Integer.toString(truth.followUp() + 1));
            put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
            put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), 1);
            put(list, new UnsignedShortAttribute(TagFromName.Rows), image.height());
            put(list, new UnsignedShortAttribute(TagFromName.Columns), image.width());
            put(list, new UnsignedShortAttribute(TagFromName.BitsAllocated), 16);
            put(list, new UnsignedShortAttribute(TagFromName.BitsStored), 12);
            put(list, new UnsignedShortAttribute(TagFromName.HighBit), 11);
            put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), 0);
            short[] stored = new short[image.width() * image.height()];
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    stored[y * image.width() + x] = (short) (image.value(x, y) >>> 4);   // 12 bits kept in the top of 16
                }
            }
            OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
            pixels.setValues(stored);
            list.put(pixels);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "LIGHTBOX");
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 2 + 1024);
            list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
            return out.toByteArray();
        } catch (DicomException e) {
            throw new IOException("Cannot write phantom " + truth.imageId() + " as DICOM: " + e.getMessage(), e);
        }
    }

    /** A UID of the 2.25 form (ISO/IEC 9834-8): the decimal value of a name-based UUID. */
    static String uid(String name) {
        UUID uuid = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }

    private static void put(AttributeList list, Attribute attribute, String value) throws DicomException {
        attribute.addValue(value);
        list.put(attribute);
    }

    private static void put(AttributeList list, Attribute attribute, int value) throws DicomException {
        attribute.addValue(value);
        list.put(attribute);
    }
}
