package org.lightbox.ui.internal.parts;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Thumbnail;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.model.ImageRecord;

/**
 * Thumbnails for the table and the grid, made off the UI thread: one Eclipse job drains a queue of requests
 * (latest first, so the rows just scrolled to come first; requests for rows scrolled past long ago are
 * dropped) through the disk {@link ThumbnailCache}, and hands the result to the UI thread. Images without
 * pixels and undecodable ones get a marker with the reason, never a blank. SWT images are kept for the most
 * recently shown {@value #KEPT} images only; the rest come back from the disk cache when needed.
 */
final class ThumbnailLoader {

    /** The size the disk cache keeps; the table shows thumbnails at half of it. */
    static final int SIZE = 128;
    private static final int KEPT = 1500;
    private static final int MAX_QUEUED = 600;

    /** What is known about one image's thumbnail. */
    sealed interface Entry {
    }

    /** Not made yet. */
    record Loading() implements Entry {
    }

    /** The thumbnail's pixels and its SWT images, made when first painted at a size. */
    static final class Ready implements Entry {
        final Grey8Image pixels;
        private final Map<Integer, Image> images = new LinkedHashMap<>();

        Ready(Grey8Image pixels) {
            this.pixels = pixels;
        }

        Image at(Display display, int size) {
            return images.computeIfAbsent(size, s -> SwtImages.grey(display, pixels, s));
        }

        void dispose() {
            images.values().forEach(Image::dispose);
            images.clear();
        }
    }

    /** No pixels or cannot decode: a marker and the reason for a tooltip. */
    record Problem(boolean noPixels, String reason) implements Entry {
    }

    private static final Loading LOADING = new Loading();

    private final Display display;
    private final UISynchronize sync;
    private final Consumer<String> ready;
    private final Consumer<String> forgotten;
    private final Markers markers;
    private final Job job;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Deque<Request> queue = new ArrayDeque<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true); // access order: LRU
    private volatile ThumbnailCache cache;
    private volatile Function<ImageRecord, Path> files;
    private volatile Supplier<List<ImageDecoder>> decoders = List::of;
    private int generation;

    private record Request(String imageId, Path file, String contentHash, int generation) {
    }

    /**
     * @param ready     called on the UI thread with the image id whose thumbnail or marker arrived
     * @param forgotten called on the UI thread with the image id whose SWT images were disposed to save memory
     *                  (a widget still holding them must let go and ask again)
     */
    ThumbnailLoader(Display display, UISynchronize sync, Consumer<String> ready, Consumer<String> forgotten) {
        this.display = display;
        this.sync = sync;
        this.ready = ready;
        this.forgotten = forgotten;
        this.markers = new Markers(display);
        this.job = Job.create("Loading thumbnails", this::drain);
        job.setSystem(true);
    }

    /** Starts over for a project: its files and the decoders to use. UI thread only. */
    void reset(ThumbnailCache thumbnailCache, Function<ImageRecord, Path> fileOf,
            Supplier<List<ImageDecoder>> imageDecoders) {
        clear();
        cache = thumbnailCache;
        files = fileOf;
        decoders = imageDecoders;
    }

    /** What to show for an image now; asks for its thumbnail if it has none yet. UI thread only. */
    Entry entry(ImageRecord image) {
        Entry entry = entries.get(image.getImageId());
        if (entry != null) {
            return entry;
        }
        if (cache != null && requested.add(image.getImageId())) {
            Path file;
            try {
                file = files.apply(image);
            } catch (InvalidPathException e) {
                Problem bad = new Problem(true, "no pixels: not a valid file location: " + image.getLocation());
                entries.put(image.getImageId(), bad);
                return bad;
            }
            synchronized (queue) {
                queue.addLast(new Request(image.getImageId(), file, image.getContentHash(), generation));
                while (queue.size() > MAX_QUEUED) {
                    requested.remove(queue.removeFirst().imageId()); // scrolled past: asked again when seen again
                }
            }
            job.schedule();
        }
        return LOADING;
    }

    /** The image to show at {@code size} pixels: the thumbnail, the loading placeholder or a marker. */
    Image image(ImageRecord record, int size) {
        return switch (entry(record)) {
            case Ready r -> r.at(display, size);
            case Problem p -> p.noPixels() ? markers.noPixels(size) : markers.cannotDecode(size);
            case Loading l -> markers.loading(size);
        };
    }

    /** Why an image shows a marker ("no pixels: …", "cannot decode: …"), or null when it does not. */
    String problem(ImageRecord record) {
        return entries.get(record.getImageId()) instanceof Problem p ? p.reason() : null;
    }

    private IStatus drain(IProgressMonitor monitor) {
        while (!monitor.isCanceled()) {
            Request next;
            synchronized (queue) {
                next = queue.pollLast();
            }
            if (next == null) {
                return Status.OK_STATUS;
            }
            ThumbnailCache current = cache;
            if (current == null) {
                return Status.OK_STATUS;
            }
            Entry made = switch (current.thumbnail(next.file(), next.contentHash(), decoders.get())) {
                case Thumbnail.Pixels p -> new Ready(p.image());
                case Thumbnail.NoPixels n -> new Problem(true, "no pixels: " + n.reason());
                case Thumbnail.Undecodable u -> new Problem(false, "cannot decode: " + u.message());
            };
            sync.asyncExec(() -> accept(next, made));
        }
        return Status.CANCEL_STATUS;
    }

    private void accept(Request request, Entry made) {
        if (display.isDisposed() || request.generation() != generation) {
            if (made instanceof Ready r) {
                r.dispose();
            }
            return;
        }
        entries.put(request.imageId(), made);
        while (entries.size() > KEPT) {
            var eldest = entries.entrySet().iterator().next();
            if (eldest.getValue() instanceof Ready r) {
                r.dispose();
            }
            String id = eldest.getKey();
            requested.remove(id);
            entries.remove(id);
            forgotten.accept(id);
        }
        ready.accept(request.imageId());
    }

    /** Forgets everything (another project or query). UI thread only. */
    void clear() {
        synchronized (queue) {
            queue.clear();
        }
        generation++;
        requested.clear();
        entries.values().forEach(e -> {
            if (e instanceof Ready r) {
                r.dispose();
            }
        });
        entries.clear();
    }

    void dispose() {
        job.cancel();
        try {
            // let a thumbnail being written finish, so nothing touches the cache folder after the part is gone
            job.join(5_000, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache = null;
        clear();
        markers.dispose();
    }
}
