package org.lightbox.consensus.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lightbox.agreement.RatingTable;
import org.lightbox.consensus.ConsensusDecision;
import org.lightbox.consensus.ConsensusMethod;
import org.lightbox.consensus.ConsensusResult;
import org.lightbox.consensus.DawidSkene;
import org.lightbox.consensus.ReadTables;
import org.lightbox.consensus.ReaderConfusion;
import org.lightbox.model.ReadValue;
import org.osgi.service.component.annotations.Component;

/**
 * Dawid–Skene consensus: each reader's confusion matrix and each image's posterior by EM ({@link DawidSkene}); the
 * value with the highest posterior wins, its posterior is the support. Only values somebody read take part (a class
 * nobody read would have no error rates); the others get posterior 0. Where the highest posterior is shared the image
 * is UNCERTAIN and awaits an adjudicator.
 */
@Component(service = ConsensusMethod.class, property = ConsensusMethod.PROPERTY + "=" + DawidSkeneConsensus.ID)
public final class DawidSkeneConsensus implements ConsensusMethod {

    public static final String ID = "dawid-skene";
    /** Posteriors closer than this count as tied. */
    private static final double TIE = 1e-9;

    private final DawidSkene em = new DawidSkene(10_000, 1e-9);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConsensusResult decide(String finding, RatingTable table) {
        ReadTables.requireReadValues(table);
        List<Integer> rows = new ArrayList<>();
        for (int s = 0; s < table.subjectCount(); s++) {
            if (table.ratingsOf(s) > 0) {
                rows.add(s);
            }
        }
        List<Integer> used = usedCategories(table);
        if (rows.isEmpty()) {
            return new ConsensusResult(ID, finding, List.of(), List.of(), List.of("no reads"));
        }
        int[][][] counts = new int[rows.size()][table.raterCount()][used.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int r = 0; r < table.raterCount(); r++) {
                int code = table.code(rows.get(i), r);
                if (code != RatingTable.MISSING) {
                    counts[i][r][used.indexOf(code)] = 1;
                }
            }
        }
        DawidSkene.Fit fit = em.fit(counts);
        List<ConsensusDecision> decisions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            decisions.add(decision(finding, table, rows.get(i), used, fit.posteriors()[i]));
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "EM %s after %d iterations, log likelihood %.4f", fit.converged() ? "converged"
                : "stopped unconverged", fit.iterations(), fit.logLikelihood()));
        if (used.size() < table.categoryCount()) {
            notes.add("values nobody read take no part: " + table.categories().stream()
                    .filter(c -> !used.contains(table.categories().indexOf(c))).toList());
        }
        return new ConsensusResult(ID, finding, decisions, confusions(table, used, fit), notes);
    }

    private static ConsensusDecision decision(String finding, RatingTable table, int s, List<Integer> used, double[] posterior) {
        Map<ReadValue, Double> byValue = new EnumMap<>(ReadValue.class);
        for (String category : table.categories()) {
            byValue.put(ReadValue.get(category), 0.0);
        }
        int best = 0;
        for (int j = 0; j < used.size(); j++) {
            byValue.put(ReadValue.get(table.categories().get(used.get(j))), posterior[j]);
            best = posterior[j] > posterior[best] ? j : best;
        }
        int leaders = 0;
        for (double p : posterior) {
            leaders += Math.abs(p - posterior[best]) < TIE ? 1 : 0;
        }
        boolean tie = leaders > 1;
        ReadValue value = tie ? ReadValue.UNCERTAIN : ReadValue.get(table.categories().get(used.get(best)));
        double support = Math.min(1, Math.max(0, byValue.getOrDefault(value, 0.0)));
        String note = tie ? "tie: " + leaders + " values share the highest posterior " + String.format(Locale.ROOT, "%.4f", posterior[best]) : "";
        return new ConsensusDecision(table.subjects().get(s), finding, value, support, ReadTables.votes(table, s), byValue, tie, ID, note);
    }

    private static List<Integer> usedCategories(RatingTable table) {
        boolean[] seen = new boolean[table.categoryCount()];
        for (int s = 0; s < table.subjectCount(); s++) {
            for (int r = 0; r < table.raterCount(); r++) {
                int code = table.code(s, r);
                if (code != RatingTable.MISSING) {
                    seen[code] = true;
                }
            }
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < seen.length; c++) {
            if (seen[c]) {
                used.add(c);
            }
        }
        return used;
    }

    private static List<ReaderConfusion> confusions(RatingTable table, List<Integer> used, DawidSkene.Fit fit) {
        List<String> names = used.stream().map(table.categories()::get).toList();
        List<ReaderConfusion> readers = new ArrayList<>();
        for (int r = 0; r < table.raterCount(); r++) {
            readers.add(new ReaderConfusion(table.raters().get(r), names, fit.errorRates()[r]));
        }
        return readers;
    }
}
