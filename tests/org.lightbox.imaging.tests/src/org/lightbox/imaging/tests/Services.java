package org.lightbox.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** Looks services up the way a contributor's bundle would: through the OSGi registry, filled by DS. */
final class Services {

    private Services() {
    }

    static <T> T get(Class<T> type, String filter) {
        Bundle host = FrameworkUtil.getBundle(Services.class);
        try {
            if (host.getBundleContext() == null) {
                host.start(); // lazy activation may not have happened yet; DS only sees started bundles
            }
            BundleContext context = host.getBundleContext();
            assertNotNull(context, "the host bundle " + host.getSymbolicName() + " could not be started");
            String full = "(&(objectClass=" + type.getName() + ")" + filter + ")";
            ServiceTracker<T, T> tracker = new ServiceTracker<>(context, context.createFilter(full), null);
            tracker.open(); // left open for the test run, so that DS keeps the component active
            T service = tracker.waitForService(10_000);
            assertNotNull(service, "no " + type.getSimpleName() + " service matching " + filter + " within 10 s");
            return service;
        } catch (BundleException | InvalidSyntaxException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
