package dev.ale.verifiers.internal.table;

import static dev.ale.verifiers.internal.table.TableScore.Scheme.F1_CELLS;
import static dev.ale.verifiers.internal.table.TableScore.Scheme.F1_ROWS;
import static dev.ale.verifiers.internal.table.TableScore.Scheme.PRECISION_CELLS;
import static dev.ale.verifiers.internal.table.TableScore.Scheme.PRECISION_ROWS;
import static dev.ale.verifiers.internal.table.TableScore.Scheme.RECALL_CELLS;
import static dev.ale.verifiers.internal.table.TableScore.Scheme.RECALL_ROWS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableScoreTest {
    /** E = 5 expected rows, K = 4 found, M = 3 matched, C = 2 cells each, Mc = 7, U = 1 counted extra row. */
    private static final TableScore CASE = new TableScore(5, 4, 3, 7, 2, 1);

    @Test
    void scoresRowsAsRecallPrecisionAndF1() {
        assertEquals(3.0 / (5 + 1), CASE.score(RECALL_ROWS), 1e-12);
        assertEquals(3.0 / (4 + 1), CASE.score(PRECISION_ROWS), 1e-12);
        assertEquals(2.0 * 3 / (5 + 4 + 1), CASE.score(F1_ROWS), 1e-12);
    }

    @Test
    void scoresCellsAsRecallPrecisionAndF1() {
        assertEquals(7.0 / (10 + 2), CASE.score(RECALL_CELLS), 1e-12);
        assertEquals(7.0 / (8 + 2), CASE.score(PRECISION_CELLS), 1e-12);
        assertEquals(2.0 * 7 / (10 + 8 + 2), CASE.score(F1_CELLS), 1e-12);
    }

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndPlainRecall() {
        TableScore t = new TableScore(8, 6, 4, 0, 1, 2);
        double p = 4.0 / 8;
        double r = 4.0 / 8;
        assertEquals(2 * p * r / (p + r), t.score(F1_ROWS), 1e-12);
        TableScore u = new TableScore(10, 3, 3, 0, 1, 0);
        double pu = 1;
        double ru = 0.3;
        assertEquals(2 * pu * ru / (pu + ru), u.score(F1_ROWS), 1e-12);
    }

    @Test
    void emptyDenominatorsScoreOneUnlessSomethingWasExpected() {
        TableScore nothing = new TableScore(0, 0, 0, 0, 3, 0);
        for (TableScore.Scheme s : TableScore.Scheme.values()) {
            assertEquals(1, nothing.score(s), s.word());
        }
        TableScore undelivered = new TableScore(4, 0, 0, 0, 3, 0);
        assertEquals(0, undelivered.score(PRECISION_ROWS));
        assertEquals(0, undelivered.score(PRECISION_CELLS));
        assertEquals(0, undelivered.score(RECALL_ROWS));
        assertEquals(0, undelivered.score(F1_CELLS));
        TableScore onlyExtra = new TableScore(0, 0, 0, 0, 1, 2);
        assertEquals(0, onlyExtra.score(RECALL_ROWS));
        assertEquals(0, onlyExtra.score(PRECISION_ROWS));
        assertEquals(0, onlyExtra.score(F1_ROWS));
    }

    @Test
    void namesSchemesAsConfigsWriteThem() {
        assertArrayEquals(
                new String[] {"recall-rows", "precision-rows", "f1-rows", "recall-cells", "precision-cells", "f1-cells"
                },
                TableScore.Scheme.words());
        assertEquals(F1_CELLS, TableScore.Scheme.of("f1-cells"));
        assertFalse(RECALL_CELLS.countsExtraByDefault());
        assertTrue(PRECISION_ROWS.countsExtraByDefault());
        assertEquals("3 of 5 rows match, 1 unmatched output row counted", CASE.explain(RECALL_ROWS));
        assertEquals("7 of 10 delivered cells match", CASE.explain(PRECISION_CELLS));
        assertEquals("F1 of 3 matching rows: 5 expected, 5 delivered", CASE.explain(F1_ROWS));
    }
}
