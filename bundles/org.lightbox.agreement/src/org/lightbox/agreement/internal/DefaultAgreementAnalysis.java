package org.lightbox.agreement.internal;

import java.util.ArrayList;
import java.util.List;

import org.lightbox.agreement.AgreementAnalysis;
import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.PairAgreement;
import org.lightbox.agreement.RatingTable;
import org.osgi.service.component.annotations.Component;

/** All statistics for a table, sharing one fold of the table and one bootstrap. */
@Component(service = AgreementAnalysis.class)
public final class DefaultAgreementAnalysis implements AgreementAnalysis {

    @Override
    public AgreementReport analyse(RatingTable table, AgreementOptions options) {
        TableAnalysis analysis = new TableAnalysis(table, options);
        analysis.percentAgreement();
        analysis.fleiss();
        analysis.krippendorff();
        analysis.ac1();
        analysis.brennanPrediger();
        boolean two = table.raterCount() == 2 && table.ratersIdentified();
        if (two) {
            analysis.cohen(0, 1);
        }
        int overall = two ? 6 : 5;
        analysis.fleissPerCategory();
        List<int[]> pairs = new ArrayList<>();
        if (table.ratersIdentified()) {
            for (int a = 0; a < table.raterCount(); a++) {
                for (int b = a + 1; b < table.raterCount(); b++) {
                    pairs.add(new int[] {a, b});
                    analysis.pairPercent(a, b);
                    analysis.cohen(a, b);
                    analysis.pairPabak(a, b);
                }
            }
        }
        List<String> notes = analysis.notes();
        List<Estimate> all = analysis.finish();
        int categories = table.categoryCount();
        List<PairAgreement> byPair = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            int from = overall + categories + 3 * i;
            byPair.add(new PairAgreement(table.raters().get(pairs.get(i)[0]), table.raters().get(pairs.get(i)[1]),
                    all.subList(from, from + 3)));
        }
        return new AgreementReport(table.subjectCount(), table.raters(), table.categories(), table.level(), all.subList(0, overall),
                all.subList(overall, overall + categories), byPair, notes);
    }
}
