package org.lightbox.ui.internal.reading;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.model.ImageRecord;

/**
 * Decodes the image being read and the next few ahead (and one behind) on a background thread, so that "next"
 * finds its pixels ready: a radiologist's keypress must not wait for a PNG or DICOM decoder. Keeps a window of
 * decoded images around the reading position and drops the rest.
 */
final class ImagePrefetch implements AutoCloseable {

    private static final int AHEAD = 3;
    private static final int BEHIND = 1;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lightbox-reading-prefetch");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });
    private final Map<String, CompletableFuture<DisplayedImage>> decoded = new LinkedHashMap<>();
    private final Function<ImageRecord, Path> fileOf;
    private final Supplier<List<ImageDecoder>> decoders;
    /** The viewer's size, kept up to date by the UI thread, so that images are shrunk to fit in the background. */
    private volatile int[] view;

    ImagePrefetch(Function<ImageRecord, Path> fileOf, Supplier<List<ImageDecoder>> decoders) {
        this.fileOf = fileOf;
        this.decoders = decoders;
    }

    void viewSize(int width, int height) {
        view = new int[] {width, height};
    }

    /** The image at {@code position} (decoding it first if nobody asked before), and prefetch around it. */
    synchronized CompletableFuture<DisplayedImage> at(List<ImageRecord> images, int position) {
        CompletableFuture<DisplayedImage> wanted = request(images.get(position));
        for (int i = 1; i <= AHEAD && position + i < images.size(); i++) {
            request(images.get(position + i));
        }
        if (position > 0) {
            request(images.get(position - 1));
        }
        int from = Math.max(0, position - BEHIND);
        int to = Math.min(images.size(), position + AHEAD + 1);
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (int i = from; i < to; i++) {
            keep.add(images.get(i).getImageId());
        }
        for (Iterator<String> ids = decoded.keySet().iterator(); ids.hasNext();) {
            String id = ids.next();
            if (!keep.contains(id)) {
                decoded.get(id).cancel(false);
                ids.remove();
            }
        }
        return wanted;
    }

    private CompletableFuture<DisplayedImage> request(ImageRecord image) {
        return decoded.computeIfAbsent(image.getImageId(),
                id -> CompletableFuture.supplyAsync(() -> decode(image), worker));
    }

    /** Decodes one image now, on the calling thread (the benchmark's cold path). */
    DisplayedImage decode(ImageRecord image) {
        Path file;
        try {
            file = fileOf.apply(image);
        } catch (InvalidPathException e) {
            return DisplayedImage.problem(image.getImageId(), "No pixels: not a valid file location: " + image.getLocation());
        }
        if (file == null) {
            return DisplayedImage.problem(image.getImageId(), "No pixels: no file location is recorded for this image.");
        }
        if (!file.toFile().isFile()) {
            return DisplayedImage.problem(image.getImageId(), "No pixels: file missing: " + file);
        }
        for (ImageDecoder decoder : decoders.get()) {
            if (decoder.canDecode(file)) {
                try {
                    GreyImage grey = decoder.decode(file);
                    return DisplayedImage.of(image.getImageId(), grey, view);
                } catch (DecodeException e) {
                    return DisplayedImage.problem(image.getImageId(), "Cannot decode: " + e.getMessage());
                } catch (RuntimeException e) {
                    return DisplayedImage.problem(image.getImageId(), "Cannot decode: the decoder failed: " + e);
                }
            }
        }
        return DisplayedImage.problem(image.getImageId(), "Cannot decode: no decoder recognises " + file.getFileName());
    }

    @Override
    public synchronized void close() {
        decoded.values().forEach(f -> f.cancel(false));
        decoded.clear();
        worker.shutdownNow();
    }
}
