package org.lightbox.ui.internal.parts;

import java.util.ArrayList;
import java.util.List;

import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.RatingTable;
import org.lightbox.model.ReadValue;

/**
 * Each reader against the majority of the other readers (leave-one-out, so that a reader is never part of their own
 * reference), PRESENT as positive: images where the others tie or nobody else read are left out; a reader's
 * UNCERTAIN counts as negative.
 */
final class ReaderAccuracy {

    private ReaderAccuracy() {
    }

    /** One row per reader of the table, in its order. */
    static List<DiagnosticAccuracy> againstOthers(RatingTable table) {
        int present = table.categories().indexOf(ReadValue.PRESENT.getLiteral());
        List<DiagnosticAccuracy> rows = new ArrayList<>();
        for (int r = 0; r < table.raterCount(); r++) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            long tn = 0;
            for (int s = 0; s < table.subjectCount(); s++) {
                int own = table.code(s, r);
                Boolean reference = othersSayPresent(table, s, r, present);
                if (own == RatingTable.MISSING || reference == null) {
                    continue;
                }
                boolean positive = own == present;
                tp += positive && reference ? 1 : 0;
                fp += positive && !reference ? 1 : 0;
                fn += !positive && reference ? 1 : 0;
                tn += !positive && !reference ? 1 : 0;
            }
            rows.add(DiagnosticAccuracy.of(tp, fp, fn, tn, 0.95));
        }
        return rows;
    }

    /** Whether the other readers' majority value is PRESENT; null when they tie or there are none. */
    private static Boolean othersSayPresent(RatingTable table, int s, int reader, int present) {
        int[] votes = new int[table.categoryCount()];
        for (int r = 0; r < table.raterCount(); r++) {
            int code = table.code(s, r);
            if (r != reader && code != RatingTable.MISSING) {
                votes[code]++;
            }
        }
        int best = 0;
        for (int c = 1; c < votes.length; c++) {
            best = votes[c] > votes[best] ? c : best;
        }
        int leaders = 0;
        for (int v : votes) {
            leaders += v == votes[best] ? 1 : 0;
        }
        return votes[best] == 0 || leaders > 1 ? null : best == present;
    }
}
