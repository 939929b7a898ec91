package org.lightbox.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lightbox.agreement.RatingTable;
import org.lightbox.consensus.ConsensusDecision;
import org.lightbox.consensus.ConsensusMethod;
import org.lightbox.consensus.ConsensusResult;
import org.lightbox.consensus.ReadTables;
import org.lightbox.model.ReadValue;
import org.osgi.service.component.annotations.Component;

/**
 * The value most readers chose (a plurality: with three values, 2 of 5 can win against 1 and 1 and 1). Where two or
 * more values share the most votes the image is UNCERTAIN and awaits an adjudicator. Support is the share of readers
 * who chose the consensus value (for a tie, the share who read UNCERTAIN). An image read by one reader takes that read.
 */
@Component(service = ConsensusMethod.class, property = ConsensusMethod.PROPERTY + "=" + MajorityVote.ID)
public final class MajorityVote implements ConsensusMethod {

    public static final String ID = "majority";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConsensusResult decide(String finding, RatingTable table) {
        ReadTables.requireReadValues(table);
        List<ConsensusDecision> decisions = new ArrayList<>();
        int k = table.categoryCount();
        for (int s = 0; s < table.subjectCount(); s++) {
            int[] votes = new int[k];
            int n = 0;
            for (int r = 0; r < table.raterCount(); r++) {
                int code = table.code(s, r);
                if (code != RatingTable.MISSING) {
                    votes[code]++;
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            int best = 0;
            for (int c = 1; c < k; c++) {
                best = votes[c] > votes[best] ? c : best;
            }
            int leaders = countLeaders(votes, votes[best]);
            boolean tie = leaders > 1;
            ReadValue value = tie ? ReadValue.UNCERTAIN : ReadValue.get(table.categories().get(best));
            int chosen = votes[table.categories().indexOf(value.getLiteral())];
            String note = tie ? "tie: " + leaders + " values with " + votes[best] + " of " + n + " votes each" : "";
            decisions.add(new ConsensusDecision(table.subjects().get(s), finding, value, chosen / (double) n,
                    ReadTables.votes(table, s), Map.of(), tie, ID, note));
        }
        return new ConsensusResult(ID, finding, decisions, List.of(), List.of());
    }

    private static int countLeaders(int[] votes, int most) {
        int leaders = 0;
        for (int v : votes) {
            leaders += v == most ? 1 : 0;
        }
        return leaders;
    }
}
