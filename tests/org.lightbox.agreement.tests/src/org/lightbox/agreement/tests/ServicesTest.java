package org.lightbox.agreement.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.AgreementAnalysis;
import org.lightbox.agreement.AgreementStatistic;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The statistics are DS services that a contributor can look up by their {@code statistic} property. */
class ServicesTest {

    @Test
    @DisplayName("Six agreement statistics and the analysis are registered as DS services")
    void registered() throws InvalidSyntaxException, InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(ServicesTest.class).getBundleContext();
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < 100 && ids.size() < 6; i++) {
            ids.clear();
            for (ServiceReference<AgreementStatistic> ref : context.getServiceReferences(AgreementStatistic.class, null)) {
                AgreementStatistic statistic = context.getService(ref);
                assertEquals(ref.getProperty(AgreementStatistic.PROPERTY), statistic.id());
                ids.add(statistic.id());
                context.ungetService(ref);
            }
            Thread.sleep(ids.size() < 6 ? 100 : 0);
        }
        assertEquals(Set.of("cohen-kappa", "fleiss-kappa", "gwet-ac1", "krippendorff-alpha", "pabak", "percent-agreement"), ids);
        assertNotNull(context.getServiceReference(AgreementAnalysis.class));
    }
}
