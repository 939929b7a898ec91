package org.lightbox.imaging;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Thumbnails kept on disk, so that a grid of 112,120 images decodes each file once, not at every scroll.
 * <p>
 * An entry is keyed by the image's content hash when the store knows one (so the cache survives moving the
 * dataset), else by the file's absolute path; either way with the thumbnail size. It records the size and
 * modification time the source file had when the thumbnail was made, and is made again when they differ:
 * a changed source never shows a stale thumbnail. Entries are written to a temporary file and moved into
 * place, so concurrent makers and a crash never leave a half-written entry; an unreadable or damaged entry
 * counts as missing. Failures to decode are not cached (a later decoder may succeed). Safe for concurrent
 * use; nothing is evicted (a CXR14 grid at 128 px takes about 1 GB when every image has been seen).
 */
public final class ThumbnailCache {

    /** System property naming the cache folder, e.g. for tests; see {@link #defaultDirectory()}. */
    public static final String DIRECTORY_PROPERTY = "lightbox.thumbnail.cache";

    private static final byte[] MAGIC = "LBTHUMB1".getBytes(StandardCharsets.US_ASCII);

    private final Path directory;
    private final int size;

    /**
     * @param directory where entries live (created when the first one is written)
     * @param size      thumbnails are at most this many pixels on their longer side
     */
    public ThumbnailCache(Path directory, int size) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (size < 1) {
            throw new IllegalArgumentException("thumbnail size must be at least 1, got " + size);
        }
        this.size = size;
    }

    /**
     * The folder named by {@value #DIRECTORY_PROPERTY}, else {@code $XDG_CACHE_HOME/lightbox/thumbnails}, else
     * {@code ~/.cache/lightbox/thumbnails}.
     */
    public static Path defaultDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lightbox").resolve("thumbnails");
    }

    public Path directory() {
        return directory;
    }

    public int size() {
        return size;
    }

    /**
     * The thumbnail of an image file: from the cache when it was made from the file as it is now, else made
     * by the first of {@code decoders} that recognises the file ({@link ImageDecoder#thumbnail}: the image's
     * default window, shrunk as {@link Thumbnails#of(GreyImage, int)} does) and stored. Never throws for a bad or missing file.
     *
     * @param file        the image file, or null when the image has no recorded location
     * @param contentHash the content hash the store records for the file, or null/blank if none
     */
    public Thumbnail thumbnail(Path file, String contentHash, Collection<? extends ImageDecoder> decoders) {
        if (file == null) {
            return new Thumbnail.NoPixels("no file location is recorded for this image");
        }
        BasicFileAttributes source;
        try {
            source = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Thumbnail.NoPixels("file missing: " + file);
        } catch (IOException e) {
            return new Thumbnail.Undecodable(DecodeException.Reason.UNREADABLE, "cannot read " + file + ": " + e.getMessage());
        }
        if (!source.isRegularFile()) {
            return new Thumbnail.NoPixels("not a file: " + file);
        }
        long length = source.size();
        long modified = source.lastModifiedTime().toMillis();
        Path entry = entry(file, contentHash);
        Grey8Image cached = read(entry, length, modified);
        if (cached != null) {
            return new Thumbnail.Pixels(cached, true);
        }
        Thumbnail made = make(file, decoders);
        if (made instanceof Thumbnail.Pixels pixels) {
            write(entry, pixels.image(), length, modified);
        }
        return made;
    }

    private Thumbnail make(Path file, Collection<? extends ImageDecoder> decoders) {
        for (ImageDecoder decoder : decoders) {
            if (decoder.canDecode(file)) {
                try {
                    return new Thumbnail.Pixels(decoder.thumbnail(file, size), false);
                } catch (DecodeException e) {
                    return new Thumbnail.Undecodable(e.reason(), e.getMessage());
                } catch (RuntimeException e) { // a decoder bug must not take the grid down with it
                    return new Thumbnail.Undecodable(DecodeException.Reason.UNSUPPORTED_IMAGE,
                            "the decoder failed: " + e);
                }
            }
        }
        return new Thumbnail.Undecodable(DecodeException.Reason.NOT_RECOGNISED,
                "no decoder recognises " + file.getFileName() + " (" + decoders.size() + " decoders tried)");
    }

    /** Where the entry for a file lives: {@code <directory>/<2 hex>/<64 hex>.thumb}. */
    Path entry(Path file, String contentHash) {
        String basis = contentHash != null && !contentHash.isBlank() ? "hash:" + contentHash.strip()
                : "path:" + file.toAbsolutePath().normalize();
        String key = sha256(basis + "\u0000" + size);
        return directory.resolve(key.substring(0, 2)).resolve(key + ".thumb");
    }

    /** The cached thumbnail if the entry exists, is intact and was made from a source of this length and time. */
    private static Grey8Image read(Path entry, long length, long modified) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readLong() != length || in.readLong() != modified) {
                return null;
            }
            int w = in.readInt();
            int h = in.readInt();
            if (w <= 0 || h <= 0 || (long) w * h > 1 << 24) {
                return null;
            }
            try (InputStream pixels = new InflaterInputStream(in)) {
                byte[] grey = pixels.readNBytes(w * h);
                return grey.length == w * h ? Grey8Image.wrap(w, h, grey) : null;
            }
        } catch (IOException e) {
            return null; // missing or damaged: made again
        }
    }

    private void write(Path entry, Grey8Image image, long length, long modified) {
        Path temporary = null;
        try {
            Files.createDirectories(entry.getParent());
            temporary = Files.createTempFile(entry.getParent(), entry.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                out.write(MAGIC);
                out.writeLong(length);
                out.writeLong(modified);
                out.writeInt(image.width());
                out.writeInt(image.height());
                out.flush();
                byte[] grey = new byte[image.width() * image.height()];
                image.pixels().get(grey);
                OutputStream deflated = new DeflaterOutputStream(out);
                deflated.write(grey);
                deflated.close();
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            // a read-only or full cache folder costs speed, not correctness: the thumbnail is still shown
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ThumbnailCache[" + directory + ", " + size + " px]";
    }
}
