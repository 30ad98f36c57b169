package dev.ale.verifiers.internal.table;

import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.verifiers.internal.support.FileVerifier;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.SafeFiles;
import dev.ale.verifiers.internal.support.Side;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code csv} verifier built by {@link CsvVerifierFactory}; immutable. Each call reads the
 * expected rows into compact columns with a hash of their keys ({@link ExpectedRows}), then
 * streams the output once, comparing its cells as UTF-8 bytes where a column's rule is exact text
 * and as strings under the other rules; the score is computed by {@link TableScore}.
 *
 * @param key     key columns; empty: rows are matched by position
 * @param compare compared columns; empty: every expected column but the keys
 * @param rules   per-column rules; columns not named compare as exact text
 * @param header  how the output header is matched to the configured names
 */
record CsvVerifier(
        TableFile file,
        TableFile expectedFile,
        List<String> key,
        List<String> compare,
        Map<String, CellRule> rules,
        HeaderMatch header,
        KeyRule keyRule,
        Policy policy,
        TableGates gates)
        implements FileVerifier {
    private static final int LISTED = 5;

    /** The scoring choices of a config: the scheme, and what rows out of order, extra, missing or repeated do. */
    record Policy(
            TableScore.Scheme scheme, Order order, Extra extraRows, Missing missingRows, Duplicates duplicateKeys) {
        /** {@code order}: rows in any order, out of order rows counted wrong, or out of order rows a gate. */
        enum Order {
            ANY,
            SAME,
            GATE
        }

        /** {@code extraRows}: output rows whose key the reference lacks. */
        enum Extra {
            IGNORE,
            PENALIZE,
            GATE
        }

        /** {@code missingRows}: expected rows the output lacks. */
        enum Missing {
            PENALIZE,
            GATE
        }

        /** {@code duplicateKeys}: output rows whose key came before. */
        enum Duplicates {
            FIRST,
            PENALIZE,
            GATE
        }

        boolean sameOrder() {
            return order == Order.SAME;
        }
    }

    CsvVerifier {
        key = List.copyOf(key);
        compare = List.copyOf(compare);
        rules = Map.copyOf(rules);
    }

    /** What one call found in the output, with the first few examples of each kind. */
    private static final class Findings {
        long extra;
        long duplicates;
        long mismatched;
        final List<String> extraKeys = new ArrayList<>();
        final List<String> duplicateKeys = new ArrayList<>();
        final List<String> mismatches = new ArrayList<>();

        static void note(List<String> examples, String example) {
            if (examples.size() < LISTED) {
                examples.add(example);
            }
        }
    }

    @Override
    public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
        List<String> columns;
        ExpectedRows expected;
        CellRule[] cellRules;
        List<String> referenceHeader;
        List<String> referenceRaw;
        try (Table t = Table.open(ctx, expectedFile, Side.REFERENCE)) {
            referenceHeader = t.header();
            referenceRaw = t.rawHeader();
            columns = gates.labelled() ? gates.labelColumns() : compare.isEmpty() ? withoutKeys(t.header()) : compare;
            for (String c : rules.keySet()) {
                if (!columns.contains(c)) {
                    throw SafeFiles.referenceError(expectedFile.path(), "has no column '" + c + "' named in columns");
                }
            }
            cellRules = new CellRule[columns.size()];
            for (int i = 0; i < cellRules.length; i++) {
                cellRules[i] = rules.getOrDefault(columns.get(i), CellRule.EXACT);
            }
            expected = readExpected(t, t.columns(key), t.columns(columns));
        }
        Findings tally = new Findings();
        LabelMetrics metrics =
                gates.labelled() ? new LabelMetrics(gates.labels(), gates.positive(), gates.separator()) : null;
        try (Table t = Table.open(ctx, file, Side.OUTPUT)) {
            gates.checkHeader(t, referenceHeader, referenceRaw, file.describe());
            t.columns(gates.required(), header);
            int[] keys = t.columns(key, header);
            int[] cells = t.columns(columns, header);
            byte[][] allowed = gates.valueBytes();
            KeyBytes k = new KeyBytes();
            long n = 0;
            int previous = -1;
            for (Cells row = t.nextCells(); row != null; row = t.nextCells()) {
                n++;
                if (keys.length > 0) {
                    keyRule.keyOf(row, keys, k);
                }
                int want = expected.find(k, n, previous + 1);
                previous = want >= 0 ? want : previous;
                gates.checkValues(row, cells, allowed, columns, t, file.describe());
                if (gates.orderGate() && (n > expected.size() || !expected.hasKey((int) n - 1, k))) {
                    throw new GateFailure(
                            file.describe(),
                            "the reference's keys in the reference's order",
                            display(keyText(k, n)) + " on " + t.where()
                                    + (n > expected.size()
                                            ? " after the last one"
                                            : " where " + display(expected.key((int) n - 1)) + " belongs"));
                }
                if (want < 0) {
                    if (metrics != null && policy.extraRows() == Policy.Extra.PENALIZE) {
                        metrics.extra(LabelMetrics.output(row, cells));
                    }
                    if (policy.extraRows() == Policy.Extra.GATE || tally.extraKeys.size() < LISTED) {
                        String shown = display(keyText(k, n));
                        gate(
                                policy.extraRows() == Policy.Extra.GATE,
                                "no rows beyond the expected",
                                "extra " + shown + " on " + t.where());
                        tally.extraKeys.add(shown);
                    }
                    tally.extra++;
                } else if (expected.isFound(want)) {
                    if (policy.duplicateKeys() == Policy.Duplicates.GATE || tally.duplicateKeys.size() < LISTED) {
                        String again = display(keyText(k, n)) + " again on " + t.where();
                        gate(policy.duplicateKeys() == Policy.Duplicates.GATE, "each key once", again);
                        tally.duplicateKeys.add(again);
                    }
                    tally.duplicates++;
                } else if (metrics != null) {
                    metrics.row(expected, want, row, cells);
                    expected.found(want, columns.size());
                } else {
                    expected.found(want, compareRow(expected, want, row, cells, cellRules, columns, tally));
                }
            }
            if (gates.orderGate() && n < expected.size()) {
                throw new GateFailure(
                        file.describe(),
                        "the reference's keys in the reference's order",
                        "no row for " + display(expected.key((int) n)) + " and after");
            }
        }
        if (metrics != null) {
            for (int r = 0; r < expected.size(); r++) {
                if (!expected.isFound(r)) {
                    metrics.row(LabelMetrics.expected(expected, r), null);
                }
            }
            Verdict rows = verdict(expected, tally, columns.size(), null);
            return metrics.verdict(
                    file.describe(), rows.checks().subList(1, rows.checks().size()));
        }
        boolean[] inOrder = policy.sameOrder() && !key.isEmpty()
                ? RowOrder.inOrder(foundRows(expected), expected.foundCount())
                : null;
        return verdict(expected, tally, columns.size(), inOrder);
    }

    private void gate(boolean gate, String expectedText, String problem) throws GateFailure {
        if (gate) {
            throw new GateFailure(file.describe(), expectedText, problem);
        }
    }

    private List<String> withoutKeys(List<String> tableHeader) {
        List<String> out = new ArrayList<>(tableHeader);
        out.removeAll(key);
        return out;
    }

    private ExpectedRows readExpected(Table t, int[] keys, int[] cells) throws GateFailure, IOException {
        ExpectedRows rows =
                new ExpectedRows(keys.length > 0, cells.length, policy.sameOrder() && keys.length > 0, KeyIndex.MIX);
        KeyBytes k = new KeyBytes();
        for (Cells row = t.nextCells(); row != null; row = t.nextCells()) {
            if (keys.length > 0) {
                keyRule.keyOf(row, keys, k);
            }
            if (rows.add(k, row, cells) >= 0) {
                throw new AleException(
                        "reference/" + expectedFile.path(), "", t.where() + ": duplicate " + display(k.text()));
            }
        }
        return rows;
    }

    /** Compares the cells of a found row; returns how many match and notes the first that does not. */
    private int compareRow(
            ExpectedRows expected,
            int want,
            Cells row,
            int[] cells,
            CellRule[] cellRules,
            List<String> columns,
            Findings tally) {
        int matched = 0;
        boolean noted = false;
        for (int i = 0; i < cells.length; i++) {
            ByteColumn column = expected.column(i);
            CellRule rule = cellRules[i];
            if (rule.exact()
                    ? column.is(want, row, cells[i])
                    : rule.matches(rule.prepare(column.text(want)), row.text(cells[i]))) {
                matched++;
            } else if (!noted) {
                noted = true;
                tally.mismatched++;
                if (tally.mismatches.size() < LISTED) {
                    tally.mismatches.add(display(expected.key(want)) + ": " + columns.get(i) + " expected "
                            + Render.quoted(CellRule.show(rule.prepare(column.text(want))))
                            + " (" + rule.describe() + "), got " + Render.quoted(row.text(cells[i])));
                }
            }
        }
        return matched;
    }

    private static int[] foundRows(ExpectedRows expected) {
        int[] positions = new int[expected.foundCount()];
        for (int j = 0; j < positions.length; j++) {
            positions[j] = expected.foundRow(j);
        }
        return positions;
    }

    private Verdict verdict(ExpectedRows expected, Findings tally, int columns, boolean[] inOrder) throws GateFailure {
        long matchedRows = expected.fullRows();
        long matchedCells = expected.matchedCells();
        List<String> outOfOrder = new ArrayList<>();
        long disordered = 0;
        for (int j = 0; inOrder != null && j < expected.foundCount(); j++) {
            if (!inOrder[j]) {
                int m = expected.matchedCells(j);
                matchedRows -= m == columns ? 1 : 0;
                matchedCells -= columns == 0 ? 1 : m;
                disordered++;
                Findings.note(outOfOrder, display(expected.key(expected.foundRow(j))));
            }
        }
        long missing = expected.size() - expected.foundCount();
        List<String> missingKeys = new ArrayList<>();
        if (missing > 0) {
            for (int r = 0; r < expected.size() && missingKeys.size() < LISTED; r++) {
                if (!expected.isFound(r)) {
                    missingKeys.add(display(expected.key(r)));
                }
            }
            gate(
                    policy.missingRows() == Policy.Missing.GATE,
                    "every expected row",
                    "missing " + Render.some(missingKeys, missing));
        }
        boolean extraCounted = policy.extraRows() == Policy.Extra.PENALIZE;
        long counted = (extraCounted ? tally.extra : 0)
                + (extraCounted || policy.duplicateKeys() == Policy.Duplicates.PENALIZE ? tally.duplicates : 0);
        TableScore counts = new TableScore(
                expected.size(), expected.foundCount(), matchedRows, matchedCells, Math.max(columns, 1), counted);
        TableScore.Scheme scheme = policy.scheme();
        double score = counts.score(scheme);
        List<Check> checks = new ArrayList<>();
        String summary;
        if (scheme == TableScore.Scheme.RECALL_ROWS) {
            summary = matchedRows + " of " + expected.size() + " rows match in " + file.describe()
                    + (counted > 0 ? ", " + counted + " extra rows penalized" : "");
            checks.add(Check.partial("rows", score, expected.size() + " rows", matchedRows + " match"));
        } else {
            summary = scheme.word() + " " + Math.round(score * 1000) / 1000.0 + " in " + file.describe() + ": "
                    + counts.explain(scheme);
            checks.add(Check.partial(scheme.cells() ? "cells" : "rows", score, scheme.word(), counts.explain(scheme)));
        }
        if (missing > 0) {
            checks.add(Check.fail("missing rows", "none", Render.some(missingKeys, missing)));
        }
        if (tally.mismatched > 0) {
            checks.add(Check.fail("mismatched rows", "none", Render.some(tally.mismatches, tally.mismatched)));
        }
        if (disordered > 0) {
            checks.add(Check.fail("rows out of order", "the expected order", Render.some(outOfOrder, disordered)));
        }
        if (tally.extra > 0) {
            String what = Render.some(tally.extraKeys, tally.extra) + (extraCounted ? "" : " (ignored)");
            checks.add(
                    extraCounted ? Check.fail("extra rows", "none", what) : Check.pass("extra rows", "ignored", what));
        }
        if (tally.duplicates > 0) {
            checks.add(
                    Check.fail("duplicate keys", "each key once", Render.some(tally.duplicateKeys, tally.duplicates)));
        }
        return Verdict.of(score, summary, checks);
    }

    /** The key of the output's row {@code n} as a string: its key cells, or {@code #n} without key columns. */
    private String keyText(KeyBytes k, long n) {
        return key.isEmpty() ? "#" + n : k.text();
    }

    private String display(String k) {
        return KeyRule.display(k, key.size());
    }
}
