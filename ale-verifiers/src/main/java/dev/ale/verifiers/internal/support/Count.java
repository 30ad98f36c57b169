package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * How many of something a condition wants: at least {@code min} and at most {@code max}
 * (inclusive; {@code max} is {@link Long#MAX_VALUE} when unbounded). Configured with the options
 * {@code min}, {@code max} (whole numbers >= 0) or {@code exactly} (not with the other two).
 */
@API(status = INTERNAL)
public record Count(long min, long max) {
    static final long UNBOUNDED = Long.MAX_VALUE;

    /**
     * Reads {@code min}/{@code max}/{@code exactly} from {@code o}. Without any of them the count is
     * "at least {@code defaultMin}"; with only {@code max} it is "0 to max".
     */
    public static Count read(Options o, long defaultMin) {
        if (o.has("exactly")) {
            if (o.has("min") || o.has("max")) {
                throw o.error("exactly", "'exactly' cannot be used with 'min' or 'max'");
            }
            long n = o.index("exactly");
            return new Count(n, n);
        }
        long min = o.has("min") ? o.index("min") : o.has("max") ? 0 : defaultMin;
        long max = o.has("max") ? o.index("max") : UNBOUNDED;
        if (min > max) {
            throw o.error("max", "must be >= min (" + min + "), got " + max);
        }
        return new Count(min, max);
    }

    /** Whether any of {@code min}, {@code max}, {@code exactly} is configured in {@code o}. */
    public static boolean configured(Options o) {
        return o.has("min") || o.has("max") || o.has("exactly");
    }

    public boolean test(long n) {
        return n >= min && n <= max;
    }

    /** The count in words, with {@code unit} (plural): "at least 3 matches", "exactly 0 files". */
    public String describe(String unit) {
        if (min == max) {
            return "exactly " + min + " " + unit;
        }
        if (max == UNBOUNDED) {
            return "at least " + min + " " + unit;
        }
        return min == 0 ? "at most " + max + " " + unit : min + " to " + max + " " + unit;
    }
}
