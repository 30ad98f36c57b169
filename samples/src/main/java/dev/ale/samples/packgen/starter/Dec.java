package dev.ale.samples.packgen.starter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Random;

/**
 * Decimal arithmetic for the starter tasks: every figure a task publishes is a {@link BigDecimal}
 * rounded half up at a stated number of places, so the files are the same on every machine.
 * Quotients that do not terminate are taken to 34 significant digits before they are rounded.
 */
final class Dec {
    static final MathContext WIDE = MathContext.DECIMAL128;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Dec() {}

    static BigDecimal of(String value) {
        return new BigDecimal(value);
    }

    static BigDecimal of(long value) {
        return BigDecimal.valueOf(value);
    }

    /** The exact value of a double (from StrictMath, so the same everywhere) rounded half up. */
    static BigDecimal of(double value, int scale) {
        return new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
    }

    static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** {@code a / b} to 34 significant digits. */
    static BigDecimal div(BigDecimal a, BigDecimal b) {
        return a.divide(b, WIDE);
    }

    /** {@code a / b} rounded half up to {@code scale} places. */
    static BigDecimal div(BigDecimal a, BigDecimal b, int scale) {
        return a.divide(b, WIDE).setScale(scale, RoundingMode.HALF_UP);
    }

    /** {@code value * percent / 100}, rounded half up to {@code scale} places. */
    static BigDecimal percent(BigDecimal value, BigDecimal percent, int scale) {
        return round(value.multiply(percent).divide(HUNDRED, WIDE), scale);
    }

    static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A random number in [min, max] with {@code scale} decimal places. */
    static BigDecimal random(Random random, double min, double max, int scale) {
        long low = Math.round(min * StrictMath.pow(10, scale));
        long high = Math.round(max * StrictMath.pow(10, scale));
        return BigDecimal.valueOf(low + (long) (random.nextDouble() * (high - low + 1)), scale);
    }

    /**
     * Whether rounding {@code exact} to {@code scale} places is safe from representation error: its
     * distance from the nearest rounding tie (such as x.xx5) is more than one millionth of a unit in
     * the last place. Generators redraw values that fail this, so a solver that computes in binary
     * floating point still rounds the same way.
     */
    static boolean clearOfTie(BigDecimal exact, int scale) {
        BigDecimal scaled = exact.movePointRight(scale).abs();
        BigDecimal fraction = scaled.subtract(new BigDecimal(scaled.toBigInteger()));
        return fraction.subtract(new BigDecimal("0.5")).abs().compareTo(new BigDecimal("0.000001")) > 0;
    }

    /** A value written with exactly {@code scale} places (half up). */
    static String text(BigDecimal value, int scale) {
        return round(value, scale).toPlainString();
    }
}
