package dev.ale.core;

import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.Step;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import dev.ale.core.AttemptEnds.HarnessEnd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one attempt exactly as the design lays out: open a sandbox, stage the inputs, run each
 * session with its own inputs until the deadline, then (only then) stage the reference where only
 * the verifier sees it, verify, and decide the outcome.
 */
final class AttemptRunner {
    private final SandboxProvider sandboxes;
    private final Supplier<? extends Harness> harnesses;
    private final Duration timeoutOverride;
    private final Duration interruptGrace;
    private final Duration verifierTimeout;
    private final Listeners listeners;
    private final Clock clock;
    private final ReferenceKey referenceKey;
    private final Optional<Judge> judge;
    private final ReferenceAreas areas;

    /**
     * @param config    the run's settings: sandboxes, harnesses, timeouts, reference key, judge
     * @param listeners where the attempt's events go
     * @param areas     where references are staged for the verifier
     */
    AttemptRunner(RunConfig config, Listeners listeners, ReferenceAreas areas) {
        this.sandboxes = config.sandboxes();
        this.harnesses = config.harnesses();
        this.timeoutOverride = config.timeout();
        this.interruptGrace = config.interruptGrace();
        this.verifierTimeout = config.verifierTimeout();
        this.listeners = listeners;
        this.clock = Clock.systemUTC();
        this.referenceKey = config.referenceKey();
        this.judge = Optional.ofNullable(config.judge());
        this.areas = areas;
    }

    /** What an attempt leaves: its result and its trajectory. */
    record Finished(AttemptResult result, List<Step> steps, long droppedSteps) {}

    /** Takes an attempt's end on the new thread that carried it on after one of its calls was abandoned. */
    interface CarriedOn {
        void finished(Attempt attempt, Finished finished);
    }

    /** Called with the workspace after verification, before the sandbox closes (to keep artefacts). */
    interface WorkspaceHook {
        void beforeClose(Path workspace) throws IOException;
    }

    /**
     * Prepares an attempt; {@link Attempt#run} runs it, {@link Attempt#cancel} stops it from another thread.
     *
     * @param carriedOn takes the attempt's end, on a new thread, when one of its calls ignored its
     *                  interrupt and was abandoned (then {@link Attempt#run} never returns normally)
     */
    Attempt attempt(Task task, Verifier verifier, int trial, WorkspaceHook hook, CarriedOn carriedOn) {
        return new Attempt(task, verifier, trial, hook, carriedOn);
    }

    /** The state of one attempt while it runs. */
    final class Attempt {
        private final Task task;
        private final Verifier verifier;
        private final TaskSpec spec;
        private final int trial;
        private final WorkspaceHook hook;
        private final CarriedOn carriedOn;
        private final RecordingTrajectory trajectory;
        private volatile Deadlines.Watch watch = new Deadlines.Watch();
        private volatile String budgetExceeded;
        private volatile boolean cancelled;
        private final Staging staging;
        private long started;

        Attempt(Task task, Verifier verifier, int trial, WorkspaceHook hook, CarriedOn carriedOn) {
            this.task = task;
            this.verifier = verifier;
            this.spec = task.spec();
            this.trial = trial;
            this.hook = hook;
            this.carriedOn = carriedOn;
            this.staging = new Staging(task, referenceKey);
            this.trajectory = new RecordingTrajectory(
                    clock, spec.limits().maxSteps(), spec.limits().maxCostUsd(), why -> {
                        budgetExceeded = why;
                        watch.cancel();
                    });
        }

        /** Stops the attempt: the running session is interrupted and the attempt ends as CANCELLED. */
        void cancel() {
            cancelled = true;
            watch.cancel();
        }

        boolean wasCancelled() {
            return cancelled;
        }

        /** Whether a task file was found changed since its digest was checked: the run must stop. */
        boolean packModified() {
            return staging.packModified();
        }

        /**
         * Runs the attempt to its end on this thread.
         *
         * @throws Watchdog.Abandoned when a call of the attempt ignored its interrupt: the attempt was
         *     finished on another thread, and given to {@code carriedOn}
         */
        Finished run() {
            started = System.nanoTime();
            listeners.attemptStarted(spec.id(), trial);
            AttemptResult result;
            try {
                result = runGuarded();
            } catch (Watchdog.Abandoned a) {
                throw a;
            } catch (RuntimeException | Error e) {
                result = unexpected(e);
            }
            return finish(result);
        }

        /** Finishes the attempt on this new thread after one of its calls was abandoned: {@code rest} gives its result. */
        private void carryOn(Supplier<AttemptResult> rest) {
            AttemptResult result;
            try {
                result = rest.get();
            } catch (RuntimeException | Error e) {
                result = unexpected(e);
            }
            carriedOn.finished(this, finish(result));
        }

        /** A defect of ours or of a plugin: the run goes on, the attempt says what happened. */
        private AttemptResult unexpected(Throwable e) {
            return result(Outcome.ERROR, Cause.SANDBOX, null, "unexpected " + Describe.throwable(e), 0);
        }

