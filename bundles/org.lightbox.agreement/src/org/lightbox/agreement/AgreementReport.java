package org.lightbox.agreement;

import java.util.List;

/**
 * Every agreement statistic that applies to one table (one finding): overall, per category and per rater pair.
 *
 * @param subjects subjects in the table
 * @param raters rater ids
 * @param categories categories in order
 * @param level level of measurement
 * @param overall percent agreement, Fleiss' kappa, Krippendorff's alpha, Gwet's AC1, PABAK, and Cohen's kappa when
 *        there are exactly two raters
 * @param perCategory Fleiss' kappa of each category against the others, with z where defined
 * @param pairs per pair of raters (empty when the raters are not identified, as in a table of counts)
 * @param notes how the data were handled
 */
public record AgreementReport(int subjects, List<String> raters, List<String> categories, Level level, List<Estimate> overall,
        List<Estimate> perCategory, List<PairAgreement> pairs, List<String> notes) {

    public AgreementReport {
        raters = List.copyOf(raters);
        categories = List.copyOf(categories);
        overall = List.copyOf(overall);
        perCategory = List.copyOf(perCategory);
        pairs = List.copyOf(pairs);
        notes = List.copyOf(notes);
    }

    /** The overall estimate whose statistic starts with {@code name}, e.g. "Fleiss' kappa". */
    public Estimate get(String name) {
        return overall.stream().filter(e -> e.statistic().startsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no overall " + name + " in this report"));
    }
}
