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
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
 * use.
 * <p>
 * The cache keeps to a size limit ({@value #MAX_BYTES_PROPERTY}, default 2 GiB; a CXR14 grid at 128 px takes
 * about 1 GB when every image has been seen): when a write takes it over, the least recently used entries (by
 * the entry's modification time, which a hit renews) are deleted until it is at four fifths of the limit.
 */
public final class ThumbnailCache {

    /** System property naming the cache folder, e.g. for tests; see {@link #defaultDirectory()}. */
    public static final String DIRECTORY_PROPERTY = "lightbox.thumbnail.cache";

    /** System property: the most bytes the cache folder may hold, e.g. {@code 536870912}. */
    public static final String MAX_BYTES_PROPERTY = "lightbox.thumbnail.cacheMaxBytes";
    private static final long DEFAULT_MAX_BYTES = 2L << 30;

    private static final byte[] MAGIC = "LBTHUMB1".getBytes(StandardCharsets.US_ASCII);

    private final Path directory;
    private final int size;
    private final long maxBytes;
    /** Bytes in the folder as far as this cache knows; -1 until counted (on the first write). */
    private final AtomicLong bytes = new AtomicLong(-1);
    private final Object trimming = new Object();

    /**
     * @param directory where entries live (created when the first one is written)
     * @param size      thumbnails are at most this many pixels on their longer side
     */
    public ThumbnailCache(Path directory, int size) {
        this(directory, size, Long.getLong(MAX_BYTES_PROPERTY, DEFAULT_MAX_BYTES));
    }

    /**
     * @param maxBytes the most bytes the folder may hold; the least recently used entries go first
     */
    public ThumbnailCache(Path directory, int size, long maxBytes) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (size < 1) {
            throw new IllegalArgumentException("thumbnail size must be at least 1, got " + size);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the cache limit must be at least 1 byte, got " + maxBytes);
        }
        this.size = size;
        this.maxBytes = maxBytes;
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
            touch(entry);
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
            long written = Files.size(temporary);
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            added(written);
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

    /** A hit makes the entry the most recently used; failing to say so only makes it older than it is. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a read-only cache folder: eviction order is then by when entries were made
        }
    }

    /** Counts a written entry and trims the folder when it is over the limit. */
    private void added(long written) {
        if (bytes.get() < 0) {
            synchronized (trimming) {
                if (bytes.get() < 0) {
                    bytes.set(entries().stream().mapToLong(Entry::bytes).sum());
                    return;      // the count included this entry
                }
            }
        }
        if (bytes.addAndGet(written) > maxBytes) {
            trim();
        }
    }

    /** Deletes the least recently used entries until the folder holds at most four fifths of the limit. */
    private void trim() {
        synchronized (trimming) {
            List<Entry> all = new ArrayList<>(entries());
            long total = all.stream().mapToLong(Entry::bytes).sum();
            if (total <= maxBytes) {
                bytes.set(total);
                return;
            }
            all.sort(Comparator.comparingLong(Entry::usedAt));
            long target = maxBytes / 5 * 4;
            for (Entry e : all) {
                if (total <= target) {
                    break;
                }
                try {
                    if (Files.deleteIfExists(e.file())) {
                        total -= e.bytes();
                    }
                } catch (IOException ex) {
                    // in use or gone: try the next one
                }
            }
            bytes.set(total);
        }
    }

    private record Entry(Path file, long bytes, long usedAt) {
    }

    private List<Entry> entries() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Entry> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory, 2)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".thumb")).forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    found.add(new Entry(p, a.size(), a.lastModifiedTime().toMillis()));
                } catch (IOException e) {
                    // deleted meanwhile
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable folder: nothing to count or trim
        }
        return found;
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