        private Finished finish(AttemptResult result) {
            return new Finished(
                    result.toBuilder()
                            .duration(Duration.ofNanos(System.nanoTime() - started))
                            .build(),
                    trajectory.steps(),
                    trajectory.dropped());
        }

        private AttemptResult runGuarded() {
            AttemptResult sealed = failed(staging.unseal(), 0);
            if (sealed != null) {
                return sealed;
            }
            Harness harness;
            try {
                harness = harnesses.get();
            } catch (RuntimeException e) {
                return result(
                        Outcome.FAILED, Cause.HARNESS_ERROR, null, "harness factory threw " + Describe.throwable(e), 0);
            }
            Sandbox sandbox;
            try {
                sandbox = sandboxes.open(new SandboxRequest(spec.id() + "." + trial, 0));
            } catch (IOException | RuntimeException e) {
                return result(
                        Outcome.ERROR, Cause.SANDBOX, null, "sandbox could not open: " + Describe.throwable(e), 0);
            }
            AttemptResult result;
            try {
                result = runIn(sandbox, harness);
            } catch (Watchdog.Abandoned a) {
                throw a; // the thread that carried the attempt on closed the sandbox
            } catch (RuntimeException | Error e) {
                close(sandbox);
                throw e;
            }
            return closeOut(sandbox, result);
        }

        /**
         * Keeps the artefacts, closes the sandbox, and returns {@code result}. Keeping them is watched
         * like a verifier (its timeout, then the grace): a process of the agent still running can put a
         * FIFO in place of a listed file between its check and its open, and that open waits for a
         * writer that never comes. The attempt then ends on a new thread, without its artefacts.
         */
        private AttemptResult closeOut(Sandbox sandbox, AttemptResult result) {
            if (hook != null) {
                Deadlines.Result<Void> kept = Watchdog.call(
                        () -> {
                            hook.beforeClose(sandbox.workspace());
                            return null;
                        },
                        verifierTimeout,
                        interruptGrace,
                        new Deadlines.Watch(),
                        late -> carryOn(() -> {
                            notKept(late);
                            close(sandbox);
                            return result;
                        }));
                notKept(kept);
            }
            close(sandbox);
            return result;
        }

        /** Warns when the artefacts were not kept; an {@link Error} of the hook goes on up. */
        private void notKept(Deadlines.Result<Void> kept) {
            String why;
            switch (kept.end()) {
                case RETURNED -> {
                    return;
                }
                case THREW -> {
                    if (kept.error() instanceof Error e) {
                        throw e;
                    }
                    why = Describe.throwable(kept.error());
                }
                default -> why = "the zip did not end within " + verifierTimeout
                        + (kept.abandoned() ? " and was abandoned" : "")
                        + " (a file that blocks when opened, such as a FIFO put in place of a listed file"
                        + " by a process still running?)";
            }
            listeners.warn("artefacts of " + spec.id() + " trial " + trial + " not kept: " + why);
        }

        private void close(Sandbox sandbox) {
            try {
                sandbox.close();
            } catch (IOException | RuntimeException e) {
                listeners.warn("sandbox of " + spec.id() + " trial " + trial + " did not close cleanly: "
                        + Describe.throwable(e));
            }
        }

        private AttemptResult runIn(Sandbox sandbox, Harness harness) {
            Path workspace = sandbox.workspace();
            AttemptResult staged = failed(staging.stage(TaskPart.INPUTS, workspace), 0);
            if (staged != null) {
                return staged;
            }
            HarnessEnd end = runSessions(sandbox, harness);
            if (end.cause() == Cause.PACK || end.cause() == Cause.SANDBOX) {
                return result(Outcome.ERROR, end.cause(), null, end.message(), end.sessionsRun());
            }
            if (end.abandoned()) {
                return abandoned(end);
            }
            if (Files.isSymbolicLink(workspace)) {
                return result(
                        Outcome.FAILED,
                        Cause.HARNESS_ERROR,
                        null,
                        "the harness replaced its workspace with a " + "symbolic link; nothing was scored through it",
                        end.sessionsRun());
            }
            String link;
            try {
                link = areas.linkInto(workspace);
            } catch (IOException e) {
                link = "(the workspace could not be searched for links: " + Describe.throwable(e) + ")";
            }
            if (link != null) {
                return result(
                        Outcome.FAILED,
                        Cause.GATE,
                        null,
                        "the output's link " + link + " may lead into the runner's reference areas; nothing was scored",
                        end.sessionsRun());
            }
            ReferenceAreas.Area area;
            try {
                area = areas.open(spec.id() + "." + trial);
            } catch (IOException e) {
                return result(
                        Outcome.ERROR,
                        Cause.SANDBOX,
                        null,
                        "the reference area could not open: " + Describe.throwable(e),
                        end.sessionsRun());
            }
            AttemptResult verified;
            try {
                verified = verifyIn(area, sandbox, end);
            } catch (Watchdog.Abandoned a) {
                throw a; // the thread that carried the attempt on closed the area
            } catch (RuntimeException | Error e) {
                area.close();
                throw e;
            }
            area.close();
            return verified;
        }

