package org.lightbox.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Thumbnail;
import org.lightbox.imaging.ThumbnailCache;

/**
 * The disk cache of thumbnails. Expected grey values are ImageMagick's box reduction of the shared CXR14 PNGs to
 * 128 px, kept at 16 bits and divided by 257:
 *   convert 00000001_000.png -scale 128x128 -depth 16 t128.png
 *   convert t128.png -crop 1x1+X+Y +repage -format "%[fx:round(p{0,0}.r*65535)]" info:
 * 00000001_000.png: (0,0) 47991 → 187, (64,64) 51308 → 200, (12,87) 42493 → 165, (37,25) 24278 → 94;
 * 00000001_001.png: (0,0) 52295 → 203, (64,64) 48669 → 189, (12,87) 26507 → 103.
 */
@DisplayName("Thumbnail disk cache")
class ThumbnailCacheTest {

    @TempDir
    Path temp;

    private ImageDecoder png;
    private List<ImageDecoder> decoders;
    private ThumbnailCache cache;

    @BeforeEach
    void setUp() {
        png = Services.get(ImageDecoder.class, "(" + ImageDecoder.FORMAT_PROPERTY + "=png)");
        decoders = List.of(png);
        cache = new ThumbnailCache(temp.resolve("cache"), 128);
    }

    @Test
    @DisplayName("a CXR14 thumbnail is decoded once, then read back from disk with the same pixels as ImageMagick's")
    void decodedOnceThenCached() throws IOException {
        Path file = copy("00000001_000.png", "a.png");
        Thumbnail first = cache.thumbnail(file, null, decoders);
        Thumbnail.Pixels made = assertInstanceOf(Thumbnail.Pixels.class, first);
        assertFalse(made.fromCache());
        assertFirstImage(made.image());
        Thumbnail.Pixels again = assertInstanceOf(Thumbnail.Pixels.class, cache.thumbnail(file, null, decoders));
        assertTrue(again.fromCache(), "the second call reads the disk cache");
        assertFirstImage(again.image());
        assertEquals(1, entries().size());
    }

