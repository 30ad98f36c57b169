package dev.ale.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import org.jspecify.annotations.Nullable;

/**
 * One session of a run: plans the attempts, resumes from the journal, runs what is left with
 * retries of infrastructure errors and the run-level caps, journals every result as it lands, and
 * ends with the report. It is the {@link RunHandle} that {@link Evaluator#start()} returns.
 */
final class RunExecution implements RunHandle {
    final RunConfig config;
    final Listeners events;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final CompletableFuture<EvaluationReport> done = new CompletableFuture<>();
    final Set<AttemptRunner.Attempt> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    final DoubleAdder cost = new DoubleAdder();
    volatile boolean cancelled;
    volatile String stopped;
    private volatile int total;

    RunExecution(RunConfig config) {
        this.config = config;
        this.events = new Listeners(config.listeners());
    }

    @Override
    public void cancel() {
        cancelled = true;
        active.forEach(AttemptRunner.Attempt::cancel);
    }

    @Override
    public EvaluationReport await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public Progress progress() {
        return new Progress(
                total,
                finished.get(),
                passed.get(),
                failed.get(),
                errors.get(),
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /**
     * Takes the run directory's lock (failing at once when another run holds it), then starts the
     * run on a coordinator thread and returns.
     *
     * @throws IllegalStateException naming the holder's pid when the run directory is in use
     */
    RunExecution start() {
        RunLock lock = RunSteps.lock(config.runDirectory());
        Thread coordinator = new Thread(
                () -> {
                    EvaluationReport report = null;
                    Throwable failure = null;
                    try {
                        report = execute();
                    } catch (IOException e) {
                        failure = new UncheckedIOException(
                                "could not write the run directory " + config.runDirectory() + ": " + e.getMessage(),
                                e);
                    } catch (Throwable t) {
                        failure = t;
                    } finally {
                        RunSteps.unlock(
                                lock,
                                config.runDirectory(),
                                events); // before anyone awaiting the run can start the next one on this directory
                    }
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(report);
                    }
                },
                "ale-run");
        coordinator.setDaemon(true);
        coordinator.start();
        return this;
    }

    /** Stops the run because the pack changed under it: no further attempt starts, running ones are cancelled. */
    void stop(String why) {
        synchronized (active) {
            if (stopped == null) {
                stopped = why;
                events.warn("the run stopped: " + why);
            }
        }
        cancel();
    }

    private EvaluationReport execute() throws IOException, InterruptedException {
        List<RunPlan.Planned> plan =
                RunPlan.plan(config.tasks(), config.trials(), config.shardIndex(), config.shardCount());
        total = plan.size();
        AttemptResult[] results = new AttemptResult[plan.size()];
        List<AttemptResult> superseded = new ArrayList<>();
        List<Duration> priorSegments = new ArrayList<>();
        Path dir = config.runDirectory();
        Journal.Contents previous = null;
        if (dir != null) {
            previous = Journal.read(dir);
            previous.problems().forEach(events::warn);
            for (AttemptResult prior : RunSteps.resume(plan, previous.attempts(), results, superseded)) {
                count(prior);
                cost.add(prior.usage().costUsd());
            }
            if (finished.get() > 0) {
                events.runResumed(finished.get(), plan.size());
            }
            JsonNode runJson = RunFiles.readRunJson(dir);
            if (runJson != null) {
                runJson.path("segments")
                        .forEach(s -> priorSegments.add(
                                Duration.ofMillis(s.path("durationMs").asLong())));
            }
            RunFiles.writeRunJson(dir, RunJsonWriter.write(config, runJson, startedAt, null));
        }
        RunLog.started(config, plan.size());
        List<NotRun> notRun = Collections.synchronizedList(new ArrayList<>());
        try (ReferenceAreas areas = ReferenceAreas.forRun();
                Journal journal = dir == null ? null : Journal.append(dir, previous.validBytes())) {
            RunSteps.removeLeftovers(areas, events);
            events.runStarted(plan.size());
            AttemptRunner runner = new AttemptRunner(config, events, areas);
            runAll(plan, results, runner, journal, notRun);
        }
        Duration thisSegment = Duration.ofNanos(System.nanoTime() - startedNanos);
        Duration totalDuration = priorSegments.stream().reduce(thisSegment, Duration::plus);
        List<AttemptResult> attempts = new ArrayList<>();
        for (AttemptResult r : results) {
            if (r != null) {
                attempts.add(r);
            }
        }
        List<NotRun> notRunSorted = new ArrayList<>(notRun);
        notRunSorted.sort(Comparator.comparing(NotRun::taskId).thenComparingInt(NotRun::trial));
        EvaluationReport report = new EvaluationReport(
                new EvaluationReport.Meta(
                        config.packs(),
                        config.harnessName(),
                        config.sandboxes().name(),
                        config.trials(),
                        startedAt,
                        totalDuration,
                        config.seed(),
                        config.shardIndex(),
                        config.shardCount(),
                        events.warnings(),
                        notRunSorted,
                        superseded),
                attempts);
        if (dir != null) {
            report.writeTo(dir);
            RunFiles.writeRunJson(
                    dir, ended(RunJsonWriter.write(config, RunFiles.readRunJson(dir), startedAt, thisSegment)));
            RunSteps.writeReports(report, dir, config.tasks(), events);
        }
        events.runFinished(report);
        return report;
    }

    private void runAll(
            List<RunPlan.Planned> plan,
            AttemptResult[] results,
            AttemptRunner runner,
            Journal journal,
            List<NotRun> notRun)
            throws InterruptedException {
        List<RunPlan.Planned> todo = new ArrayList<>();
        for (RunPlan.Planned p : plan) {
            if (results[p.index()] == null) {
                todo.add(p);
            }
        }
        // parallelism workers on the shared pool, each taking the next attempt in plan order; a worker whose
        // attempt was abandoned in a call is carried on by a new thread, which counts the worker down instead
        RunWork work =
                new RunWork(this, todo, results, runner, journal, notRun, Math.min(config.parallelism(), todo.size()));
        for (int w = 0; w < work.workers; w++) {
            Workers.POOL.execute(work::loop);
        }
        try {
            work.ended.await();
        } catch (InterruptedException e) {
            cancel();
            throw e;
        }
    }

    /** Records in this session's segment of run.json why it ended early, if it did. */
    private ObjectNode ended(ObjectNode runJson) {
        JsonNode segments = runJson.path("segments");
        if (segments.isArray() && !segments.isEmpty() && segments.get(segments.size() - 1) instanceof ObjectNode last) {
            if (stopped != null) {
                last.put("stopped", stopped);
            } else if (cancelled) {
                last.put("interrupted", true);
            }
        }
        return runJson;
    }

    @Nullable
    String stopReason() {
        if (stopped != null) {
            return stopped;
        }
        if (cancelled) {
            return "the run was cancelled";
        }
        if (config.runCostLimitUsd() > 0 && cost.sum() >= config.runCostLimitUsd()) {
            return String.format(Locale.ROOT, "the run's cost cap of %.2f USD was reached", config.runCostLimitUsd());
        }
        if (config.runTimeLimit() != null
                && System.nanoTime() - startedNanos >= config.runTimeLimit().toNanos()) {
            return "the run's wall-time cap of " + config.runTimeLimit() + " was reached";
        }
        return null;
    }

    void count(AttemptResult r) {
        finished.incrementAndGet();
        switch (r.outcome()) {
            case PASSED -> passed.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case ERROR -> errors.incrementAndGet();
        }
    }
}
