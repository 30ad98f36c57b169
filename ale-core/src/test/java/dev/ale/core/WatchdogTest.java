package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rules of a watched call on the caller's thread: its ends, its interrupt, and abandonment. */
class WatchdogTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration GRACE = Duration.ofMillis(50);
    private static final Consumer<Deadlines.Result<Object>> NEVER = r -> {
        throw new AssertionError("abandoned: " + r);
    };

    /** A call with all the time it needs and a fresh watch, which must never be abandoned. */
    private static Deadlines.Result<Object> unhurried(Callable<Object> body) {
        return Watchdog.call(body, LONG, GRACE, new Deadlines.Watch(), NEVER);
    }

    @Test
    void callReturnsOnTheCallersThreadWithNoEnd() {
        Thread caller = Thread.currentThread();
        Deadlines.Result<Object> r = unhurried(() -> Thread.currentThread());
        assertEquals(Deadlines.End.RETURNED, r.end());
        assertSame(caller, r.value());
        assertFalse(r.abandoned());
    }

    @Test
    void whatTheBodySetsOnTheThreadDoesNotOutliveTheCall() {
        // the attempt's verifier runs on this thread next: a harness must not leave it a class loader of its own
        Thread self = Thread.currentThread();
        ClassLoader loader = self.getContextClassLoader();
        String name = self.getName();
        int priority = self.getPriority();
        ClassLoader hostile = new ClassLoader(null) {};
        Deadlines.Result<Object> r = unhurried(() -> {
            self.setContextClassLoader(hostile);
            self.setName("harness-owned");
            self.setPriority(Thread.MIN_PRIORITY);
            throw new IllegalStateException("and then it throws");
        });
        assertEquals(Deadlines.End.THREW, r.end());
        assertSame(loader, self.getContextClassLoader());
        assertEquals(name, self.getName());
        assertEquals(priority, self.getPriority());
    }

    @Test
    void exceptionOfTheBodyIsItsEnd() {
        IllegalStateException boom = new IllegalStateException("boom");
        Deadlines.Result<Object> r = unhurried(() -> {
            throw boom;
        });
        assertEquals(Deadlines.End.THREW, r.end());
        assertSame(boom, r.error());
    }

    @Test
    void bodyPastItsDeadlineIsInterruptedAndTimesOutAndTheThreadIsLeftClean() {
        Deadlines.Result<Object> r = Watchdog.call(
                () -> {
                    Thread.sleep(60_000);
                    return "late";
                },
                Duration.ofMillis(20),
                LONG,
                new Deadlines.Watch(),
                NEVER);
        assertEquals(Deadlines.End.TIMED_OUT, r.end());
        assertNull(r.value(), "a value given after the deadline is not taken");
        assertFalse(r.abandoned());
        assertFalse(Thread.currentThread().isInterrupted(), "the caller's thread goes on without an interrupt");
    }

    @Test
    void bodyThatInterruptsItselfLeavesNoInterruptBehind() {
        Deadlines.Result<Object> r = unhurried(() -> {
            Thread.currentThread().interrupt();
            return 1;
        });
        assertEquals(Deadlines.End.RETURNED, r.end());
        assertFalse(Thread.interrupted());
    }

    @Test
    void cancellingTheWatchFromAnotherThreadInterruptsTheBody() throws Exception {
        Deadlines.Watch watch = new Deadlines.Watch();
        CountDownLatch inside = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                inside.await();
            } catch (InterruptedException e) {
                return;
            }
            watch.cancel();
        });
        canceller.start();
        Deadlines.Result<Object> r = Watchdog.call(
                () -> {
                    inside.countDown();
                    Thread.sleep(60_000);
                    return "late";
                },
                LONG,
                LONG,
                watch,
                NEVER);
        canceller.join();
        assertEquals(Deadlines.End.CANCELLED, r.end());
        assertFalse(r.abandoned());
    }

    @Test
    void bodyThatCancelsItsOwnWatchEndsCancelled() {
        // a budget passed while the harness records a step: the cancellation comes from the body's own thread
        Deadlines.Watch watch = new Deadlines.Watch();
        Deadlines.Result<Object> r = Watchdog.call(
                () -> {
                    watch.cancel();
                    return Thread.currentThread().isInterrupted();
                },
                LONG,
                LONG,
                watch,
                NEVER);
        assertEquals(Deadlines.End.CANCELLED, r.end());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void watchCancelledBeforeTheCallDoesNotRunTheBody() {
        Deadlines.Watch watch = new Deadlines.Watch();
        watch.cancel();
        AtomicInteger ran = new AtomicInteger();
        Deadlines.Result<Object> r = Watchdog.call(ran::incrementAndGet, LONG, GRACE, watch, NEVER);
        assertEquals(Deadlines.End.CANCELLED, r.end());
        assertEquals(0, ran.get());
    }

    @Test
    void bodyThatIgnoresTheInterruptIsAbandonedAndItsCallerCarriedOnByANewThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Deadlines.Result<Object>> carried = new CompletableFuture<>();
        AtomicReference<Thread> carrier = new AtomicReference<>();
        CompletableFuture<Throwable> callerEnd = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                Watchdog.<Object>call(
                        () -> {
                            while (release.getCount() > 0) {
                                Thread.onSpinWait(); // ignores interrupts
                            }
                            return "too late";
                        },
                        Duration.ofMillis(20),
                        GRACE,
                        new Deadlines.Watch(),
                        r -> {
                            carrier.set(Thread.currentThread());
                            carried.complete(r);
                        });
                callerEnd.complete(null);
            } catch (Throwable t) {
                callerEnd.complete(t);
            }
        });
        caller.start();
        try {
            Deadlines.Result<Object> r = carried.get(1, TimeUnit.MINUTES);
            assertEquals(Deadlines.End.TIMED_OUT, r.end());
            assertTrue(r.abandoned());
            assertNotSame(caller, carrier.get(), "the caller's work goes on on a new thread");
            assertFalse(callerEnd.isDone(), "the abandoned thread is still in its body");
        } finally {
            release.countDown();
        }
        Throwable end = callerEnd.get(1, TimeUnit.MINUTES);
        assertTrue(end instanceof Watchdog.Abandoned, "the abandoned thread leaves by Abandoned, got " + end);
        caller.join();
    }

    @Test
    void longestDeadlineNeverWraps() {
        assertEquals(0, Watchdog.nanos(Duration.ofSeconds(-5)));
        assertEquals(Long.MAX_VALUE / 4, Watchdog.nanos(Duration.ofDays(365L * 10_000)));
        assertEquals(7, Watchdog.nanos(Duration.ofNanos(7)));
        Deadlines.Result<Object> r =
                Watchdog.call(() -> "in time", Duration.ofDays(365L * 10_000), GRACE, new Deadlines.Watch(), NEVER);
        assertEquals(Deadlines.End.RETURNED, r.end(), "a deadline centuries away is not one in the past");
    }

    @Test
    void workersWhoseHarnessesHangAreCarriedOnUntilEveryAttemptHasItsResult() {
        // one worker, three attempts that each ignore their interrupt: each time a new thread carries the worker on
        CountDownLatch release = new CountDownLatch(1);
        Harness hangs = ctx -> {
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
            return SessionOutcome.completed();
        };
        Task[] tasks = {
            TestTasks.goTask("h1", Duration.ofMillis(30), 0),
            TestTasks.goTask("h2", Duration.ofMillis(30), 0),
            TestTasks.goTask("h3", Duration.ofMillis(30), 0)
        };
        EvaluationReport report;
        try {
            report = Evaluator.builder()
                    .tasks(List.of(tasks))
                    .harness(hangs)
                    .verifiers(TestTasks.registry())
                    .parallelism(1)
                    .interruptGrace(Duration.ofMillis(30))
                    .build()
                    .run();
        } finally {
            release.countDown();
        }
        assertEquals(3, report.attempts().size());
        for (AttemptResult r : report.attempts()) {
            assertEquals(Outcome.FAILED, r.outcome(), r.toString());
            assertEquals(Cause.TIMEOUT, r.cause(), r.toString());
            assertTrue(r.message().contains("abandoned"), r.message());
        }
    }

    @Test
    void aCancellationThatRacesTheDeadlineStillLeavesTheCallWatchedForItsGrace() {
        // the watchdog took the call off the list as due; before it expired it, a cancellation ended
        // it and made it due again at the end of the grace: it must stay watched, or a call that
        // ignores its interrupt would never be abandoned and its attempt never carried on
        Deadlines.Watch watch = new Deadlines.Watch();
        Watchdog.Guard g = new Watchdog.Guard(Thread.currentThread(), LONG, end -> {}, watch);
        assertTrue(watch.attach(g));
        watch.cancel();
        assertTrue(Watchdog.DUE.remove(g), "the cancellation put the call on the list for its grace");
        g.expire();
        assertTrue(Watchdog.DUE.contains(g), "still watched until the end of its grace");
        assertEquals(Deadlines.End.CANCELLED, g.returned());
        assertFalse(Watchdog.DUE.contains(g));
        assertFalse(Thread.interrupted());
    }
}
