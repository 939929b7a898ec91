package org.lightbox.agreement;

/** Computes every agreement statistic for a table in one go (one bootstrap shared by all), as a DS service. */
public interface AgreementAnalysis {

    /** The report for one table (one finding). */
    AgreementReport analyse(RatingTable table, AgreementOptions options);
}
