package org.lightbox.evaluation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.evaluation.BinaryScores;
import org.lightbox.evaluation.ErrorSample;
import org.lightbox.evaluation.ErrorSample.Cell;
import org.lightbox.evaluation.OperatingPoint;

/** Seeded samples of TP/FP/FN/TN images for looking at the errors. */
class ErrorSampleTest {

    private static BinaryScores small() {
        // ids a..j; scores; truth. At 0.5: TP c,d,e; FP a,b; FN f; TN g,h,i,j
        return new BinaryScores("Effusion", new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"},
                new double[] {0.9, 0.6, 0.7, 0.5, 0.8, 0.2, 0.1, 0.3, 0.4, 0.0},
                new boolean[] {false, false, true, true, true, true, false, false, false, false});
    }

    @Test
    @DisplayName("Each image lands in its cell of the 2x2 table at the threshold (score >= threshold is positive)")
    void cells() {
        ErrorSample s = ErrorSample.of(small(), OperatingPoint.fixed(0.5), 10, 7);
        assertEquals(Set.of("c", "d", "e"), Set.copyOf(s.cells().get(Cell.TRUE_POSITIVE).ids()));
        assertEquals(Set.of("a", "b"), Set.copyOf(s.cells().get(Cell.FALSE_POSITIVE).ids()));
        assertEquals(List.of("f"), s.cells().get(Cell.FALSE_NEGATIVE).ids());
        assertEquals(4, s.cells().get(Cell.TRUE_NEGATIVE).total());
    }

    @Test
    @DisplayName("The same seed gives the same sample whatever the row order; another seed gives another sample of the real data")
    void seeded() {
        BinaryScores real = Fixtures.real().finding(0, Fixtures.real().findings().indexOf("Pneumothorax"));
        OperatingPoint p = OperatingPoint.youden(real, "all");
        ErrorSample a = ErrorSample.of(real, p, 100, 42);
        int n = real.size();
        String[] ids = new String[n];
        double[] sc = new double[n];
        boolean[] t = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = real.ids()[n - 1 - i];
            sc[i] = real.scores()[n - 1 - i];
            t[i] = real.truth()[n - 1 - i];
        }
        ErrorSample reversed = ErrorSample.of(new BinaryScores("Pneumothorax", ids, sc, t), p, 100, 42);
        assertEquals(a.cells(), reversed.cells());
        ErrorSample other = ErrorSample.of(real, p, 100, 43);
        for (Cell c : Cell.values()) {
            assertEquals(100, a.cells().get(c).ids().size(), c.toString());
            assertEquals(100, new HashSet<>(a.cells().get(c).ids()).size(), "no image twice");
            assertNotEquals(a.cells().get(c).ids(), other.cells().get(c).ids(), c.toString());
        }
        Map<Cell, ErrorSample.Sampled> cells = a.cells();
        assertEquals(n, cells.values().stream().mapToInt(ErrorSample.Sampled::total).sum());
        assertTrue(cells.get(Cell.FALSE_NEGATIVE).total() > 0);
    }
}
