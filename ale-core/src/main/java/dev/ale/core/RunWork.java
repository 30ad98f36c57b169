package dev.ale.core;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The attempts left to run in one session of a run and the workers that take them, in plan order,
 * with retries; a worker whose attempt was abandoned in a call is carried on by a new thread.
 */
final class RunWork {
    private final RunExecution run;
    private final List<RunPlan.Planned> todo;
    private final AttemptResult[] results;
    private final AttemptRunner runner;
    private final Journal journal;
    private final List<NotRun> notRun;
    final int workers;
    private final AtomicInteger next = new AtomicInteger();
    final CountDownLatch ended;

    RunWork(
            RunExecution run,
            List<RunPlan.Planned> todo,
            AttemptResult[] results,
            AttemptRunner runner,
            Journal journal,
            List<NotRun> notRun,
            int workers) {
        this.run = run;
        this.todo = todo;
        this.results = results;
        this.runner = runner;
        this.journal = journal;
        this.notRun = notRun;
        this.workers = workers;
        this.ended = new CountDownLatch(workers);
    }

    /** One worker: the next attempt until none is left. */
    void loop() {
        for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
            try {
                runOne(todo.get(i), 0, null);
            } catch (Watchdog.Abandoned a) {
                return; // this thread's attempt and this worker went on on another thread
            } catch (RuntimeException | Error e) {
                run.events.warn("an attempt failed outside its guard: " + Describe.throwable(e));
            }
        }
        ended.countDown();
    }

    /**
     * Runs the attempt {@code p} from try {@code from} ({@code previous}: the try before, or null).
     *
     * @throws Watchdog.Abandoned when a call of the attempt was abandoned: a new thread carries on
     */
    void runOne(RunPlan.Planned p, int from, AttemptRunner.@Nullable Finished previous) {
        AttemptRunner.Finished f = previous;
        for (int attemptNo = from; attemptNo <= run.config.maxRetries(); attemptNo++) {
            if (attemptNo > 0) {
                RunLog.retrying(f.result(), attemptNo, run.config.maxRetries(), backoffMillis(attemptNo));
                if (!backoff(attemptNo)) {
                    break;
                }
            }
            String stop = attemptNo == 0 ? run.stopReason() : null;
            if (stop != null) {
                notRun.add(new NotRun(p.task().id(), p.trial(), stop));
                return;
            }
            AttemptRunner.Attempt attempt = attempt(p, attemptNo);
            try {
                f = attempt.run();
            } finally {
                run.active.remove(attempt);
            }
            if (!retry(p, attempt, f)) {
                if (!attempt.wasCancelled()) {
                    land(p, f);
                }
                return;
            }
        }
        if (f == null) {
            notRun.add(new NotRun(p.task().id(), p.trial(), "the run was cancelled"));
            return;
        }
        land(p, f);
    }

    private AttemptRunner.Attempt attempt(RunPlan.Planned p, int attemptNo) {
        Path dir = run.config.runDirectory();
        AttemptRunner.WorkspaceHook hook = dir == null || run.config.artifactCapBytes() <= 0
                ? null
                : ws -> RunFiles.writeArtifacts(
                        RunFiles.artifactFile(dir, p.task().id(), p.trial()), ws, run.config.artifactCapBytes());
        AttemptRunner.Attempt attempt = runner.attempt(
                p.task(), run.config.verifier(p.task().id()), p.trial(), hook, (a, f) -> carryOn(p, attemptNo, a, f));
        run.active.add(attempt);
        if (run.cancelled) {
            attempt.cancel();
        }
        return attempt;
    }

    /** On the new thread of an attempt that was abandoned in a call: finishes it, then works on. */
    private void carryOn(RunPlan.Planned p, int attemptNo, AttemptRunner.Attempt attempt, AttemptRunner.Finished f) {
        try {
            run.active.remove(attempt);
            if (!retry(p, attempt, f)) {
                if (!attempt.wasCancelled()) {
                    land(p, f);
                }
            } else {
                runOne(p, attemptNo + 1, f);
            }
        } catch (Watchdog.Abandoned a) {
            return; // abandoned again: the next new thread carries on
        } catch (RuntimeException | Error e) {
            run.events.warn("an attempt failed outside its guard: " + Describe.throwable(e));
        }
        loop();
    }

    /**
     * Whether the attempt {@code f} ended in should run again; when it was cancelled, it is noted as
     * not run and does not.
     */
    private boolean retry(RunPlan.Planned p, AttemptRunner.Attempt attempt, AttemptRunner.Finished f) {
        if (attempt.packModified()) {
            run.stop("the pack was modified during the run (" + f.result().message() + ")");
        }
        if (attempt.wasCancelled()) {
            notRun.add(new NotRun(
                    p.task().id(),
                    p.trial(),
                    run.stopped != null ? run.stopped : "the run was cancelled while it ran"));
            return false;
        }
        // an error of the pack is not the agent's to retry: it would run the agent again for nothing
        return f.result().outcome() == Outcome.ERROR && f.result().cause() != Cause.PACK && !run.cancelled;
    }

    /** Records the final result of attempt {@code p}. */
    private void land(RunPlan.Planned p, AttemptRunner.Finished f) {
        AttemptResult result = f.result();
        record(p, result, f);
        results[p.index()] = result;
        run.count(result);
        run.cost.add(result.usage().costUsd());
        run.events.attemptFinished(result);
    }

    private void record(RunPlan.Planned p, AttemptResult result, AttemptRunner.Finished f) {
        Path dir = run.config.runDirectory();
        if (dir == null) {
            return;
        }
        try {
            RunFiles.writeTrajectory(
                    RunFiles.trajectoryFile(dir, p.task().id(), p.trial()), f.steps(), f.droppedSteps());
        } catch (IOException e) {
            run.events.warn("trajectory of " + p.task().id() + " trial " + p.trial() + " not written: "
                    + Describe.throwable(e));
        }
        try {
            journal.write(result);
        } catch (IOException e) {
            run.events.warn("journal line of " + p.task().id() + " trial " + p.trial() + " not written: "
                    + Describe.throwable(e) + "; it will run again on resume");
        }
    }

    private long backoffMillis(int retry) {
        return run.config.retryBackoff().toMillis() << Math.min(retry - 1, 16);
    }

    private boolean backoff(int retry) {
        long millis = backoffMillis(retry);
        try {
            Thread.sleep(millis);
            return !run.cancelled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
