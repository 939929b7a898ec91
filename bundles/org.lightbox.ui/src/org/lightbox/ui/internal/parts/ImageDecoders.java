package org.lightbox.ui.internal.parts;

import java.util.Arrays;
import java.util.List;

import org.lightbox.imaging.ImageDecoder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** The {@link ImageDecoder} services there are now (PNG/JPEG, DICOM, whatever else is installed), highest ranking first. */
public final class ImageDecoders implements AutoCloseable {

    private final ServiceTracker<ImageDecoder, ImageDecoder> tracker;

    public ImageDecoders() {
        BundleContext context = FrameworkUtil.getBundle(ImageDecoders.class).getBundleContext();
        tracker = new ServiceTracker<>(context, ImageDecoder.class, null);
        tracker.open();
    }

    public List<ImageDecoder> all() {
        ServiceReference<ImageDecoder>[] refs = tracker.getServiceReferences();
        if (refs == null) {
            return List.of();
        }
        Arrays.sort(refs, (a, b) -> b.compareTo(a)); // ServiceReference order: ranking, then age
        return Arrays.stream(refs).map(tracker::getService).filter(d -> d != null).toList();
    }

    @Override
    public void close() {
        tracker.close();
    }
}
