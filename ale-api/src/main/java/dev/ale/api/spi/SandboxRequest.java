package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the runner asks of a sandbox provider for one attempt.
 *
 * @param attemptId  a name for the attempt, safe to use in file names ({@code task-id.trial})
 * @param quotaBytes the most bytes the workspace may hold (0: the provider's default)
 */
@API(status = STABLE)
public record SandboxRequest(String attemptId, long quotaBytes) {
    public SandboxRequest {
        Objects.requireNonNull(attemptId, "attemptId");
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("quotaBytes must be >= 0");
        }
    }
}
