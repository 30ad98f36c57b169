package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * How far a number may be from the expected one. With neither bound the numbers must be equal
 * (1, 1.0 and 1.00 are equal). Otherwise an actual number passes when |actual - expected| <= abs,
 * or when |actual - expected| <= rel * |expected|, whichever bounds are given. Arithmetic is
 * exact decimal, so a boundary such as 10.00 vs 10.01 with abs 0.01 passes.
 *
 * @param abs the absolute bound, or null
 * @param rel the relative bound (0.01 = 1%), or null
 */
@API(status = INTERNAL)
public record Tolerance(BigDecimal abs, BigDecimal rel) {
    public static final Tolerance EXACT = new Tolerance(null, null);

    /** The tolerance given by options {@code abs} and {@code rel} of {@code opts}. */
    public static Tolerance read(Options opts) {
        return new Tolerance(opts.nonNegative("abs"), opts.nonNegative("rel"));
    }

    public boolean accepts(BigDecimal expected, BigDecimal actual) {
        BigDecimal diff = expected.subtract(actual).abs();
        if (diff.signum() == 0) {
            return true;
        }
        if (abs != null && diff.compareTo(abs) <= 0) {
            return true;
        }
        return rel != null && diff.compareTo(rel.multiply(expected.abs())) <= 0;
    }

    /** In a few words, for checks: {@code exact}, {@code ±0.01}, {@code ±0.5%}. */
    public String describe() {
        if (abs == null && rel == null) {
            return "exact";
        }
        String a = abs == null ? "" : "±" + abs.stripTrailingZeros().toPlainString();
        String r = rel == null
                ? ""
                : "±" + rel.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return a.isEmpty() ? r : r.isEmpty() ? a : a + " or " + r;
    }
}
