package org.lightbox.agreement.internal;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementStatistic;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.RatingTable;
import org.osgi.service.component.annotations.Component;

/** PABAK (Byrt, Bishop &amp; Carlin 1993) with prevalence and bias indices for two raters; Brennan &amp; Prediger's coefficient for more. */
@Component(service = AgreementStatistic.class, property = AgreementStatistic.PROPERTY + "=pabak")
public final class Pabak implements AgreementStatistic {

    @Override
    public String id() {
        return "pabak";
    }

    @Override
    public Estimate estimate(RatingTable table, AgreementOptions options) {
        TableAnalysis analysis = new TableAnalysis(table, options);
        analysis.brennanPrediger();
        return analysis.finish().get(0);
    }
}
