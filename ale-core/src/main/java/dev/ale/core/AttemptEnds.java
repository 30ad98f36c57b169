package dev.ale.core;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.spi.Verdict;
import java.util.Locale;

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
}
