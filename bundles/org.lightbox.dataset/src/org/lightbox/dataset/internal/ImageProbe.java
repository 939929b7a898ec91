package org.lightbox.dataset.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeader;
import org.lightbox.imaging.ImageHeaderReader;
import org.lightbox.imaging.PatientKey;
import org.lightbox.model.ImageFormat;

/**
 * Looks at one file through the imaging services: its SHA-256, whether it is an image at all, and
 * whether its first frame decodes (a truncated file fails here, at import, not in front of a reader).
 */
final class ImageProbe {

    /** What a file turned out to be. */
    sealed interface Result {
        String contentHash();
    }

    /** A decodable image. {@code header} is null for formats without a header reader (PNG, JPEG). */
    record Image(String contentHash, ImageFormat format, int width, int height, int frames, ImageHeader header,
            List<String> notes) implements Result {

        PatientKey patientKey() {
            return header == null ? PatientKey.UNKNOWN : header.patientKey();
        }
    }

    /** Not an image any service knows. */
    record NotAnImage(String contentHash, String reason) implements Result {
    }

    /** An image format we know, but this file cannot be read or decoded. */
    record Broken(String contentHash, String reason) implements Result {
    }

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

    private final List<ImageHeaderReader> headerReaders;
    private final List<ImageDecoder> decoders;

    ImageProbe(List<ImageHeaderReader> headerReaders, List<ImageDecoder> decoders) {
        this.headerReaders = List.copyOf(headerReaders);
        this.decoders = List.copyOf(decoders);
    }

    /** @throws IOException when the file cannot be read at all */
    Result probe(Path file) throws IOException {
        String hash = sha256(file);
        ImageHeaderReader headerReader = headerReaders.stream().filter(r -> r.canRead(file)).findFirst().orElse(null);
        ImageDecoder decoder = decoders.stream().filter(d -> d.canDecode(file)).findFirst().orElse(null);
        if (headerReader == null && decoder == null) {
            return new NotAnImage(hash, "not an image: neither DICOM, PNG nor JPEG"
                    + (decoders.isEmpty() ? " (no image decoder service is running)" : ""));
        }
        try {
            ImageHeader header = headerReader == null ? null : headerReader.readHeader(file);
            if (decoder == null) {
                return new Broken(hash, "no decoder for this " + formatOf(file, header) + " file");
            }
            GreyImage first = decoder.decode(file, 0);
            int frames = header == null ? 1 : header.frames();
            return new Image(hash, formatOf(file, header), first.width(), first.height(), frames, header, first.notes());
        } catch (DecodeException e) {
            return new Broken(hash, e.getMessage());
        } catch (RuntimeException e) {
            // a decoder bug must not end the import; the file is reported instead
            return new Broken(hash, "cannot decode: " + e);
        }
    }

    private static ImageFormat formatOf(Path file, ImageHeader header) throws IOException {
        if (header != null) {
            return ImageFormat.DICOM;
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n >= 4 && Arrays.equals(head, PNG)) {
                return ImageFormat.PNG;
            }
            if (n >= 3 && Arrays.equals(head, 0, 3, JPEG, 0, 3)) {
                return ImageFormat.JPEG;
            }
        }
        return ImageFormat.UNKNOWN;
    }

    /** Lower-case hex SHA-256 of the file's bytes. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
