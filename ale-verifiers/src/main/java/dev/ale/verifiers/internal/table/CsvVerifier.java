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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code csv} verifier built by {@link CsvVerifierFactory}; immutable. Each call reads the
 * expected rows into a map by key, then streams the output once; the score is computed by
 * {@link TableScore}.
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

    /** One expected row and what the output did with it. Local to one call. */
    private static final class Row {
        final Object[] cells;
        final int ordinal;
        int found = -1;
        int matchedCells;
        boolean inOrder = true;

        Row(Object[] cells, int ordinal) {
            this.cells = cells;
            this.ordinal = ordinal;
        }
    }

    /** What one call found in the output, with the first few examples of each kind. */
    private static final class Findings {
        final List<String> foundKeys = new ArrayList<>();
        final List<Row> found = new ArrayList<>();
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
        Map<String, Row> expected;
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
            expected = readExpected(t, t.columns(key), t.columns(columns), cellRules);
        }
        Findings tally = new Findings();
        LabelMetrics metrics =
                gates.labelled() ? new LabelMetrics(gates.labels(), gates.positive(), gates.separator()) : null;
        List<String> order = gates.orderGate() ? List.copyOf(expected.keySet()) : List.of();
        try (Table t = Table.open(ctx, file, Side.OUTPUT)) {
            gates.checkHeader(t, referenceHeader, referenceRaw, file.describe());
            t.columns(gates.required(), header);
            int[] keys = t.columns(key, header);
            int[] cells = t.columns(columns, header);
            long n = 0;
            for (List<String> row = t.next(); row != null; row = t.next()) {
                String k = keyRule.keyOf(row, keys, ++n);
                Row want = expected.get(k);
                gates.checkValues(row, cells, columns, t.where(), file.describe());
                if (gates.orderGate()
                        && (n > order.size() || !order.get((int) n - 1).equals(k))) {
                    throw new GateFailure(
                            file.describe(),
                            "the reference's keys in the reference's order",
                            display(k) + " on " + t.where()
                                    + (n > order.size()
                                            ? " after the last one"
                                            : " where " + display(order.get((int) n - 1)) + " belongs"));
                }
                if (want == null) {
                    if (metrics != null && policy.extraRows() == Policy.Extra.PENALIZE) {
                        metrics.extra(row, cells);
                    }
                    gate(
                            policy.extraRows() == Policy.Extra.GATE,
                            "no rows beyond the expected",
                            "extra " + display(k) + " on " + t.where());
                    tally.extra++;
                    Findings.note(tally.extraKeys, display(k));
                } else if (want.found >= 0) {
                    gate(
                            policy.duplicateKeys() == Policy.Duplicates.GATE,
                            "each key once",
                            display(k) + " again on " + t.where());
                    tally.duplicates++;
                    Findings.note(tally.duplicateKeys, display(k) + " again on " + t.where());
                } else {
                    want.found = tally.found.size();
                    tally.found.add(want);
                    if (policy.sameOrder()) {
                        tally.foundKeys.add(k);
                    }
                    if (metrics != null) {
                        metrics.row(want.cells, row, cells);
                        want.matchedCells = columns.size();
                    } else {
                        compareRow(want, row, cells, cellRules, columns, k, tally);
                    }
                }
            }
            if (gates.orderGate() && n < order.size()) {
                throw new GateFailure(
                        file.describe(),
                        "the reference's keys in the reference's order",
                        "no row for " + display(order.get((int) n)) + " and after");
            }
        }
        if (metrics != null) {
            for (Row r : expected.values()) {
                if (r.found < 0) {
                    metrics.row(r.cells, null, null);
                }
            }
            Verdict rows = verdict(expected, tally, columns.size(), List.of());
            return metrics.verdict(
                    file.describe(), rows.checks().subList(1, rows.checks().size()));
        }
        List<String> outOfOrder = policy.sameOrder() && !key.isEmpty() ? order(tally) : List.of();
        return verdict(expected, tally, columns.size(), outOfOrder);
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

    private Map<String, Row> readExpected(Table t, int[] keys, int[] cells, CellRule[] cellRules)
            throws GateFailure, IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        long n = 0;
        for (List<String> row = t.next(); row != null; row = t.next()) {
            Object[] values = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                values[i] = cellRules[i].prepare(Table.cell(row, cells[i]));
            }
            String k = keyRule.keyOf(row, keys, ++n);
            if (rows.putIfAbsent(k, new Row(values, rows.size())) != null) {
                throw new AleException("reference/" + expectedFile.path(), "", t.where() + ": duplicate " + display(k));
            }
        }
        return rows;
    }

    private void compareRow(
            Row want,
            List<String> row,
            int[] cells,
            CellRule[] cellRules,
            List<String> columns,
            String k,
            Findings tally) {
        boolean noted = false;
        for (int i = 0; i < cells.length; i++) {
            String actual = Table.cell(row, cells[i]);
            if (cellRules[i].matches(want.cells[i], actual)) {
                want.matchedCells++;
            } else if (!noted) {
                noted = true;
                tally.mismatched++;
                Findings.note(
                        tally.mismatches,
                        display(k) + ": " + columns.get(i) + " expected " + Render.quoted(CellRule.show(want.cells[i]))
                                + " (" + cellRules[i].describe() + "), got " + Render.quoted(actual));
            }
        }
    }

    /** Marks the rows outside a longest in-order run; returns the first few of them. */
    private List<String> order(Findings tally) {
        int[] positions = new int[tally.found.size()];
        for (int j = 0; j < positions.length; j++) {
            positions[j] = tally.found.get(j).ordinal;
        }
        boolean[] in = RowOrder.inOrder(positions, positions.length);
        List<String> out = new ArrayList<>();
        long count = 0;
        for (int j = 0; j < in.length; j++) {
            if (!in[j]) {
                tally.found.get(j).inOrder = false;
                count++;
                Findings.note(out, display(tally.foundKeys.get(j)));
            }
        }
        return count == 0 ? List.of() : List.of(Render.some(out, count));
    }

    private Verdict verdict(Map<String, Row> expected, Findings tally, int columns, List<String> outOfOrder)
            throws GateFailure {
        long matchedRows = 0;
        long matchedCells = 0;
        for (Row r : tally.found) {
            if (r.inOrder) {
                matchedRows += r.matchedCells == columns ? 1 : 0;
                matchedCells += columns == 0 ? 1 : r.matchedCells;
            }
        }
        long missing = expected.size() - tally.found.size();
        List<String> missingKeys = new ArrayList<>();
        if (missing > 0) {
            for (Map.Entry<String, Row> e : expected.entrySet()) {
                if (e.getValue().found < 0 && missingKeys.size() < LISTED) {
                    missingKeys.add(display(e.getKey()));
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
                expected.size(), tally.found.size(), matchedRows, matchedCells, Math.max(columns, 1), counted);
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
        if (!outOfOrder.isEmpty()) {
            checks.add(Check.fail("rows out of order", "the expected order", outOfOrder.get(0)));
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

    private String display(String k) {
        return KeyRule.display(k, key.size());
    }
}
