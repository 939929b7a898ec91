package org.lightbox.agreement.internal;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementStatistic;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.RatingTable;
import org.osgi.service.component.annotations.Component;

/** Mean pairwise agreement over subjects with two ratings or more; Wilson's interval for two raters, else the bootstrap. */
@Component(service = AgreementStatistic.class, property = AgreementStatistic.PROPERTY + "=percent-agreement")
public final class PercentAgreement implements AgreementStatistic {

    @Override
    public String id() {
        return "percent-agreement";
    }

    @Override
    public Estimate estimate(RatingTable table, AgreementOptions options) {
        TableAnalysis analysis = new TableAnalysis(table, options);
        analysis.percentAgreement();
        return analysis.finish().get(0);
    }
}
