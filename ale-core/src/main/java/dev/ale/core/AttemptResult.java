package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.Usage;
import dev.ale.api.spi.Verdict;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How one attempt (one task, one trial) ended: the outcome and its cause, the score and verdict,
 * how long it took, what it spent, and exactly which task content it was scored on.
 *
 * @param taskId       the task id
 * @param taskRevision the task's revision
 * @param taskDigest   the task's content digest
 * @param pack         the pack the task came from
 * @param trial        the 1-based trial number
 * @param outcome      PASSED, FAILED or ERROR
 * @param cause        why (NONE for a plain pass or a plain low score)
 * @param score        the verifier's score in [0, 1] (0 when there was no verdict)
 * @param verdict      the verdict; an empty one scoring 0 when the verifier did not run
 * @param duration     wall time of the whole attempt
 * @param message      a one-line explanation of the cause, empty for a plain pass
 * @param tier         the task's tier
 * @param cluster      the task's industry cluster
 * @param subfield     the task's subfield
 * @param soc          the task's SOC codes
 * @param sessionsRun  how many sessions the harness was given
 * @param usage        tokens and cost recorded in the trajectory
 * @param steps        how many steps were recorded in the trajectory
 */
@API(status = EXPERIMENTAL)
public record AttemptResult(
        String taskId,
        int taskRevision,
        String taskDigest,
        PackRef pack,
        int trial,
        Outcome outcome,
        Cause cause,
        double score,
        Verdict verdict,
        Duration duration,
        String message,
        Tier tier,
        String cluster,
        String subfield,
        List<String> soc,
        int sessionsRun,
        Usage usage,
        int steps) {
    public AttemptResult {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskDigest, "taskDigest");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(duration, "duration");
        message = Objects.requireNonNullElse(message, "");
        soc = List.copyOf(soc);
    }

    /** Whether this attempt counts in the rates (it did not end in {@code ERROR}). */
    public boolean scored() {
        return outcome != Outcome.ERROR;
    }
}
