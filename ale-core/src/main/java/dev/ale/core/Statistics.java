package dev.ale.core;

import java.util.List;

/** The interval arithmetic behind the report's estimates. */
final class Statistics {
    private static final double Z95 = 1.959963984540054;

    private Statistics() {}

    /** Share of successes with the Wilson score interval (good at 0, 1 and small n). */
    static Estimate wilson(long successes, long n) {
        if (n <= 0) {
            return Estimate.EMPTY;
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        double low = Math.max(0, centre - half);
        double high = Math.min(1, centre + half);
        return new Estimate(p, Math.min(low, p), Math.max(high, p));
    }

    /** Mean of values in [0, 1] with a normal-approximation interval clipped to [0, 1]. */
    static Estimate mean(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return Estimate.EMPTY;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, 0, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double half = Z95 * Math.sqrt(squares / (n - 1) / n);
        return new Estimate(mean, Math.max(0, mean - half), Math.min(1, mean + half));
    }
}
