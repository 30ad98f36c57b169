package dev.ale.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A double as Python's {@code repr(float)} writes it, which is how {@code json.dumps} writes every
 * float of ALE's result files: the shortest digits that read back as the same double (the closest
 * such when there are several), in fixed notation from 1e-4 up to 1e16 ({@code 0.0001},
 * {@code 1.0}, {@code 9007199254740992.0}) and in exponent notation outside it ({@code 1e-05},
 * {@code 1e+16}); {@code NaN}, {@code Infinity} and {@code -Infinity} as {@code json.dumps} writes
 * them.
 *
 * <p>Java 17's {@code Double.toString} gives digits that read back as the same double but not
 * always the shortest ({@code 9.999999999999999E22} for {@code 1e+23}, {@code 4.9E-324} for
 * {@code 5e-324}), so its digits are only the start: while dropping one digit, rounded down or up,
 * still reads back as the double, the shorter digits are taken.
 */
final class PythonFloats {
    private PythonFloats() {}

    /**
     * How many doubles of one file may still be searched for their shortest digits: 2 to 10 µs each
     * (16 or 17 digits, or a subnormal), where every other double takes a fraction of a microsecond.
     * A file holds a few such doubles unless an agent fills its tool calls' arguments with them (up
     * to millions in one trajectory); past the budget a double is written with Java's own digits in
     * Python's layout, which read back as the same double and are at most a digit or two longer.
     */
    static final class Budget {
        /** The searches one file may take. */
        static final int PER_FILE = 4_096;

        private int left;

        Budget(int searches) {
            this.left = searches;
        }

        static Budget perFile() {
            return new Budget(PER_FILE);
        }

        boolean spend() {
            if (left <= 0) {
                return false;
            }
            left--;
            return true;
        }
    }

    /** {@code repr(d)} in Python. */
    static String repr(double d) {
        return repr(d, null);
    }

    /** {@code repr(d)} in Python while {@code budget} (none: no limit) allows the search. */
    static String repr(double d, @Nullable Budget budget) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) == 0 ? "0.0" : "-0.0";
        }
        Digits s = shortest(Math.abs(d), budget);
        return (d < 0 ? "-" : "") + s.format();
    }

    /**
     * A positive decimal {@code 0.<digits> x 10^point}: {@code digits} without leading or trailing
     * zeros.
     */
    record Digits(String digits, int point) {
        /** The digits of {@code Double.toString(d)} for a positive, finite {@code d}. */
        static Digits of(double d) {
            String s = Double.toString(d);
            int e = s.indexOf('E');
            int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
            String mantissa = e < 0 ? s : s.substring(0, e);
            int dot = mantissa.indexOf('.');
            String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int lead = 0;
            while (lead < all.length() - 1 && all.charAt(lead) == '0') {
                lead++;
            }
            return trimmed(all.substring(lead), dot - lead + exponent);
        }

        /** The digits of a positive decimal. */
        static Digits of(BigDecimal b) {
            String unscaled = b.unscaledValue().toString();
            return trimmed(unscaled, unscaled.length() - b.scale());
        }

        private static Digits trimmed(String digits, int point) {
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return new Digits(digits.substring(0, end), point);
        }

        /** The first {@code n} digits, the rest dropped (rounded down). */
        Digits down(int n) {
            return trimmed(digits.substring(0, n), point);
        }

        /** The first {@code n} digits plus one in the last of them (rounded up). */
        Digits up(int n) {
            char[] c = digits.substring(0, n).toCharArray();
            int i = n - 1;
            while (i >= 0 && c[i] == '9') {
                c[i--] = '0';
            }
            if (i < 0) {
                return new Digits("1", point + 1);
            }
            c[i]++;
            return trimmed(new String(c), point);
        }

        double value() {
            return Double.parseDouble("0." + digits + "E" + point);
        }

        /** Python's {@code float_repr_style = 'short'} layout of these digits. */
        String format() {
            int n = digits.length();
            if (point <= -4 || point > 16) {
                int exponent = point - 1;
                String mantissa = n == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
                int abs = Math.abs(exponent);
                return mantissa + "e" + (exponent < 0 ? '-' : '+') + (abs < 10 ? "0" : "") + abs;
            }
            if (point <= 0) {
                return "0." + "0".repeat(-point) + digits;
            }
            if (point >= n) {
                return digits + "0".repeat(point - n) + ".0";
            }
            return digits.substring(0, point) + "." + digits.substring(point);
        }
    }

    /** The shortest digits that read back as {@code d} (positive, finite), the closest to it when several do. */
    static Digits shortest(double d) {
        return shortest(d, null);
    }

    private static Digits shortest(double d, @Nullable Budget budget) {
        Digits s = Digits.of(d);
        if (s.digits().length() <= 15 && d >= Double.MIN_NORMAL) {
            // Two decimals that read back as a normal double are less than an ulp apart, and an ulp is
            // under a fourth of a unit in the 15th digit: no other digits of this length or shorter do.
            return s;
        }
        if (budget != null && !budget.spend()) {
            return s;
        }
        while (s.digits().length() > 1) {
            int n = s.digits().length() - 1;
            Digits down = s.down(n);
            Digits up = s.up(n);
            boolean downReads = down.value() == d;
            boolean upReads = up.value() == d;
            if (!downReads && !upReads) {
                break;
            }
            s = downReads && upReads ? closer(d, down, up, s.digits().charAt(n - 1)) : downReads ? down : up;
        }
        if (s.digits().length() <= 15 && d >= Double.MIN_NORMAL) {
            return s; // shortened to 15 digits or fewer: the only ones of that length, as above
        }
        BigDecimal nearest = new BigDecimal(d).round(new MathContext(s.digits().length(), RoundingMode.HALF_EVEN));
        Digits closest = Digits.of(nearest);
        return closest.value() == d ? closest : s;
    }

    /** {@code down} or {@code up}, the n-digit neighbours of {@code d}, whichever is nearer (the even one on a tie). */
    private static Digits closer(double d, Digits down, Digits up, char downLast) {
        BigDecimal exact = new BigDecimal(d);
        int c = decimal(down)
                .subtract(exact)
                .abs()
                .compareTo(decimal(up).subtract(exact).abs());
        if (c != 0) {
            return c < 0 ? down : up;
        }
        return (downLast - '0') % 2 == 0 ? down : up;
    }

    private static BigDecimal decimal(Digits s) {
        return new BigDecimal("0." + s.digits() + "E" + s.point());
    }
}
