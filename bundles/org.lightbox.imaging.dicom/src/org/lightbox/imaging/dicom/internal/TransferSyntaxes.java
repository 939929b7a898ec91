package org.lightbox.imaging.dicom.internal;

import java.util.Map;
import java.util.Set;

import com.pixelmed.dicom.TransferSyntax;

/** Names of transfer syntaxes and the ones this adapter decodes. */
final class TransferSyntaxes {

    static final String DEFLATED = "1.2.840.10008.1.2.1.99";

    // Decoded by PixelMed itself (native, deflate, RLE) or through the JDK's JPEG reader (baseline 8-bit).
    // JPEG Lossless needs pixelmed-imageio's reader registered with ImageIO; JPEG 2000 needs jai-imageio;
    // JPEG-LS has no pure-Java decoder: all three come with the full imaging issue.
    private static final Set<String> DECODED = Set.of(TransferSyntax.ImplicitVRLittleEndian,
            TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian, DEFLATED, TransferSyntax.RLE,
            TransferSyntax.JPEGBaseline);

    // Names PixelMed 20220618 does not know ("Unrecognized").
    private static final Map<String, String> EXTRA_NAMES = Map.of(
            DEFLATED, "Deflated Explicit VR Little Endian",
            "1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless",
            "1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Lossless",
            "1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000");

    private TransferSyntaxes() {
    }

    static String name(String uid) {
        if (uid == null || uid.isEmpty()) {
            return "";
        }
        String extra = EXTRA_NAMES.get(uid);
        if (extra != null) {
            return extra;
        }
        TransferSyntax syntax = new TransferSyntax(uid);
        return syntax.isRecognized() ? syntax.getDescription() : "unknown (" + uid + ")";
    }

    /** Whether pixel data in this syntax are stored uncompressed (deflate compresses the whole data set, not the pixels alone). */
    static boolean isNative(String uid) {
        return TransferSyntax.ImplicitVRLittleEndian.equals(uid) || TransferSyntax.ExplicitVRLittleEndian.equals(uid)
                || TransferSyntax.ExplicitVRBigEndian.equals(uid) || DEFLATED.equals(uid);
    }

    static boolean isDecoded(String uid) {
        return DECODED.contains(uid);
    }
}
