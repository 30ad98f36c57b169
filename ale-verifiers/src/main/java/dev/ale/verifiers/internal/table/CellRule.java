package dev.ale.verifiers.internal.table;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.verifiers.internal.support.Numbers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Tolerance;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * How one table column's cells are compared. Text (the default): exactly, or after trimming
 * ({@code trim}), collapsing every run of white space to one space and trimming
 * ({@code normalizeWhitespace}), and without case ({@code ignoreCase}). Numeric
 * ({@code numeric: true}, or implied by {@code abs} / {@code rel}): both cells read with
 * {@link Numbers} and compared within the {@link Tolerance}; an expected cell that is not a number
 * (such as an empty one) is compared as trimmed text.
 */
@API(status = INTERNAL)
public record CellRule(
        boolean numeric, Tolerance tolerance, boolean ignoreCase, boolean trim, boolean normalizeWhitespace) {
    static final CellRule EXACT = new CellRule(false, Tolerance.EXACT, false, false, false);

    /** Reads the options of one column ({@code abs}, {@code rel}, {@code numeric}, {@code ignoreCase}, {@code trim}, {@code normalizeWhitespace}). */
    static CellRule read(Options o) {
        Tolerance t = Tolerance.read(o);
        boolean bounded = t.abs() != null || t.rel() != null;
        boolean numeric = o.bool("numeric", bounded);
        if (bounded && !numeric) {
            throw o.error("numeric", "abs and rel apply to numeric columns only");
        }
        for (String text : new String[] {"ignoreCase", "trim", "normalizeWhitespace"}) {
            if (numeric && o.has(text)) {
                throw o.error(text, "text options cannot be combined with a numeric column");
            }
        }
        return new CellRule(
                numeric, t, o.bool("ignoreCase", false), o.bool("trim", false), o.bool("normalizeWhitespace", false));
    }

    /**
     * The expected cell as it is kept: for a numeric column its number when it holds one, else
     * the cell itself.
     */
    Object prepare(String expected) {
        if (numeric) {
            BigDecimal d = Numbers.parse(expected);
            return d != null ? d : expected;
        }
        return expected;
    }

    /** Whether {@code actual} matches the expected cell, {@link #prepare prepared}. */
    boolean matches(Object expected, String actual) {
        if (expected instanceof BigDecimal e) {
            BigDecimal a = Numbers.parse(actual);
            return a != null && tolerance.accepts(e, a);
        }
        String text = (String) expected;
        if (numeric) {
            return text.strip().equals(actual.strip());
        }
        return !trim && !ignoreCase && !normalizeWhitespace
                ? text.equals(actual)
                : text(text).equals(text(actual));
    }

    /** A prepared expected cell as messages show it. */
    static String show(Object prepared) {
        return prepared instanceof BigDecimal d ? d.toPlainString() : (String) prepared;
    }

    private String text(String s) {
        String t = normalizeWhitespace ? collapse(s) : trim ? s.strip() : s;
        return ignoreCase ? fold(t) : t;
    }

    /** {@code s} trimmed, each run of white space (as {@link Character#isWhitespace}) one space. */
    public static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Case folded as {@link String#equalsIgnoreCase} compares: two folded strings are equal exactly then. */
    public static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
        }
        return new String(out);
    }

    /** The rule in a few words, for checks. */
    String describe() {
        if (numeric) {
            return tolerance.describe();
        }
        return (normalizeWhitespace ? "spaces normalised" : trim ? "trimmed" : "exact")
                + (ignoreCase ? ", any case" : "");
    }
}
