package dev.ale.verifiers.internal.table;

import java.util.Locale;

/**
 * The partial-credit arithmetic of the {@code csv} verifier, over what one comparison found.
 * E = expected rows, K = expected rows whose key the output has, M = rows matched (found, in
 * order when order matters, every compared cell matching), U = output rows that count against
 * the score (extra rows when penalized, repeated keys when penalized), C = compared cells per row
 * (at least 1: with no compared column a matched row counts one matched cell), Mc = matched
 * cells. Then:
 * <pre>
 * recall-rows     M / (E + U)           recall-cells     Mc / (C·E + C·U)
 * precision-rows  M / (K + U)           precision-cells  Mc / (C·K + C·U)
 * f1-rows         2M / (E + K + U)      f1-cells         2Mc / (C·E + C·K + C·U)
 * </pre>
 * A zero denominator scores 1 (nothing expected, nothing counted against), except precision with
 * E > 0, which scores 0 (nothing delivered). F1 is the harmonic mean of the precision and the
 * recall without U.
 */
record TableScore(long expected, long found, long matchedRows, long matchedCells, int cellsPerRow, long counted) {
    /** A partial-credit scheme: what is counted (rows or cells) and how (recall, precision, F1). */
    enum Scheme {
        RECALL_ROWS,
        PRECISION_ROWS,
        F1_ROWS,
        RECALL_CELLS,
        PRECISION_CELLS,
        F1_CELLS;

        /** The name configs use: {@code recall-rows}, ... */
        String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static String[] words() {
            String[] out = new String[values().length];
            for (Scheme s : values()) {
                out[s.ordinal()] = s.word();
            }
            return out;
        }

        static Scheme of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        boolean cells() {
            return this == RECALL_CELLS || this == PRECISION_CELLS || this == F1_CELLS;
        }

        /** Whether extra rows count by default: for precision and F1, whose point that is. */
        boolean countsExtraByDefault() {
            return this != RECALL_ROWS && this != RECALL_CELLS;
        }
    }

    /** The score under {@code scheme}, in [0, 1]. */
    double score(Scheme scheme) {
        double c = scheme.cells() ? cellsPerRow : 1;
        double hits = scheme.cells() ? matchedCells : matchedRows;
        double e = c * expected;
        double delivered = c * (found + counted);
        double u = c * counted;
        return switch (scheme) {
            case RECALL_ROWS, RECALL_CELLS -> ratio(hits, e + u, 1);
            case PRECISION_ROWS, PRECISION_CELLS -> ratio(hits, delivered, expected == 0 ? 1 : 0);
            default -> ratio(2 * hits, e + delivered, 1);
        };
    }

    private static double ratio(double top, double bottom, double whenEmpty) {
        return bottom == 0 ? whenEmpty : Math.min(1, top / bottom);
    }

    /** The arithmetic of {@code scheme} in words, for the summary: {@code 3 of 4 rows match, 1 extra row counted}. */
    String explain(Scheme scheme) {
        String unit = scheme.cells() ? "cells" : "rows";
        long hits = scheme.cells() ? matchedCells : matchedRows;
        long c = scheme.cells() ? cellsPerRow : 1;
        String counts =
                counted > 0 ? ", " + counted + " unmatched output row" + (counted == 1 ? "" : "s") + " counted" : "";
        return switch (scheme) {
            case RECALL_ROWS, RECALL_CELLS -> hits + " of " + c * expected + " " + unit + " match" + counts;
            case PRECISION_ROWS, PRECISION_CELLS -> hits + " of " + c * (found + counted) + " delivered " + unit
                    + " match";
            default -> "F1 of " + hits + " matching " + unit + ": " + c * expected + " expected, "
                    + c * (found + counted) + " delivered";
        };
    }
}
