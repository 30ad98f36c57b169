package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The budget of one attempt: its wall-clock timeout, and optionally the most steps and the most
 * money the harness may spend, as recorded in its trajectory. Zero means "no limit" for
 * {@code maxSteps} and {@code maxCostUsd}.
 */
@API(status = STABLE)
public record Limits(Duration timeout, int maxSteps, double maxCostUsd) {
    /** The timeout used when a task names none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public Limits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
        }
        if (!(maxCostUsd >= 0) || Double.isInfinite(maxCostUsd)) {
            throw new IllegalArgumentException("maxCostUsd must be a finite number >= 0, got " + maxCostUsd);
        }
    }

    /** Default limits: {@link #DEFAULT_TIMEOUT}, no step or cost cap. */
    public static Limits defaults() {
        return new Limits(DEFAULT_TIMEOUT, 0, 0);
    }
}
