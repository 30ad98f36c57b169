package dev.ale.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A figure with its 95% interval: {@code value} lies in [{@code low}, {@code high}]. An estimate
 * over no data is {@code NaN} in all three, so an empty run never passes for a zero.
 */
@API(status = STABLE)
public record Estimate(double value, double low, double high) {
    /** The estimate of nothing. */
    public static final Estimate EMPTY = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    public Estimate {
        boolean allNaN = Double.isNaN(value) && Double.isNaN(low) && Double.isNaN(high);
        if (!allNaN && !(low <= value && value <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] must hold " + value);
        }
    }

    /** Whether there was no data behind this estimate. */
    public boolean isEmpty() {
        return Double.isNaN(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
    }
}
