package dev.ale.tools.openai;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a model's tokens cost, in US dollars per million tokens, as providers publish their prices.
 * The harness prices each response's token usage with it and records the cost in the trajectory,
 * where the task's cost cap and the run's cost cap see it.
 *
 * @param inputUsdPerMillion  USD per million input (prompt) tokens
 * @param outputUsdPerMillion USD per million output (completion) tokens
 */
@API(status = EXPERIMENTAL)
public record TokenPrice(double inputUsdPerMillion, double outputUsdPerMillion) {
    public TokenPrice {
        if (!(inputUsdPerMillion >= 0)
                || !(outputUsdPerMillion >= 0)
                || Double.isInfinite(inputUsdPerMillion)
                || Double.isInfinite(outputUsdPerMillion)) {
            throw new IllegalArgumentException(
                    "token prices must be finite and >= 0, got " + inputUsdPerMillion + " and " + outputUsdPerMillion);
        }
    }

    /** The cost in USD of the given token counts. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputUsdPerMillion + outputTokens * outputUsdPerMillion) / 1_000_000d;
    }
}