    @Test
    @DisplayName("a source file that changes is decoded again, never shown from a stale entry")
    void changedSourceIsRemade() throws IOException {
        Path file = copy("00000001_000.png", "a.png");
        cache.thumbnail(file, null, decoders);
        Files.copy(SharedData.file("cxr14/images/00000001_001.png"), file, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        Thumbnail.Pixels remade = assertInstanceOf(Thumbnail.Pixels.class, cache.thumbnail(file, null, decoders));
        assertFalse(remade.fromCache());
        assertEquals(203, remade.image().grey(0, 0));
        assertEquals(189, remade.image().grey(64, 64));
        assertEquals(103, remade.image().grey(12, 87));
        assertTrue(assertInstanceOf(Thumbnail.Pixels.class, cache.thumbnail(file, null, decoders)).fromCache());
    }

    @Test
    @DisplayName("with a content hash the entry follows the content: a moved copy of the file hits the cache")
    void contentHashSurvivesAMove() throws IOException {
        Path file = copy("00000001_000.png", "a.png");
        String hash = "a6b0f1c0c3bd2b0d4b5ff9e7d8a2b81cd0cd3bfb08c6e0f2a1f3f0e9e1d5c4b3";
        cache.thumbnail(file, hash, decoders);
        Path moved = Files.createDirectories(temp.resolve("moved")).resolve("b.png");
        Files.copy(file, moved, StandardCopyOption.COPY_ATTRIBUTES);
        Files.delete(file);
        Thumbnail.Pixels hit = assertInstanceOf(Thumbnail.Pixels.class, cache.thumbnail(moved, hash, decoders));
        assertTrue(hit.fromCache());
        assertFirstImage(hit.image());
    }

    @Test
    @DisplayName("no location and a missing file give 'no pixels', naming the file; neither writes an entry")
    void noPixels() throws IOException {
        Thumbnail.NoPixels none = assertInstanceOf(Thumbnail.NoPixels.class, cache.thumbnail(null, null, decoders));
        assertEquals("no file location is recorded for this image", none.reason());
        Path missing = temp.resolve("gone.png");
        Thumbnail.NoPixels gone = assertInstanceOf(Thumbnail.NoPixels.class, cache.thumbnail(missing, null, decoders));
        assertEquals("file missing: " + missing, gone.reason());
        assertTrue(entries().isEmpty());
    }

    @Test
    @DisplayName("a truncated PNG and a text file are 'cannot decode' with the decoder's reason, and are not cached")
    void undecodable() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file("cxr14/images/00000001_000.png"));
        Path truncated = Files.write(temp.resolve("truncated.png"), Arrays.copyOf(whole, whole.length / 3));
        Thumbnail.Undecodable cut = assertInstanceOf(Thumbnail.Undecodable.class,
                cache.thumbnail(truncated, null, decoders));
        assertEquals(DecodeException.Reason.TRUNCATED, cut.reason(), cut.message());
        Path text = Files.writeString(temp.resolve("notes.png"), "not an image\n");
        Thumbnail.Undecodable notImage = assertInstanceOf(Thumbnail.Undecodable.class,
                cache.thumbnail(text, null, decoders));
        assertEquals(DecodeException.Reason.NOT_RECOGNISED, notImage.reason());
        assertEquals("no decoder recognises notes.png (1 decoders tried)", notImage.message());
        assertTrue(entries().isEmpty());
    }

    @Test
    @DisplayName("a damaged entry is made again, and a cache folder that cannot be written still gives thumbnails")
    void damagedOrUnwritableCache() throws IOException {
        Path file = copy("00000001_000.png", "a.png");
        cache.thumbnail(file, null, decoders);
        Path entry = entries().getFirst();
        Files.write(entry, Arrays.copyOf(Files.readAllBytes(entry), 40));
        Thumbnail.Pixels repaired = assertInstanceOf(Thumbnail.Pixels.class, cache.thumbnail(file, null, decoders));
        assertFalse(repaired.fromCache());
        assertFirstImage(repaired.image());
        assertTrue(assertInstanceOf(Thumbnail.Pixels.class, cache.thumbnail(file, null, decoders)).fromCache());

        Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");
        ThumbnailCache unwritable = new ThumbnailCache(notAFolder.resolve("cache"), 128);
        Thumbnail.Pixels shown = assertInstanceOf(Thumbnail.Pixels.class, unwritable.thumbnail(file, null, decoders));
        assertFalse(shown.fromCache());
        assertFirstImage(shown.image());
    }

    private static void assertFirstImage(Grey8Image thumb) {
        assertEquals(128, thumb.width());
        assertEquals(128, thumb.height());
        assertEquals(187, thumb.grey(0, 0));
        assertEquals(200, thumb.grey(64, 64));
        assertEquals(165, thumb.grey(12, 87));
        assertEquals(94, thumb.grey(37, 25));
    }

    @Test
    @DisplayName("over its size limit the cache drops the least recently used entries, to four fifths of the limit")
    void keepsToItsSizeLimit() throws Exception {
        Path a = copy("00000001_000.png", "a.png");
        cache.thumbnail(a, null, decoders);
        long entry = Files.size(entries().getFirst()); // the same image under five names: entries of one size
        Files.delete(entries().getFirst());
        ThumbnailCache small = new ThumbnailCache(temp.resolve("cache"), 128, 4 * entry + entry / 2);
        List<Path> files = new java.util.ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            Path file = name.equals("a") ? a : Files.copy(a, temp.resolve(name + ".png"));
            files.add(file);
            assertFalse(assertInstanceOf(Thumbnail.Pixels.class, small.thumbnail(file, null, decoders)).fromCache());
            Thread.sleep(30); // distinct modification times
        }
        assertTrue(assertInstanceOf(Thumbnail.Pixels.class, small.thumbnail(a, null, decoders)).fromCache());
        Thread.sleep(30);
        Path e = Files.copy(a, temp.resolve("e.png"));
        small.thumbnail(e, null, decoders);     // 5 entries > 4.5: b and c, the least recently used, go
        assertEquals(3, entries().size());
        long total = 0;
        for (Path p : entries()) {
            total += Files.size(p);
        }
        assertTrue(total <= (4 * entry + entry / 2) / 5 * 4, "folder holds " + total + " bytes");
        for (Path kept : List.of(a, files.get(3), e)) {
            assertTrue(assertInstanceOf(Thumbnail.Pixels.class, small.thumbnail(kept, null, decoders)).fromCache(),
                    kept + " was used recently and stays");
        }
        assertFalse(assertInstanceOf(Thumbnail.Pixels.class, small.thumbnail(files.get(1), null, decoders)).fromCache(),
                "b was the least recently used and was dropped");
    }

    private Path copy(String sharedName, String as) throws IOException {
        return Files.copy(SharedData.file("cxr14/images/" + sharedName), temp.resolve(as));
    }

    private List<Path> entries() throws IOException {
        Path dir = temp.resolve("cache");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