        /** Stages the reference into {@code area} and verifies the workspace against it. */
        private AttemptResult verifyIn(ReferenceAreas.Area area, Sandbox sandbox, HarnessEnd end) {
            AttemptResult referenceFailed = failed(staging.stage(TaskPart.REFERENCE, area.root()), end.sessionsRun());
            if (referenceFailed != null) {
                return referenceFailed;
            }
            Contexts.Verification ctx = new Contexts.Verification(
                    sandbox.workspace(),
                    area.root(),
                    spec,
                    trajectory,
                    judge,
                    Optional.empty(),
                    clock.instant().plus(verifierTimeout),
                    task,
                    Optional.of(new HarnessSandbox(sandbox)),
                    area::privateDirectory);
            Deadlines.Result<Verdict> verified = Watchdog.call(
                    () -> verifier.verify(ctx),
                    verifierTimeout,
                    interruptGrace,
                    new Deadlines.Watch(),
                    r -> carryOn(() -> {
                        area.close();
                        return closeOut(sandbox, verdict(r, end));
                    }));
            return verdict(verified, end);
        }

        /** The result of a verification that ended as {@code verified}. */
        private AttemptResult verdict(Deadlines.Result<Verdict> verified, HarnessEnd end) {
            VerifierEnds.Problem problem = VerifierEnds.of(verified, verifierTimeout);
            if (problem != null) {
                return result(problem.outcome(), problem.cause(), null, problem.message(), end.sessionsRun());
            }
            Verdict verdict = verified.value();
            AttemptEnds.Decision d = AttemptEnds.decide(end, verdict, spec.passThreshold());
            return result(d.outcome(), d.cause(), verdict, d.message(), end.sessionsRun());
        }

        /** The result of an attempt whose harness ignored the interrupt. */
        private AttemptResult abandoned(HarnessEnd end) {
            return result(
                    Outcome.FAILED,
                    end.cause(),
                    null,
                    end.message() + "; the harness ignored the interrupt and was abandoned, nothing was scored",
                    end.sessionsRun());
        }

        private HarnessEnd runSessions(Sandbox sandbox, Harness harness) {
            Duration timeout =
                    timeoutOverride != null ? timeoutOverride : spec.limits().timeout();
            // the monotonic deadline is taken first, so that a harness that waits for ctx.deadline() wakes after it
            long deadlineNanos = System.nanoTime() + timeout.toNanos();
            Instant deadline = clock.instant().plus(timeout);
            List<SessionSpec> sessions = spec.sessions();
            for (SessionSpec session : sessions) {
                int n = session.number();
                Staging.Failure staged = staging.stage(TaskPart.session(n), sandbox.workspace());
                if (staged != null) {
                    return AttemptEnds.stagingFailed(staged, n);
                }
                listeners.sessionStarted(spec.id(), trial, n);
                trajectory.session(n);
                Deadlines.Watch current = new Deadlines.Watch();
                watch = current;
                if (budgetExceeded != null || cancelled) {
                    current.cancel();
                }
                Contexts.Session ctx = new Contexts.Session(
                        spec.view(),
                        session.instruction(),
                        n,
                        sessions.size(),
                        new HarnessSandbox(sandbox),
                        trajectory,
                        deadline,
                        current::cancelled);
                Duration remaining = Duration.ofNanos(deadlineNanos - System.nanoTime());
                Deadlines.Result<SessionOutcome> r = Watchdog.call(
                        () -> harness.run(ctx),
                        remaining,
                        interruptGrace,
                        current,
                        late -> carryOn(() -> closeOut(sandbox, abandoned(session(late, n, timeout, deadlineNanos)))));
                HarnessEnd ended = session(r, n, timeout, deadlineNanos);
                if (ended != null) {
                    return ended;
                }
            }
            return new HarnessEnd(Cause.NONE, "", false, sessions.size());
        }

        private @Nullable HarnessEnd session(
                Deadlines.Result<SessionOutcome> r, int n, Duration timeout, long deadlineNanos) {
            return AttemptEnds.session(r, n, timeout, deadlineNanos, cancelled, budgetExceeded);
        }

        /** The result of a staging failure, or null when there was none. */
        private AttemptResult failed(Staging.Failure failure, int sessionsRun) {
            return failure == null
                    ? null
                    : result(failure.outcome(), failure.cause(), null, failure.message(), sessionsRun);
        }

        AttemptResult result(Outcome outcome, Cause cause, Verdict verdict, String message, int sessionsRun) {
            return AttemptResult.of(
                    task, trial, outcome, cause, verdict, message, sessionsRun, trajectory.usage(), trajectory.size());
        }
    }
}
