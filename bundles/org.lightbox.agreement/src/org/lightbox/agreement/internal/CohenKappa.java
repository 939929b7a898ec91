package org.lightbox.agreement.internal;

import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementStatistic;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.Sample;
import org.osgi.service.component.annotations.Component;

/**
 * Cohen's kappa (1960), weighted as the options say (Cohen 1968), with the asymptotic standard error of Fleiss, Cohen
 * &amp; Everitt (1969). Defined for a table of exactly two identified raters; per-pair kappas of larger panels come
 * from {@link org.lightbox.agreement.AgreementAnalysis}.
 */
@Component(service = AgreementStatistic.class, property = AgreementStatistic.PROPERTY + "=cohen-kappa")
public final class CohenKappa implements AgreementStatistic {

    @Override
    public String id() {
        return "cohen-kappa";
    }

    @Override
    public Estimate estimate(RatingTable table, AgreementOptions options) {
        if (table.raterCount() != 2 || !table.ratersIdentified()) {
            Sample n = new Sample(table.subjectCount(), table.raterCount(), table.ratingCount(), 0);
            return Estimate.undefined("Cohen's kappa", n, !table.ratersIdentified()
                    ? "the raters are not identified (a table of counts)"
                    : "Cohen's kappa compares two raters; this table has " + table.raterCount() + " (see the per-pair estimates)");
        }
        TableAnalysis analysis = new TableAnalysis(table, options);
        analysis.cohen(0, 1);
        return analysis.finish().get(0);
    }
}
