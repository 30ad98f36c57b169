package dev.ale.core;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.Harness;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import dev.ale.taskpack.TaskPack;
import dev.ale.verifiers.VerifierRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Runs a harness over tasks and scores what it leaves behind: the SDK's entry point. Build one
 * with {@link #builder()}, or use {@link #run(TaskPack, Harness)} for the defaults (in-memory
 * sandboxes, one trial, one attempt at a time). Every verifier configuration is checked when the
 * evaluator is built, so a bad one fails before any attempt runs.
 */
@API(status = STABLE)
public final class Evaluator {
    private final RunConfig config;

    private Evaluator(RunConfig config) {
        this.config = config;
    }

    /** The settings this evaluator runs with (for the runner's own tests). */
    RunConfig config() {
        return config;
    }

    /** A builder with the defaults: in-memory sandboxes, 1 trial, parallelism 1, no run directory. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs {@code harness} once over every task of {@code tasks} with the defaults. */
    public static EvaluationReport run(TaskPack tasks, Harness harness) {
        return builder().tasks(tasks).harness(harness).build().run();
    }

    /**
     * Runs every attempt (each task × each trial, or this shard's share) and returns the report.
     * With a run directory, results are journaled as they land, an earlier session's results are
     * resumed, and {@code report.json} is written at the end.
     */
    public EvaluationReport run() {
        RunHandle handle = start();
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run; it was cancelled", e);
        }
    }

    /**
     * Scores the stored artefacts of a run directory again with the verifiers of {@code pack} (found
     * with {@link VerifierRegistry#discover()}), without running any harness, and writes the result
     * as {@code report.rescored.json} beside the old {@code report.json}. Attempts whose task is not
     * in the pack, has changed, or has no artefacts keep their old result, with a warning.
     */
    public static EvaluationReport rescore(Path runDirectory, TaskPack pack) {
        return rescore(runDirectory, pack, VerifierRegistry.discover());
    }

    /** {@link #rescore(Path, TaskPack)} with the given verifier registry. */
    public static EvaluationReport rescore(Path runDirectory, TaskPack pack, VerifierFactories registry) {
        return rescore(runDirectory, pack, registry, null, null);
    }

    /**
     * {@link #rescore(Path, TaskPack)} with the given verifier registry, the key of sealed references
     * (null: the environment variable {@code ALE_REFERENCE_KEY}) and a judge for rubric criteria whose
     * recorded answers no longer apply (null: none; recorded answers are replayed either way).
     */
    public static EvaluationReport rescore(
            Path runDirectory, TaskPack pack, VerifierFactories registry, char[] referenceKey, Judge judge) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        pack.tasks().forEach(t -> tasks.put(t.id(), t));
        Map<String, Verifier> verifiers = TaskVerifiers.build(tasks.values(), registry);
        try {
            EvaluationReport report = Rescorer.rescore(
                    runDirectory,
                    tasks,
                    verifiers,
                    Duration.ofMinutes(5),
                    ReferenceKey.resolve(referenceKey == null ? null : referenceKey.clone(), System::getenv),
                    Optional.ofNullable(judge));
            RunFiles.writeAtomically(runDirectory.resolve("report.rescored.json"), ReportJson.utf8(report));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("could not rescore " + runDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Starts the run in the background and returns a handle to watch, await or cancel it. */
    public RunHandle start() {
        return new RunExecution(config).start();
    }

    /** Options of an {@link Evaluator}; {@link #tasks} and a harness are required. */
    @API(status = STABLE)
    public static final class Builder {
        private final List<Task> tasks = new ArrayList<>();
        private Supplier<? extends Harness> harnesses;
        private Harness namingHarness;
        private SandboxProvider sandboxes = Sandboxes.inMemory();
        private VerifierFactories verifierFactories;
        private int trials = 1;
        private int parallelism = 1;
        private Path runDirectory;
        private final List<EvaluationListener> listeners = new ArrayList<>();
        private Duration timeout;
        private Duration interruptGrace = Duration.ofSeconds(2);
        private Duration verifierTimeout = Duration.ofMinutes(5);
        private long seed = 20260101L;
        private int maxRetries = 2;
        private Duration retryBackoff = Duration.ofSeconds(1);
        private int shardIndex;
        private int shardCount = 1;
        private double runCostLimitUsd;
        private Duration runTimeLimit;
        private long artifactCapBytes = 64L << 20;
        private char[] referenceKey;
        private Judge judge;
        private boolean allowCommandVerifiers;

        private Builder() {}

        /** Adds the tasks of a pack or selection. */
        public Builder tasks(TaskPack pack) {
            tasks.addAll(pack.tasks());
            return this;
        }

        /** Adds tasks. */
        public Builder tasks(List<? extends Task> more) {
            tasks.addAll(more);
            return this;
        }

        /** One harness instance for every attempt (it must then be thread-safe when parallelism > 1). */
        public Builder harness(Harness harness) {
            Objects.requireNonNull(harness, "harness");
            this.harnesses = () -> harness;
            this.namingHarness = harness;
            return this;
        }

        /** A new harness instance per attempt; the run is named after the first instance's {@link Harness#name()}. */
        public Builder harnessFactory(Supplier<? extends Harness> factory) {
            this.harnesses = Objects.requireNonNull(factory, "factory");
            this.namingHarness = null;
            return this;
        }

        /** Where attempts run; default {@link Sandboxes#inMemory()}. */
        public Builder sandboxProvider(SandboxProvider provider) {
            this.sandboxes = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The verifier registry; default {@link VerifierRegistry#discover()}. */
        public Builder verifiers(VerifierFactories registry) {
            this.verifierFactories = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Attempts per task (for pass@k and pass^k); default 1. */
        public Builder trials(int k) {
            this.trials = atLeast(k, 1, "trials");
            return this;
        }

        /** How many attempts run at once; default 1. */
        public Builder parallelism(int n) {
            this.parallelism = atLeast(n, 1, "parallelism");
            return this;
        }

        /**
         * Where the run keeps {@code run.json}, {@code journal.jsonl}, trajectories, artefacts and
         * {@code report.json}; an existing run directory is resumed. None by default (nothing is written).
         */
        public Builder runDirectory(Path directory) {
            this.runDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Adds a listener that follows the run. */
        public Builder listener(EvaluationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Overrides every task's timeout (for instance to run a pack quickly in CI). */
        public Builder timeout(Duration perAttempt) {
            this.timeout = positive(perAttempt, "timeout");
            return this;
        }

        /** How long a harness or verifier gets to stop after its interrupt before it is abandoned; default 2 s. */
        public Builder interruptGrace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("interruptGrace must be >= 0");
            }
            this.interruptGrace = grace;
            return this;
        }

        /** The most time a verifier may take for one attempt; default 5 minutes. */
        public Builder verifierTimeout(Duration limit) {
            this.verifierTimeout = positive(limit, "verifierTimeout");
            return this;
        }

        /** The seed of the bootstrap intervals (recorded in run.json); default 20260101. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * How often an attempt that ended in {@code ERROR} (infrastructure) is run again, waiting
         * {@code backoff}, then twice that, and so on; default 2 retries, 1 s. Harness failures and
         * timeouts are the agent's and are never retried.
         */
        public Builder retries(int max, Duration backoff) {
            this.maxRetries = atLeast(max, 0, "retries");
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("retry backoff must be >= 0");
            }
            this.retryBackoff = backoff;
            return this;
        }

        /** Runs only shard {@code index} (0-based) of {@code count}: a deterministic share of the tasks by digest. */
        public Builder shard(int index, int count) {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("shard must be 0 <= index < count, got " + index + " of " + count);
            }
            this.shardIndex = index;
            this.shardCount = count;
            return this;
        }

        /** Stops starting attempts once the recorded cost of the run reaches this many USD; 0 (default): no cap. */
        public Builder runCostLimitUsd(double usd) {
            if (!(usd >= 0) || Double.isInfinite(usd)) {
                throw new IllegalArgumentException("run cost limit must be a finite number >= 0");
            }
            this.runCostLimitUsd = usd;
            return this;
        }

        /** Stops starting attempts once this session of the run has taken this long; none by default. */
        public Builder runTimeLimit(Duration limit) {
            this.runTimeLimit = positive(limit, "runTimeLimit");
            return this;
        }

        /** Cap of the workspace bytes kept per attempt in {@code artifacts/}; 0 keeps none; default 64 MiB. */
        public Builder artifactCapBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("artifact cap must be >= 0");
            }
            this.artifactCapBytes = bytes;
            return this;
        }

        /**
         * The key that opens sealed references ({@code reference.7z}); it is copied, so the caller
         * may wipe its array. Without one, the environment variable {@code ALE_REFERENCE_KEY} is
         * used when set. An attempt of a sealed task without a key, or with a wrong one, ends in
         * {@code ERROR} (cause {@code PACK}) naming the task. The key is never written anywhere;
         * run.json records only whether one was given.
         */
        public Builder referenceKey(char[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length == 0) {
                throw new IllegalArgumentException("the reference key must not be empty");
            }
            this.referenceKey = key.clone();
            return this;
        }

        /**
         * The judge that scores the criteria of {@code rubric} verifiers; the SDK ships no model
         * client, so the embedding application supplies one. Without it, rubric tasks end in {@code ERROR}.
         */
        public Builder judge(Judge value) {
            this.judge = Objects.requireNonNull(value, "judge");
            return this;
        }

        /**
         * Allows {@code command} verifiers, which run an external grader program from the pack. Off
         * by default, since a pack from elsewhere must not run code on this machine unless asked.
         * Applies through {@link VerifierFactories#withCommandsAllowed()} to the default registry and to
         * one given with {@link #verifiers}; a registry that cannot change its policy answers for itself.
         */
        public Builder allowCommandVerifiers(boolean allow) {
            this.allowCommandVerifiers = allow;
            return this;
        }

        /**
         * Checks the options and every selected task's verifier configuration.
         *
         * @throws VerifierConfigException naming the task.json and JSON Pointer of a bad config
         * @throws IllegalStateException when no tasks or no harness were given
         */
        public Evaluator build() {
            if (tasks.isEmpty()) {
                throw new IllegalStateException("no tasks: give tasks(...) a pack or selection with at least one task");
            }
            if (harnesses == null) {
                throw new IllegalStateException("no harness: call harness(...) or harnessFactory(...)");
            }
            Harness named = namingHarness != null ? namingHarness : harnesses.get();
            VerifierFactories registry = verifierFactories != null ? verifierFactories : VerifierRegistry.discover();
            if (allowCommandVerifiers) {
                registry = registry.withCommandsAllowed();
            }
            Map<String, Verifier> built = TaskVerifiers.build(tasks, registry);
            Set<PackRef> refs = new LinkedHashSet<>();
            tasks.forEach(t -> refs.add(t.pack()));
            return new Evaluator(new RunConfig(
                    List.copyOf(tasks),
                    List.copyOf(refs),
                    Map.copyOf(built),
                    harnesses,
                    named.name(),
                    named.description(),
                    sandboxes,
                    trials,
                    parallelism,
                    runDirectory,
                    List.copyOf(listeners),
                    timeout,
                    interruptGrace,
                    verifierTimeout,
                    seed,
                    maxRetries,
                    retryBackoff,
                    shardIndex,
                    shardCount,
                    runCostLimitUsd,
                    runTimeLimit,
                    artifactCapBytes,
                    ReferenceKey.resolve(referenceKey, System::getenv),
                    judge,
                    registry.policy().allowCommands()));
        }

        private static int atLeast(int value, int min, String what) {
            if (value < min) {
                throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
            }
            return value;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
