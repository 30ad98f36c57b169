package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.Usage;
import dev.ale.api.spi.Verdict;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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

    /**
     * What the runner records for trial {@code trial} of {@code task}, before its duration is known
     * (zero here); an attempt that was not scored gets a verdict of 0 saying why.
     */
    static AttemptResult of(
            Task task,
            int trial,
            Outcome outcome,
            Cause cause,
            @Nullable Verdict verdict,
            String message,
            int sessionsRun,
            Usage usage,
            int steps) {
        TaskSpec spec = task.spec();
        Verdict v = verdict != null ? verdict : Verdict.of(0, "not scored: " + message, List.of());
        return new AttemptResult(
                spec.id(),
                spec.revision(),
                task.digest(),
                task.pack(),
                trial,
                outcome,
                cause,
                v.score(),
                v,
                Duration.ZERO,
                message,
                spec.tier(),
                spec.taxonomy().cluster(),
                spec.taxonomy().subfield(),
                spec.taxonomy().soc(),
                sessionsRun,
                usage,
                steps);
    }

    /** Whether this attempt counts in the rates (it did not end in {@code ERROR}). */
    public boolean scored() {
        return outcome != Outcome.ERROR;
    }

    /**
     * A builder, for results made outside a run (tests, imports, tools): the task, pack, outcome,
     * cause and verdict are required; the score defaults to the verdict's, the duration to zero,
     * the message and taxonomy strings to empty, the usage to {@link Usage#ZERO}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this result, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.taskId = taskId;
        b.taskRevision = taskRevision;
        b.taskDigest = taskDigest;
        b.pack = pack;
        b.trial = trial;
        b.outcome = outcome;
        b.cause = cause;
        b.score = score;
        b.verdict = verdict;
        b.duration = duration;
        b.message = message;
        b.tier = tier;
        b.cluster = cluster;
        b.subfield = subfield;
        b.soc = soc;
        b.sessionsRun = sessionsRun;
        b.usage = usage;
        b.steps = steps;
        return b;
    }

    /** Builds an {@link AttemptResult} component by component. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private String taskId;
        private int taskRevision;
        private String taskDigest;
        private PackRef pack;
        private int trial = 1;
        private Outcome outcome;
        private Cause cause;
        private double score = Double.NaN;
        private Verdict verdict;
        private Duration duration = Duration.ZERO;
        private String message = "";
        private Tier tier;
        private String cluster = "";
        private String subfield = "";
        private List<String> soc = List.of();
        private int sessionsRun;
        private Usage usage = Usage.ZERO;
        private int steps;

        private Builder() {}

        /** The task: its id, revision and content digest, and its pack. */
        public Builder task(String id, int revision, String digest, PackRef from) {
            this.taskId = id;
            this.taskRevision = revision;
            this.taskDigest = digest;
            this.pack = from;
            return this;
        }

        /** The 1-based trial number; default 1. */
        public Builder trial(int value) {
            this.trial = value;
            return this;
        }

        /** How the attempt ended and why. */
        public Builder outcome(Outcome value, Cause why) {
            this.outcome = value;
            this.cause = why;
            return this;
        }

        /** The verdict; the score follows it unless {@link #score} is given. */
        public Builder verdict(Verdict value) {
            this.verdict = value;
            return this;
        }

        /** The score, when it is not the verdict's. */
        public Builder score(double value) {
            this.score = value;
            return this;
        }

        /** Wall time of the whole attempt; default zero. */
        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        /** A one-line explanation of the cause; default empty. */
        public Builder message(String value) {
            this.message = value;
            return this;
        }

        /** The task's tier, cluster, subfield and SOC codes. */
        public Builder taxonomy(Tier tierValue, String clusterValue, String subfieldValue, List<String> socCodes) {
            this.tier = tierValue;
            this.cluster = clusterValue;
            this.subfield = subfieldValue;
            this.soc = socCodes;
            return this;
        }

        /** How many sessions the harness was given; default 0. */
        public Builder sessionsRun(int value) {
            this.sessionsRun = value;
            return this;
        }

        /** Tokens and cost, and how many steps the trajectory recorded; default none. */
        public Builder usage(Usage value, int stepCount) {
            this.usage = value;
            this.steps = stepCount;
            return this;
        }

        /**
         * The result.
         *
         * @throws NullPointerException naming the first required component not given
         */
        public AttemptResult build() {
            Objects.requireNonNull(verdict, "verdict");
            return new AttemptResult(
                    taskId,
                    taskRevision,
                    taskDigest,
                    pack,
                    trial,
                    outcome,
                    cause,
                    Double.isNaN(score) ? verdict.score() : score,
                    verdict,
                    duration,
                    message,
                    tier,
                    cluster,
                    subfield,
                    soc,
                    sessionsRun,
                    usage,
                    steps);
        }
    }
}
