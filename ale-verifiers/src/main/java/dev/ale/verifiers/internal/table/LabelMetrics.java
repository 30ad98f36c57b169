package dev.ale.verifiers.internal.table;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classification metrics over label columns, for the {@code csv} verifier's
 * {@code score: "macro-f1-labels"}: each label column holds one binary decision per row, a cell
 * equal to {@code positive} being a positive; or one set-valued column holds them all
 * ({@code labelColumn}, values split at {@code separator}). For each label, over the expected rows:
 * tp = rows positive in both tables, fp = positive in the output only, fn = positive in the
 * reference only (an expected row the output lacks predicts no positive). Precision tp/(tp+fp),
 * recall tp/(tp+fn), F1 = 2tp/(2tp+fp+fn), each 0 when its denominator is 0. Score = the mean F1
 * over the labels (macro F1). One call's counts; not thread-safe, made per verification.
 */
final class LabelMetrics {
    private final List<String> labels;
    private final String positive;
    private final String separator;
    private final long[] tp;
    private final long[] fp;
    private final long[] fn;
    private final byte[] positiveBytes;

    /**
     * Binary label columns ({@code separator} null: label i is positive when its own column
     * holds {@code positive}) or one set-valued column (label i is positive when it is one of
     * the column's values split at {@code separator}, trimmed).
     */
    LabelMetrics(List<String> labels, String positive, String separator) {
        this.labels = List.copyOf(labels);
        this.positive = positive;
        this.separator = separator;
        this.positiveBytes = positive == null ? null : Cells.utf8(positive);
        this.tp = new long[labels.size()];
        this.fp = new long[labels.size()];
        this.fn = new long[labels.size()];
    }

    /** The label cells of one row: cell i as text, or whether it holds exactly some UTF-8 bytes. */
    interface LabelRow {
        String text(int i);

        boolean is(int i, byte[] utf8);
    }

    /** The label cells of an output row, at {@code cells} of the record. */
    static LabelRow output(Cells row, int[] cells) {
        return new LabelRow() {
            @Override
            public String text(int i) {
                return row.text(cells[i]);
            }

            @Override
            public boolean is(int i, byte[] utf8) {
                return row.is(cells[i], utf8);
            }
        };
    }

    /** The label cells of expected row {@code r}. */
    static LabelRow expected(ExpectedRows rows, int r) {
        return new LabelRow() {
            @Override
            public String text(int i) {
                return rows.column(i).text(r);
            }

            @Override
            public boolean is(int i, byte[] utf8) {
                return rows.column(i).is(r, utf8, 0, utf8.length);
            }
        };
    }

    /** Counts one expected row against the output's (null: the output lacks the row). */
    void row(LabelRow expected, LabelRow actual) {
        boolean[] gold = decide(expected);
        boolean[] pred = actual == null ? new boolean[labels.size()] : decide(actual);
        for (int i = 0; i < labels.size(); i++) {
            count(i, gold[i], pred[i]);
        }
    }

    /**
     * {@link #row(LabelRow, LabelRow)} of expected row {@code r} and the output row whose label
     * cells are at {@code cells}; with binary label columns, without an object per row (it runs
     * for every row of a table).
     */
    void row(ExpectedRows rows, int r, Cells row, int[] cells) {
        if (separator != null) {
            row(expected(rows, r), output(row, cells));
            return;
        }
        for (int i = 0; i < tp.length; i++) {
            count(i, rows.column(i).is(r, positiveBytes, 0, positiveBytes.length), row.is(cells[i], positiveBytes));
        }
    }

    private void count(int label, boolean gold, boolean pred) {
        if (gold && pred) {
            tp[label]++;
        } else if (pred) {
            fp[label]++;
        } else if (gold) {
            fn[label]++;
        }
    }

    /** Counts the positives of an output row whose key the reference lacks as false positives. */
    void extra(LabelRow actual) {
        boolean[] pred = decide(actual);
        for (int i = 0; i < labels.size(); i++) {
            fp[i] += pred[i] ? 1 : 0;
        }
    }

    /** Each label's decision in one row. */
    private boolean[] decide(LabelRow row) {
        boolean[] out = new boolean[labels.size()];
        if (separator == null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = row.is(i, positiveBytes);
            }
            return out;
        }
        Set<String> values = new HashSet<>();
        for (String v : row.text(0).split(Pattern.quote(separator), -1)) {
            values.add(v.strip());
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = values.contains(labels.get(i));
        }
        return out;
    }

    double f1(int i) {
        long d = 2 * tp[i] + fp[i] + fn[i];
        return d == 0 ? 0 : 2.0 * tp[i] / d;
    }

    /** The verdict: macro F1 as the score, one check per label. */
    Verdict verdict(String where, List<Check> extraChecks) {
        List<Check> checks = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            double f = f1(i);
            sum += f;
            double p = tp[i] + fp[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fp[i]);
            double r = tp[i] + fn[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fn[i]);
            checks.add(Check.partial(
                    labels.get(i),
                    f,
                    "F1 of '" + positive + "'",
                    String.format(
                            Locale.ROOT,
                            "precision %.3f, recall %.3f, F1 %.3f (tp %d, fp %d, fn %d)",
                            p,
                            r,
                            f,
                            tp[i],
                            fp[i],
                            fn[i])));
        }
        double macro = sum / labels.size();
        checks.addAll(extraChecks);
        return Verdict.of(
                Math.min(1, macro),
                String.format(Locale.ROOT, "macro F1 %.4f over %d labels in %s", macro, labels.size(), where),
                checks);
    }
}
