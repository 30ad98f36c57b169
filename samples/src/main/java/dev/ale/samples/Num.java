package dev.ale.samples;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The rule-based agent's arithmetic: exact decimals, rounded half up where an instruction says so. */
final class Num {
    private Num() {}

    /** A decimal from a cell; an empty cell is zero. */
    static BigDecimal of(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text.trim());
    }

    static BigDecimal of(long value) {
        return BigDecimal.valueOf(value);
    }

    static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** {@code a / b} to 34 significant digits. */
    static BigDecimal div(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL128);
    }

    /** {@code a / b} rounded half up to {@code scale} places. */
    static BigDecimal div(BigDecimal a, BigDecimal b, int scale) {
        return round(div(a, b), scale);
    }

    /** {@code value * percent / 100} rounded half up to {@code scale} places. */
    static BigDecimal percent(BigDecimal value, BigDecimal percent, int scale) {
        return div(value.multiply(percent), BigDecimal.valueOf(100), scale);
    }
}
