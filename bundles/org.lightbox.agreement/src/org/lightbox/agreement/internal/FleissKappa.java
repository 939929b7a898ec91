package org.lightbox.agreement.internal;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementStatistic;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.RatingTable;
import org.osgi.service.component.annotations.Component;

/** Fleiss' kappa (1971) with the z of Fleiss, Nee &amp; Landis (1979); generalised to varying numbers of ratings per subject. */
@Component(service = AgreementStatistic.class, property = AgreementStatistic.PROPERTY + "=fleiss-kappa")
public final class FleissKappa implements AgreementStatistic {

    @Override
    public String id() {
        return "fleiss-kappa";
    }

    @Override
    public Estimate estimate(RatingTable table, AgreementOptions options) {
        TableAnalysis analysis = new TableAnalysis(table, options);
        analysis.fleiss();
        return analysis.finish().get(0);
    }
}
