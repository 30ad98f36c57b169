package dev.ale.verifiers.internal.table;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.verifiers.internal.support.NumberProfile;
import dev.ale.verifiers.internal.support.Numbers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.Tolerance;
import java.math.BigDecimal;
import java.util.List;
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
        boolean numeric,
        Tolerance tolerance,
        boolean ignoreCase,
        boolean trim,
        boolean normalizeWhitespace,
        List<String> empty,
        NumberProfile numbers) {
    static final CellRule EXACT =
            new CellRule(false, Tolerance.EXACT, false, false, false, List.of(), NumberProfile.DEFAULT);

    /** What a prepared expected cell is when it holds one of the {@code empty} values. */
    static final Object EMPTY = new Object() {
        @Override
        public String toString() {
            return "(empty)";
        }
    };

    public CellRule {
        empty = List.copyOf(empty);
    }

    /**
     * Reads the options of one column ({@code abs}, {@code rel}, {@code strict}, {@code float},
     * {@code numeric}, {@code numbers}, {@code ignoreCase}, {@code trim},
     * {@code normalizeWhitespace}, {@code empty}).
     */
    static CellRule read(Options o) {
        Tolerance t = Tolerance.read(o);
        boolean bounded = t.abs() != null || t.rel() != null;
        boolean numeric = o.bool("numeric", bounded || o.has("numbers") || o.has("float"));
        if (bounded && !numeric) {
            throw o.error("numeric", "abs and rel apply to numeric columns only");
        }
        if (o.has("strict") && !bounded) {
            throw o.error("strict", "strict makes abs or rel exclusive; give abs or rel");
        }
        for (String text : new String[] {"ignoreCase", "trim", "normalizeWhitespace"}) {
            if (numeric && o.has(text)) {
                throw o.error(text, "text options cannot be combined with a numeric column");
            }
        }
        if (!numeric && (o.has("numbers") || o.has("float"))) {
            throw o.error(o.has("numbers") ? "numbers" : "float", "applies to numeric columns only");
        }
        NumberProfile numbers = o.has("numbers")
                ? NumberProfile.read(o.object("numbers", NumberProfile.OPTIONS))
                : NumberProfile.DEFAULT;
        List<String> empty = o.has("empty") ? o.strings("empty", true) : List.of();
        return new CellRule(
                numeric,
                t,
                o.bool("ignoreCase", false),
                o.bool("trim", false),
                o.bool("normalizeWhitespace", false),
                empty,
                numbers);
    }

    /**
     * The expected cell as it is kept: {@link #EMPTY} when it is one of the {@code empty} values
     * (trimmed), for a numeric column its number when it holds one, else the cell itself.
     */
    Object prepare(String expected) {
        if (!empty.isEmpty() && empty.contains(expected.strip())) {
            return EMPTY;
        }
        if (numeric) {
            BigDecimal d = numbers.parse(expected);
            return d != null ? d : expected;
        }
        return expected;
    }

    /**
     * Whether {@code actual} matches the expected cell, {@link #prepare prepared}. With
     * {@code empty}, an expected empty value matches any of them in the output (trimmed), and an
     * output empty value matches only those.
     */
    boolean matches(Object expected, String actual) {
        if (!empty.isEmpty()) {
            boolean none = empty.contains(actual.strip());
            if (expected == EMPTY || none) {
                return expected == EMPTY && none;
            }
        }
        if (expected instanceof BigDecimal e) {
            BigDecimal a = numbers.parse(actual);
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

    /** Whether cells compare as exact text, so that equal UTF-8 bytes are equal cells. */
    boolean exact() {
        return !numeric && !trim && !ignoreCase && !normalizeWhitespace && empty.isEmpty();
    }

    /** A prepared expected cell as messages show it. */
    static String show(Object prepared) {
        return prepared instanceof BigDecimal d ? d.toPlainString() : prepared.toString();
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
        String empties = empty.isEmpty()
                ? ""
                : ", empty as "
                        + String.join(" or ", empty.stream().map(Render::quoted).toList());
        if (numeric) {
            String profile = numbers.describe();
            return tolerance.describe() + (profile.isEmpty() ? "" : ", " + profile) + empties;
        }
        return (normalizeWhitespace ? "spaces normalised" : trim ? "trimmed" : "exact")
                + (ignoreCase ? ", any case" : "")
                + empties;
    }
}
