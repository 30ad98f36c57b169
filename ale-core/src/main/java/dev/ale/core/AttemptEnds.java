package dev.ale.core;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.Verdict;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How an attempt ends: what its sessions came to, and what a verdict then makes of it. */
final class AttemptEnds {
    /** What the sessions came to before verification. */
    record HarnessEnd(Cause cause, String message, boolean abandoned, int sessionsRun) {}

    /** The outcome, cause and message of a scored attempt. */
    record Decision(Outcome outcome, Cause cause, String message) {}

    private AttemptEnds() {}

    /**
     * The end of an attempt whose sessions ended as {@code end} and whose output got {@code verdict}:
     * a harness that timed out, threw or went over budget fails whatever it scored; a full pass
     * passes; then a harness that gave up, a failed gate, and a score below the threshold fail.
     */
    static Decision decide(HarnessEnd end, Verdict verdict, double passThreshold) {
        if (end.cause() != Cause.NONE && end.cause() != Cause.GAVE_UP) {
            return new Decision(Outcome.FAILED, end.cause(), end.message());
        }
        if (verdict.fullPass(passThreshold)) {
            return new Decision(Outcome.PASSED, Cause.NONE, "");
        }
        if (end.cause() == Cause.GAVE_UP) {
            return new Decision(Outcome.FAILED, Cause.GAVE_UP, end.message());
        }
        if (verdict.gateFailed()) {
            return new Decision(Outcome.FAILED, Cause.GATE, verdict.summary());
        }
        return new Decision(
                Outcome.FAILED,
                Cause.NONE,
                String.format(Locale.ROOT, "score %.4f below the pass threshold %.4f", verdict.score(), passThreshold));
    }

    /**
     * How the harness's part ends when the inputs of session {@code n} could not be staged: from
     * session 2 on, the workspace is as the harness left it, so a link, a file or a full quota in the
     * way of the inputs is the harness's doing.
     */
    static HarnessEnd stagingFailed(Staging.Failure staged, int n) {
        if (n > 1 && staged.cause() == Cause.SANDBOX) {
            return new HarnessEnd(
                    Cause.HARNESS_ERROR,
                    "the workspace left by session " + (n - 1) + " blocked staging the inputs of session " + n + ": "
                            + staged.message(),
                    false,
                    n - 1);
        }
        return new HarnessEnd(staged.cause(), staged.message(), false, n - 1);
    }

    /**
     * How session {@code n} ended the harness's work, or null when the next session follows.
     *
     * @param runCancelled whether the run was cancelled (else a cancellation is a budget's)
     * @param budget       why a budget cancelled it
     */
    static @Nullable HarnessEnd session(
            Deadlines.Result<SessionOutcome> r,
            int n,
            Duration timeout,
            long deadlineNanos,
            boolean runCancelled,
            @Nullable String budget) {
        switch (r.end()) {
            case TIMED_OUT:
                return new HarnessEnd(
                        Cause.TIMEOUT,
                        "timed out after " + Describe.seconds(timeout) + " in session " + n,
                        r.abandoned(),
                        n);
            case CANCELLED:
                return runCancelled
                        ? new HarnessEnd(Cause.CANCELLED, "the run was cancelled during session " + n, r.abandoned(), n)
                        : new HarnessEnd(Cause.BUDGET, "session " + n + " cancelled: " + budget, r.abandoned(), n);
            case THREW:
                return new HarnessEnd(
                        Cause.HARNESS_ERROR,
                        "harness threw " + Describe.throwable(r.error()) + " in session " + n,
                        false,
                        n);
            case RETURNED:
                break;
            default:
                throw new AssertionError(r.end());
        }
        SessionOutcome outcome = r.value();
        if (outcome == null) {
            return new HarnessEnd(Cause.HARNESS_ERROR, "harness returned no outcome in session " + n, false, n);
        }
        if (outcome.status() != SessionOutcome.Status.GAVE_UP) {
            return null;
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            // it watched the same deadline and stopped at it (a command killed at the deadline):
            // that is a timeout, whichever of the two noticed the deadline first
            return new HarnessEnd(
                    Cause.TIMEOUT,
                    "timed out after " + Describe.seconds(timeout) + " in session " + n + " (" + outcome.message()
                            + ")",
                    false,
                    n);
        }
        return new HarnessEnd(Cause.GAVE_UP, "gave up in session " + n + ": " + outcome.message(), false, n);
    }
}
