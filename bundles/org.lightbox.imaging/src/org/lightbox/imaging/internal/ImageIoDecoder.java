package org.lightbox.imaging.internal;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.DecodeException.Reason;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Thumbnails;
import org.lightbox.imaging.Window;
import org.osgi.service.component.annotations.Component;

/**
 * PNG and JPEG files (CXR14 ships 8-bit grey PNGs, a few of them RGBA): common PNGs through
 * {@link PngDecoder}, everything else through the JDK's own ImageIO readers. Colour is turned into
 * grey and the result says so in its notes.
 */
@Component(service = ImageDecoder.class,
        property = { ImageDecoder.FORMAT_PROPERTY + "=png", ImageDecoder.FORMAT_PROPERTY + "=jpeg" })
public final class ImageIoDecoder implements ImageDecoder {

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] JPEG_SIGNATURE = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

    @Override
    public boolean canDecode(Path file) {
        return format(file) != null;
    }

    @Override
    public GreyImage decode(Path file, int frame) throws DecodeException {
        String format = format(file);
        if (format == null) {
            if (!Files.isReadable(file)) {
                throw new DecodeException(Reason.UNREADABLE, file, "cannot read the file");
            }
            throw new DecodeException(Reason.NOT_RECOGNISED, file,
                    "not a PNG or JPEG file: the first bytes are neither the PNG nor the JPEG signature");
        }
        if (frame != 0) {
            throw new DecodeException(Reason.NO_PIXEL_DATA, file,
                    "no frame " + frame + ": a " + format + " file holds one frame");
        }
        if (format.equals("png")) {
            GreyImage direct = PngDecoder.decode(file);
            if (direct != null) {
                return direct;
            }
        }
        BufferedImage image = read(file, format);
        return RgbToGrey.convert(image, format);
    }

    /** 8-bit grey PNGs take a streaming path that never builds the full-size image (same pixels). */
    @Override
    public Grey8Image thumbnail(Path file, int maxSize) throws DecodeException {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
        }
        if ("png".equals(format(file))) {
            Grey8Image streamed = PngThumbnails.thumbnail(file, maxSize);
            if (streamed != null) {
                return streamed;
            }
        }
        return Thumbnails.of(decode(file), maxSize);
    }

    private static BufferedImage read(Path file, String format) throws DecodeException {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DecodeException(Reason.NOT_RECOGNISED, file, "not a readable " + format
                        + " file: no ImageIO reader accepts it");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
            try {
                // Metadata is ignored on purpose: CXR14's RGBA files carry a grey ICC profile that
                // does not fit an RGB image, and we want the stored samples, not colour-managed ones.
                reader.setInput(in, true, true);
                requireWithinLimit(file, format, reader.getWidth(0), reader.getHeight(0), 4);
                BufferedImage image = reader.read(0);
                for (String warning : warnings) {
                    if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                        throw new DecodeException(Reason.TRUNCATED, file, "truncated: " + warning);
                    }
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (DecodeException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new DecodeException(Reason.UNREADABLE, file, "cannot read the file: it does not exist", e);
        } catch (IOException | RuntimeException e) {
            if (causedByEndOfFile(e)) {
                throw new DecodeException(Reason.TRUNCATED, file, "truncated: the " + format
                        + " data end before the image is complete (" + e.getMessage() + ")", e);
            }
            throw new DecodeException(Reason.UNSUPPORTED_IMAGE, file, "cannot decode this " + format + " file: "
                    + e, e);
        }
    }

    private static boolean causedByEndOfFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || String.valueOf(t.getMessage()).contains("end of ZLIB input")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Memory one decode may take (decoded samples plus grey values), from the system property
     * {@value #MAX_FRAME_BYTES_PROPERTY}; default 512 MiB, so that a huge image is refused, not an OutOfMemoryError.
     */
    static final String MAX_FRAME_BYTES_PROPERTY = "lightbox.imaging.maxFrameBytes";

    static void requireWithinLimit(Path file, String format, int width, int height, int bytesPerPixel)
            throws DecodeException {
        long limit = Long.getLong(MAX_FRAME_BYTES_PROPERTY, 512L << 20);
        long need = (long) width * height * (bytesPerPixel + 4L);
        if (need > limit) {
            throw new DecodeException(Reason.TOO_LARGE, file, "too large: a " + width + "×" + height + " " + format
                    + " image needs " + (need >> 20) + " MiB to decode, more than the limit of " + (limit >> 20)
                    + " MiB");
        }
    }

    /** "png", "jpeg" or null, from the file's signature. */
    static String format(Path file) {
        byte[] head = new byte[PNG_SIGNATURE.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (n == PNG_SIGNATURE.length && Arrays.equals(head, PNG_SIGNATURE)) {
            return "png";
        }
        if (n >= JPEG_SIGNATURE.length && Arrays.equals(head, 0, JPEG_SIGNATURE.length, JPEG_SIGNATURE, 0,
                JPEG_SIGNATURE.length)) {
            return "jpeg";
        }
        return null;
    }

    /** The preset for formats without one: every possible sample value, black to white. */
    static Window fullRange(int bits) {
        double levels = Math.pow(2, bits);
        return new Window(levels / 2, levels, "full " + bits + "-bit range");
    }
}
