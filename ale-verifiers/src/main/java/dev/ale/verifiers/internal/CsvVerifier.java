package dev.ale.verifiers.internal;

import dev.ale.api.AleException;
import dev.ale.api.Check;
import dev.ale.api.Verdict;
import dev.ale.api.VerificationContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code csv} verifier built by {@link CsvVerifierFactory}; immutable. Each call hashes the
 * expected rows by key, then streams the output once.
 *
 * @param key     key columns; empty: rows are matched by position
 * @param compare compared columns; empty: every expected column but the keys
 * @param rules   per-column rules; columns not named compare as exact text
 */
record CsvVerifier(RelPath file, RelPath expectedFile, List<String> key, List<String> compare,
        Map<String, CellRule> rules, char delimiter, boolean penalize) implements FileVerifier {
    private static final int LISTED = 5;

    CsvVerifier {
        key = List.copyOf(key);
        compare = List.copyOf(compare);
        rules = Map.copyOf(rules);
    }

    /** One expected row: the compared cells, and whether the output had it. Local to one call. */
    private static final class Row {
        final String[] cells;
        boolean seen;

        Row(String[] cells) {
            this.cells = cells;
        }
    }

    /** What one call found, with the first few examples of each kind. */
    private static final class Tally {
        long matched;
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
        try (CsvTable t = CsvTable.reference(ctx, expectedFile, delimiter)) {
            columns = compare.isEmpty() ? withoutKeys(t.header()) : compare;
            for (String c : rules.keySet()) {
                if (!columns.contains(c)) {
                    throw SafeFiles.referenceError(expectedFile, "has no column '" + c + "' named in columns");
                }
            }
            expected = readExpected(t, t.columns(key), t.columns(columns));
        }
        CellRule[] cellRules = new CellRule[columns.size()];
        for (int i = 0; i < cellRules.length; i++) {
            cellRules[i] = rules.getOrDefault(columns.get(i), CellRule.EXACT);
        }
        Tally tally = new Tally();
        try (CsvTable t = CsvTable.output(ctx, file, delimiter)) {
            int[] keys = t.columns(key);
            int[] cells = t.columns(columns);
            long n = 0;
            for (List<String> row = t.next(); row != null; row = t.next()) {
                String k = keyOf(row, keys, ++n);
                Row want = expected.get(k);
                if (want == null) {
                    tally.extra++;
                    Tally.note(tally.extraKeys, display(k));
                } else if (want.seen) {
                    tally.duplicates++;
                    Tally.note(tally.duplicateKeys, display(k) + " again on line " + t.line());
                } else {
                    want.seen = true;
                    compareRow(want.cells, row, cells, cellRules, columns, k, tally);
                }
            }
        }
        return verdict(expected, tally);
    }

    private List<String> withoutKeys(List<String> header) {
        List<String> out = new ArrayList<>(header);
        out.removeAll(key);
        return out;
    }

    private Map<String, Row> readExpected(CsvTable t, int[] keys, int[] cells) throws GateFailure, IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        long n = 0;
        for (List<String> row = t.next(); row != null; row = t.next()) {
            String[] values = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                values[i] = CsvTable.cell(row, cells[i]);
            }
            String k = keyOf(row, keys, ++n);
            if (rows.putIfAbsent(k, new Row(values)) != null) {
                throw new AleException("reference/" + expectedFile, "", "line " + t.line() + ": duplicate " + display(k));
            }
        }
        return rows;
    }

    private void compareRow(String[] want, List<String> row, int[] cells, CellRule[] cellRules, List<String> columns,
            String k, Tally tally) {
        for (int i = 0; i < cells.length; i++) {
            String actual = CsvTable.cell(row, cells[i]);
            if (!cellRules[i].matches(want[i], actual)) {
                tally.mismatched++;
                Tally.note(tally.mismatches, display(k) + ": " + columns.get(i) + " expected " + Render.quoted(want[i])
                        + " (" + cellRules[i].describe() + "), got " + Render.quoted(actual));
                return;
            }
        }
        tally.matched++;
    }

    private Verdict verdict(Map<String, Row> expected, Tally tally) {
        List<Check> checks = new ArrayList<>();
        long unmatched = penalize ? tally.extra + tally.duplicates : 0;
        long denominator = expected.size() + unmatched;
        double score = denominator == 0 ? 1 : (double) tally.matched / denominator;
        String summary = tally.matched + " of " + expected.size() + " rows match in " + file
                + (unmatched > 0 ? ", " + unmatched + " extra rows penalized" : "");
        checks.add(Check.partial("rows", score, expected.size() + " rows", tally.matched + " match"));
        long missing = expected.size() - tally.matched - tally.mismatched;
        if (missing > 0) {
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, Row> e : expected.entrySet()) {
                if (!e.getValue().seen && keys.size() < LISTED) {
                    keys.add(display(e.getKey()));
                }
            }
            checks.add(Check.fail("missing rows", "none", Render.some(keys, missing)));
        }
        if (tally.mismatched > 0) {
            checks.add(Check.fail("mismatched rows", "none", Render.some(tally.mismatches, tally.mismatched)));
        }
        if (tally.extra > 0) {
            String what = Render.some(tally.extraKeys, tally.extra) + (penalize ? "" : " (ignored)");
            checks.add(penalize ? Check.fail("extra rows", "none", what) : Check.pass("extra rows", "ignored", what));
        }
        if (tally.duplicates > 0) {
            checks.add(Check.fail("duplicate keys", "each key once", Render.some(tally.duplicateKeys, tally.duplicates)));
        }
        return Verdict.of(score, summary, checks);
    }

    /**
     * The normalised key of a row: its trimmed key cells, or its position when there is no key.
     * Several cells are joined with NUL SOH, a NUL within a cell doubled, so distinct cells give
     * distinct keys.
     */
    private static String keyOf(List<String> row, int[] keys, long n) {
        if (keys.length == 0) {
            return "#" + n;
        }
        if (keys.length == 1) {
            return CsvTable.cell(row, keys[0]).strip();
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                b.append("\0\1");
            }
            b.append(CsvTable.cell(row, keys[i]).strip().replace("\0", "\0\0"));
        }
        return b.toString();
    }

    private String display(String k) {
        if (key.isEmpty()) {
            return "row " + k.substring(1);
        }
        if (key.size() == 1) {
            return "key " + Render.quoted(k);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c == '\0' && i + 1 < k.length()) {
                b.append(k.charAt(++i) == '\1' ? ", " : "\0");
            } else {
                b.append(c);
            }
        }
        return "key " + Render.quoted(b.toString());
    }
}
