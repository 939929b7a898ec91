package org.lightbox.agreement.internal;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementStatistic;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.RatingTable;
import org.osgi.service.component.annotations.Component;

/** Gwet's AC1 (2008) for any number of raters, with Gwet's variance. */
@Component(service = AgreementStatistic.class, property = AgreementStatistic.PROPERTY + "=gwet-ac1")
public final class GwetAc1 implements AgreementStatistic {

    @Override
    public String id() {
        return "gwet-ac1";
    }

    @Override
    public Estimate estimate(RatingTable table, AgreementOptions options) {
        TableAnalysis analysis = new TableAnalysis(table, options);
        analysis.ac1();
        return analysis.finish().get(0);
    }
}
