package org.lightbox.imaging.dicom.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.testing.Json;

/**
 * One fixture written by {@code releng/dicom-reference/make-references.sh}: what dcmtk, OpenJPEG and pydicom
 * made of one shared DICOM file. {@link #differences} compares a decoder's result with it.
 */
record ReferenceFixture(Map<String, Object> json) {

    static ReferenceFixture parse(String text) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) Json.parse(text);
        return new ReferenceFixture(map);
    }

    String file() {
        return (String) json.get("file");
    }

    boolean decodable() {
        return Boolean.TRUE.equals(json.get("decodable"));
    }

    boolean lossy() {
        return Boolean.TRUE.equals(json.get("lossy"));
    }

    String category() {
        return (String) json.getOrDefault("category", "");
    }

    String reason() {
        return (String) json.getOrDefault("reason", "");
    }

    String transferSyntax() {
        return (String) json.getOrDefault("transfer_syntax", "");
    }

    int header(String key) {
        return ((Double) header().get(key)).intValue();
    }

    String headerText(String key) {
        return (String) header().get(key);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> header() {
        return (Map<String, Object>) json.get("header");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> framesChecked() {
        return (List<Map<String, Object>>) json.get("frames_checked");
    }

    /** Header fields that differ from the reference, as readable lines. */
    List<String> headerDifferences(ImageHeader h) {
        List<String> out = new ArrayList<>();
        compare(out, "transfer syntax", transferSyntax(), h.transferSyntaxUid());
        compare(out, "rows", header("rows"), h.rows());
        compare(out, "columns", header("columns"), h.columns());
        compare(out, "frames", header("frames"), h.frames());
        compare(out, "samples per pixel", header("samples_per_pixel"), h.samplesPerPixel());
        compare(out, "photometric", headerText("photometric"), h.photometricInterpretation());
        compare(out, "bits allocated", header("bits_allocated"), h.bitsAllocated());
        compare(out, "bits stored", header("bits_stored"), h.bitsStored());
        compare(out, "signed", header("pixel_representation") == 1, h.signed());
        return out;
    }

    /**
     * Pixel differences of every checked frame. Lossless: min, max, sum, samples and the SHA-256 of all grey
     * values must be equal. Lossy: each sample, min and max within {@code tolerance}, and the mean within
     * {@code tolerance / 2}.
     */
    List<String> pixelDifferences(ImageDecoder decoder, java.nio.file.Path file, double tolerance)
            throws DecodeException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> expected : framesChecked()) {
            int frame = ((Double) expected.get("frame")).intValue();
            GreyImage image = decoder.decode(file, frame);
            String at = "frame " + frame + ": ";
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    double v = image.modality(x, y);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
            }
            double n = (double) image.width() * image.height();
            within(out, at + "min", (Double) expected.get("min"), min, tolerance);
            within(out, at + "max", (Double) expected.get("max"), max, tolerance);
            double expectedSum = (Double) expected.get("sum");
            if (tolerance == 0) {
                within(out, at + "sum", expectedSum, sum, Math.abs(expectedSum) * 1e-12);
            } else {
                within(out, at + "mean", expectedSum / n, sum / n, tolerance / 2);
            }
            @SuppressWarnings("unchecked")
            List<List<Double>> samples = (List<List<Double>>) expected.get("samples");
            for (List<Double> s : samples) {
                int x = s.get(0).intValue();
                int y = s.get(1).intValue();
                within(out, at + "value at (" + x + "," + y + ")", s.get(2), image.modality(x, y), tolerance);
            }
            Object hash = expected.get("stored_sha256");
            if (tolerance == 0 && hash != null) {
                compare(out, at + "SHA-256 of the grey values", hash, sha256(image.storedValues()));
            }
        }
        return out;
    }

    static String sha256(IntBuffer values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.remaining() * 4).order(ByteOrder.LITTLE_ENDIAN);
        while (values.hasRemaining()) {
            bytes.putInt(values.get());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void within(List<String> out, String what, double expected, double actual, double tolerance) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            out.add(what + ": expected " + expected + (tolerance > 0 ? " ± " + tolerance : "") + ", got " + actual);
        }
    }

    private static void compare(List<String> out, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            out.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
