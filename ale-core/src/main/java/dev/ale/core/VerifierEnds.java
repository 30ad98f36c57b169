package dev.ale.core;

import dev.ale.api.AleException;
import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerifierLimitException;
import dev.ale.api.task.TaskPackException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a verification that gave no verdict means for the attempt. The output is the agent's, so a
 * verifier that the output drove past its limits (its deadline, or a {@link VerifierLimitException})
 * makes the attempt {@code FAILED} with cause {@code VERIFIER_LIMIT}, never an {@code ERROR} the
 * agent could hide in; a reference file that is missing or broken is the pack's error
 * ({@code PACK}, not retried); anything else the verifier did is {@code ERROR VERIFIER}.
 */
final class VerifierEnds {
    /** The outcome, cause and message of a verification without a verdict. */
    record Problem(Outcome outcome, Cause cause, String message) {}

    private VerifierEnds() {}

    /** The problem of a verification that ended as {@code r}, or null when it gave a verdict. */
    static @Nullable Problem of(Deadlines.Result<Verdict> r, Duration timeout) {
        return switch (r.end()) {
            case RETURNED -> r.value() == null
                    ? new Problem(Outcome.ERROR, Cause.VERIFIER, "verifier returned no verdict")
                    : null;
            case TIMED_OUT -> new Problem(
                    Outcome.FAILED,
                    Cause.VERIFIER_LIMIT,
                    "the output kept the verifier past its deadline of " + Describe.seconds(timeout));
            case CANCELLED -> new Problem(Outcome.ERROR, Cause.VERIFIER, "the verification was cancelled");
            case THREW -> threw(r.error());
        };
    }

    private static Problem threw(Throwable error) {
        if (error instanceof VerifierLimitException e) {
            return new Problem(
                    Outcome.FAILED,
                    Cause.VERIFIER_LIMIT,
                    "the output took the verifier past a limit: " + e.getMessage());
        }
        if (error instanceof TaskPackException
                || error instanceof AleException e && e.source().startsWith("reference/")) {
            return new Problem(Outcome.ERROR, Cause.PACK, "the task's reference is unusable: " + error.getMessage());
        }
        return new Problem(Outcome.ERROR, Cause.VERIFIER, "verifier threw " + Describe.throwable(error));
    }
}
