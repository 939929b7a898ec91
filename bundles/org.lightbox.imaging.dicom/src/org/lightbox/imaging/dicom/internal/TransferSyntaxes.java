package org.lightbox.imaging.dicom.internal;

import java.util.Map;
import java.util.Set;

import com.pixelmed.dicom.TransferSyntax;

/** Names of transfer syntaxes and the ones this adapter decodes. */
final class TransferSyntaxes {

    static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    static final String RLE = "1.2.840.10008.1.2.5";
    static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";

    // Native and deflate: read here (PixelMed inflates); RLE: RleCodec; JPEG baseline: the JDK's reader; JPEG
    // lossless: pixelmed-imageio; 12-bit JPEG extended: JpegDctDecoder; JPEG 2000: jai-imageio. JPEG-LS and High-Throughput JPEG 2000 have no pure-Java decoder on Maven Central.
    private static final Set<String> DECODED = Set.of(TransferSyntax.ImplicitVRLittleEndian,
            TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian, DEFLATED, RLE,
            TransferSyntax.JPEGBaseline, "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
            "1.2.840.10008.1.2.4.70", JPEG_2000_LOSSLESS, JPEG_2000);

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

    static boolean isBigEndian(String uid) {
        return TransferSyntax.ExplicitVRBigEndian.equals(uid);
    }

    static boolean isImplicit(String uid) {
        return TransferSyntax.ImplicitVRLittleEndian.equals(uid);
    }

    static boolean isJpeg2000(String uid) {
        return JPEG_2000_LOSSLESS.equals(uid) || JPEG_2000.equals(uid);
    }

    static boolean isDecoded(String uid) {
        return DECODED.contains(uid);
    }
}
