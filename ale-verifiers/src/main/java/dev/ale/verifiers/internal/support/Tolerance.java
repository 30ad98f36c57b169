package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * How far a number may be from the expected one. With neither bound the numbers must be equal
 * (1, 1.0 and 1.00 are equal). Otherwise an actual number passes when |actual - expected| <= abs,
 * or when |actual - expected| <= rel * |expected|, whichever bounds are given. Arithmetic is
 * exact decimal, so a boundary such as 10.00 vs 10.01 with abs 0.01 passes. With {@code strict}
 * the bounds are exclusive (|actual - expected| < abs, as graders that write {@code < 0.01}); with
 * {@code binary} the arithmetic is IEEE binary64, as Python's floats: both numbers are rounded to
 * the nearest double, their difference taken in doubles and, for {@code rel}, divided by
 * |expected| (so 2089.54 vs 2089.53 differ by 0.00999999999976 and pass a strict 0.01, while
 * 310.46 vs 310.47 differ by 0.01000000000005 and do not).
 *
 * @param abs    the absolute bound, or null
 * @param rel    the relative bound (0.01 = 1%), or null
 * @param strict whether the bounds are exclusive
 * @param binary whether the arithmetic is binary floating point instead of exact decimal
 */
@API(status = INTERNAL)
public record Tolerance(BigDecimal abs, BigDecimal rel, boolean strict, boolean binary) {
    public static final Tolerance EXACT = new Tolerance(null, null);

    public Tolerance(BigDecimal abs, BigDecimal rel) {
        this(abs, rel, false, false);
    }

    /**
     * The tolerance given by options {@code abs}, {@code rel}, {@code strict} and {@code float} of
     * {@code opts} (the last two read only when the caller allows them).
     */
    public static Tolerance read(Options opts) {
        return new Tolerance(
                opts.nonNegative("abs"),
                opts.nonNegative("rel"),
                opts.bool("strict", false),
                opts.bool("float", false));
    }

    public boolean accepts(BigDecimal expected, BigDecimal actual) {
        if (binary) {
            return acceptsBinary(expected.doubleValue(), actual.doubleValue());
        }
        BigDecimal diff = expected.subtract(actual).abs();
        if (diff.signum() == 0) {
            return true;
        }
        if (abs != null && within(diff.compareTo(abs))) {
            return true;
        }
        return rel != null && within(diff.compareTo(rel.multiply(expected.abs())));
    }

    private boolean acceptsBinary(double e, double a) {
        double diff = Math.abs(e - a);
        if (diff == 0) {
            return true;
        }
        if (abs != null && within(Double.compare(diff, abs.doubleValue()))) {
            return true;
        }
        return rel != null && e != 0 && within(Double.compare(diff / Math.abs(e), rel.doubleValue()));
    }

    private boolean within(int comparison) {
        return strict ? comparison < 0 : comparison <= 0;
    }

    /** In a few words, for checks: {@code exact}, {@code ±0.01}, {@code ±0.5%}, {@code <0.01 (float)}. */
    public String describe() {
        if (abs == null && rel == null) {
            return binary ? "exact (float)" : "exact";
        }
        String sign = strict ? "<" : "±";
        String a = abs == null ? "" : sign + abs.stripTrailingZeros().toPlainString();
        String r = rel == null
                ? ""
                : sign + rel.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return (a.isEmpty() ? r : r.isEmpty() ? a : a + " or " + r) + (binary ? " (float)" : "");
    }
}
