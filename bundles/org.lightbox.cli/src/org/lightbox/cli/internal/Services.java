package org.lightbox.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.lightbox.store.ProjectStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** The OSGi services the commands use, looked up through DS and released when the command ends. */
final class Services implements AutoCloseable {

    private static final long WAIT_MILLIS = 10_000;
    private final BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    /** The project store for a store kind ({@code sqlite} or {@code postgresql}). */
    ProjectStore store(String kind) {
        String filter = "(&(objectClass=" + ProjectStore.class.getName() + ")(" + ProjectStore.KIND_PROPERTY + "=" + kind + "))";
        try {
            ServiceTracker<ProjectStore, ProjectStore> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
            tracker.open();
            trackers.add(tracker);
            ProjectStore store = tracker.waitForService(WAIT_MILLIS);
            if (store == null) {
                throw new IllegalStateException("no project store of kind '" + kind + "' is available");
            }
            return store;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad store kind '" + kind + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the project store", e);
        }
    }

    /** The one service of a type (the first DS registered, if several), waiting up to 10 s for it. */
    <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        try {
            T service = tracker.waitForService(WAIT_MILLIS);
            if (service == null) {
                throw new IllegalStateException("no " + type.getSimpleName() + " service is available");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + type.getSimpleName() + " service", e);
        }
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
