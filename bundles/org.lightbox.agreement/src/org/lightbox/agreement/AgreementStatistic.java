package org.lightbox.agreement;

/**
 * One agreement statistic, offered as an OSGi service with the property {@code statistic=<id>} so that other labs can
 * add their own. An implementation estimates on a whole table (all raters); statistics defined for two raters only
 * say so through an undefined estimate when the table has more.
 */
public interface AgreementStatistic {

    /** The service property that carries {@link #id()}. */
    String PROPERTY = "statistic";

    /** A short stable id, e.g. {@code fleiss-kappa}. */
    String id();

    /** The estimate on the table, with its interval(s) and n, or undefined with the reason. */
    Estimate estimate(RatingTable table, AgreementOptions options);

    /** The estimate with {@link AgreementOptions#DEFAULT}. */
    default Estimate estimate(RatingTable table) {
        return estimate(table, AgreementOptions.DEFAULT);
    }
}
