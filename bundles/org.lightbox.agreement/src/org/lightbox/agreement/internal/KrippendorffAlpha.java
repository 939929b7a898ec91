package org.lightbox.agreement.internal;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementStatistic;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.RatingTable;
import org.osgi.service.component.annotations.Component;

/** Krippendorff's alpha at the table's level of measurement, missing ratings allowed (Krippendorff 2011). */
@Component(service = AgreementStatistic.class, property = AgreementStatistic.PROPERTY + "=krippendorff-alpha")
public final class KrippendorffAlpha implements AgreementStatistic {

    @Override
    public String id() {
        return "krippendorff-alpha";
    }

    @Override
    public Estimate estimate(RatingTable table, AgreementOptions options) {
        TableAnalysis analysis = new TableAnalysis(table, options);
        analysis.krippendorff();
        return analysis.finish().get(0);
    }
}
