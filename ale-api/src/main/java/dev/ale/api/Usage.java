package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Tokens and money spent, as the harness reports them. */
@API(status = STABLE)
public record Usage(long inputTokens, long outputTokens, double costUsd) {
    public static final Usage ZERO = new Usage(0, 0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || !(costUsd >= 0) || Double.isInfinite(costUsd)) {
            throw new IllegalArgumentException("usage must be finite and non-negative");
        }
    }

    /** The sum of this usage and another. */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, costUsd + other.costUsd);
    }
}
