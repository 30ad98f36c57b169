package dev.ale.verifiers.internal;

import java.math.BigDecimal;

/**
 * How one CSV column's cells are compared. Text (the default): exactly, or after trimming
 * ({@code trim}) and without case ({@code ignoreCase}). Numeric ({@code numeric: true}, or implied
 * by {@code abs} / {@code rel}): both cells read with {@link Numbers} and compared within the
 * {@link Tolerance}; an expected cell that is not a number (such as an empty one) is compared as
 * trimmed text.
 */
record CellRule(boolean numeric, Tolerance tolerance, boolean ignoreCase, boolean trim) {
    static final CellRule EXACT = new CellRule(false, Tolerance.EXACT, false, false);

    /** Reads the options of one column ({@code abs}, {@code rel}, {@code numeric}, {@code ignoreCase}, {@code trim}). */
    static CellRule read(Opts o) {
        Tolerance t = Tolerance.read(o);
        boolean bounded = t.abs() != null || t.rel() != null;
        boolean numeric = o.bool("numeric", bounded);
        if (bounded && !numeric) {
            throw o.error("numeric", "abs and rel apply to numeric columns only");
        }
        if (numeric && (o.has("ignoreCase") || o.has("trim"))) {
            throw o.error(o.has("trim") ? "trim" : "ignoreCase", "text options cannot be combined with a numeric column");
        }
        return new CellRule(numeric, t, o.bool("ignoreCase", false), o.bool("trim", false));
    }

    boolean matches(String expected, String actual) {
        if (numeric) {
            BigDecimal e = Numbers.parse(expected);
            if (e == null) {
                return expected.strip().equals(actual.strip());
            }
            BigDecimal a = Numbers.parse(actual);
            return a != null && tolerance.accepts(e, a);
        }
        String e = trim ? expected.strip() : expected;
        String a = trim ? actual.strip() : actual;
        return ignoreCase ? e.equalsIgnoreCase(a) : e.equals(a);
    }

    /** The rule in a few words, for checks. */
    String describe() {
        if (numeric) {
            return tolerance.describe();
        }
        return (trim ? "trimmed" : "exact") + (ignoreCase ? ", any case" : "");
    }
}
