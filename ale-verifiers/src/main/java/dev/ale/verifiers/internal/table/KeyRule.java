package dev.ale.verifiers.internal.table;

import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Render;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How the key cells of a table row are normalised before rows are matched, the same way in the
 * reference and in the output: trimmed (by default), without case, and with the leading zeros of
 * a leading run of digits dropped (keeping one digit: {@code 007} → {@code 7}, {@code 000} →
 * {@code 0}, {@code 0042-A} → {@code 42-A}; {@code A007} is left alone).
 */
record KeyRule(boolean trim, boolean ignoreCase, boolean stripLeadingZeros) {
    /** Trimmed only: the behaviour of configs without {@code keyOptions}. */
    static final KeyRule DEFAULT = new KeyRule(true, false, false);

    /** Reads {@code keyOptions}: {@code trim} (default true), {@code ignoreCase}, {@code stripLeadingZeros}. */
    static KeyRule read(Options o) {
        return new KeyRule(o.bool("trim", true), o.bool("ignoreCase", false), o.bool("stripLeadingZeros", false));
    }

    /** One key cell, normalised. */
    String normalize(String cell) {
        String s = trim ? cell.strip() : cell;
        if (ignoreCase) {
            s = CellRule.fold(s);
        }
        if (stripLeadingZeros) {
            int zeros = 0;
            while (zeros + 1 < s.length() && s.charAt(zeros) == '0' && isDigit(s.charAt(zeros + 1))) {
                zeros++;
            }
            s = s.substring(zeros);
        }
        return s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The key of a row: its normalised key cells, or {@code #n} (its position) when there are no
     * key columns. Several cells are joined with NUL SOH, a NUL within a cell doubled, so distinct
     * cells give distinct keys.
     */
    String keyOf(List<String> row, int[] keys, long n) {
        if (keys.length == 0) {
            return "#" + n;
        }
        if (keys.length == 1) {
            return normalize(Table.cell(row, keys[0]));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                b.append("\0\1");
            }
            b.append(normalize(Table.cell(row, keys[i])).replace("\0", "\0\0"));
        }
        return b.toString();
    }

    /**
     * Writes the key of a row into {@code out} as the UTF-8 bytes of the string
     * {@link #keyOf(List, int[], long)} gives for it (there must be key columns): a cell of ASCII
     * characters is normalised byte by byte, any other as a string.
     */
    void keyOf(Cells row, int[] keys, KeyBytes out) {
        out.clear();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.add(0);
                out.add(1);
            }
            add(row, keys[i], keys.length > 1, out);
        }
    }

    private void add(Cells row, int cell, boolean doubleNul, KeyBytes out) {
        byte[] b = row.buffer();
        int s = row.start(cell);
        int e = s + row.length(cell);
        for (int p = s; p < e; p++) {
            if (b[p] < 0) {
                byte[] text = normalize(row.text(cell)).getBytes(StandardCharsets.UTF_8);
                append(text, 0, text.length, false, doubleNul, out);
                return;
            }
        }
        if (trim) {
            while (s < e && whitespace(b[s])) {
                s++;
            }
            while (e > s && whitespace(b[e - 1])) {
                e--;
            }
        }
        if (stripLeadingZeros) {
            while (s + 1 < e && b[s] == '0' && isDigit((char) b[s + 1])) {
                s++;
            }
        }
        append(b, s, e, ignoreCase, doubleNul, out);
    }

    private static void append(byte[] b, int from, int to, boolean lower, boolean doubleNul, KeyBytes out) {
        if (!lower && !doubleNul) {
            out.add(b, from, to);
            return;
        }
        for (int p = from; p < to; p++) {
            int c = b[p];
            out.add(lower && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            if (c == 0 && doubleNul) {
                out.add(0);
            }
        }
    }

    /** {@link Character#isWhitespace} on an ASCII character, as {@link String#strip} uses it. */
    private static boolean whitespace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }

    /** A key as messages show it: {@code key 'A3'}, {@code key 'EU, 2024'} or {@code row 3}. */
    static String display(String k, int keyColumns) {
        if (keyColumns == 0) {
            return "row " + k.substring(1);
        }
        if (keyColumns == 1) {
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

    /** In a few words, for checks. */
    String describe() {
        return (trim ? "trimmed" : "as written")
                + (ignoreCase ? ", any case" : "")
                + (stripLeadingZeros ? ", leading zeros dropped" : "");
    }
}
