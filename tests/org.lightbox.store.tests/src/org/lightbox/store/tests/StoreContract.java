package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The common ground of the store contracts: the backend's projects are set up before the class's tests and removed
 * after them, and {@link #store} is the {@link ProjectStore} DS service of the backend's kind. A backend's test class
 * extends a contract and hands it its {@link StoreBackend}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    private final StoreBackend backend;
    private ServiceTracker<ProjectStore, ProjectStore> tracker;
    protected ProjectStore store;

    protected StoreContract(StoreBackend backend) {
        this.backend = backend;
    }

    protected String kind() {
        return backend.kind();
    }

    protected StoreLocation newLocation() {
        return backend.newLocation();
    }

    @BeforeAll
    void startBackendAndTrackStore() throws Exception {
        backend.start();
        Bundle bundle = FrameworkUtil.getBundle(StoreContract.class);
        if (bundle.getBundleContext() == null) {
            bundle.start(Bundle.START_TRANSIENT);
        }
        BundleContext context = bundle.getBundleContext();
        tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + ProjectStore.class.getName()
                + ")(" + ProjectStore.KIND_PROPERTY + "=" + kind() + "))"), null);
        tracker.open();
        store = tracker.waitForService(10_000);
        assertNotNull(store, "no ProjectStore service (store.kind=" + kind() + ") within 10 s");
        assertEquals(kind(), store.kind());
    }

    @AfterAll
    void stopTrackerAndBackend() throws Exception {
        if (tracker != null) {
            tracker.close();
        }
        backend.close();
    }
}
