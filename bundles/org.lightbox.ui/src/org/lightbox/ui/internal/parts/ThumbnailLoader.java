package org.lightbox.ui.internal.parts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Thumbnails;
import org.lightbox.model.ImageRecord;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Makes table thumbnails off the UI thread: one Eclipse job drains a queue of requests, decodes each image
 * through the {@link ImageDecoder} services, shrinks it and hands an SWT image to the UI thread. Images with no
 * pixels (missing file, undecodable) get a marked placeholder instead of a blank.
 */
final class ThumbnailLoader {

    private static final PaletteData GREY = greyPalette();

    private final Display display;
    private final UISynchronize sync;
    private final int size;
    private final BiConsumer<ImageRecord, Image> ready;
    private final Image placeholder;
    private final Map<String, Image> cache = new HashMap<>();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final List<ImageRecord> queue = new ArrayList<>();
    private final Job job;

    ThumbnailLoader(Display display, UISynchronize sync, int size, BiConsumer<ImageRecord, Image> ready) {
        this.display = display;
        this.sync = sync;
        this.size = size;
        this.ready = ready;
        this.placeholder = blank(display, size);
        this.job = Job.create("Loading thumbnails", this::drain);
        job.setSystem(true);
    }

    /** The cached thumbnail, or the placeholder while it is being made. UI thread only. */
    Image imageOrPlaceholder(ImageRecord image) {
        Image cached = cache.get(image.getImageId());
        if (cached != null) {
            return cached;
        }
        if (requested.add(image.getImageId())) {
            synchronized (queue) {
                queue.add(image);
            }
            job.schedule();
        }
        return placeholder;
    }

    private IStatus drain(IProgressMonitor monitor) {
        while (!monitor.isCanceled()) {
            ImageRecord next;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    return Status.OK_STATUS;
                }
                next = queue.removeLast();          // most recently scrolled-to rows first
            }
            ImageData data = thumbnail(next);
            if (data != null) {
                sync.asyncExec(() -> {
                    if (!display.isDisposed() && requested.contains(next.getImageId())) {
                        Image image = new Image(display, data);
                        cache.put(next.getImageId(), image);
                        ready.accept(next, image);
                    }
                });
            }
        }
        return Status.CANCEL_STATUS;
    }

    private ImageData thumbnail(ImageRecord record) {
        if (record.getLocation() == null) {
            return null;
        }
        Path file = Path.of(record.getLocation());
        for (ImageDecoder decoder : decoders()) {
            if (decoder.canDecode(file)) {
                try {
                    GreyImage grey = decoder.decode(file);
                    Grey8Image small = Thumbnails.of(grey, size);
                    byte[] pixels = new byte[small.width() * small.height()];
                    small.pixels().get(pixels);
                    ImageData data = new ImageData(small.width(), small.height(), 8, GREY, 1, pixels);
                    return data;
                } catch (DecodeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<ImageDecoder> decoders() {
        BundleContext context = FrameworkUtil.getBundle(ThumbnailLoader.class).getBundleContext();
        List<ImageDecoder> found = new ArrayList<>();
        try {
            for (ServiceReference<ImageDecoder> ref : context.getServiceReferences(ImageDecoder.class, null)) {
                ImageDecoder decoder = context.getService(ref);
                if (decoder != null) {
                    found.add(decoder);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Forgets everything (a new project was opened). UI thread only. */
    void clear() {
        synchronized (queue) {
            queue.clear();
        }
        requested.clear();
        cache.values().forEach(Image::dispose);
        cache.clear();
    }

    void dispose() {
        job.cancel();
        clear();
        placeholder.dispose();
    }

    private static Image blank(Display display, int size) {
        Image image = new Image(display, size, size);
        GC gc = new GC(image);
        gc.setBackground(display.getSystemColor(org.eclipse.swt.SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(0, 0, size, size);
        gc.dispose();
        return image;
    }

    private static PaletteData greyPalette() {
        RGB[] rgbs = new RGB[256];
        for (int i = 0; i < 256; i++) {
            rgbs[i] = new RGB(i, i, i);
        }
        return new PaletteData(rgbs);
    }
}
