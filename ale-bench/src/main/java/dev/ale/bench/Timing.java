package dev.ale.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/** Small helpers for timing: a clock read in nanoseconds and the median of repeated measurements. */
final class Timing {
    private Timing() {}

    /** Something measured once; may throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} once and returns how long it took, in nanoseconds. */
    static long nanos(Body body) throws Exception {
        long start = System.nanoTime();
        body.run();
        return System.nanoTime() - start;
    }

    /** The median of the values (the mean of the two middle ones for an even count). */
    static double median(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of nothing");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Rounds to {@code digits} significant digits, so figures print without noise digits. */
    static double round(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(digits)).doubleValue();
    }

    /** Each value rounded to 4 significant digits, for the individual runs listed in a figure's parameters. */
    static double[] rounded(double[] values) {
        double[] r = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = round(values[i], 4);
        }
        return r;
    }
}
