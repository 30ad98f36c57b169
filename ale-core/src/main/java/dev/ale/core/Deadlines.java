package dev.ale.core;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ends of a guarded call and the {@link Watch} that cancels one; {@link #call} runs untrusted
 * code (a verifier when rescoring, where no worker can be carried on) on a daemon thread of
 * {@link Workers} and waits for it until a deadline or a cancellation; then interrupts it, and
 * abandons it if it ignores the interrupt, so the caller always moves on. Attempts guard their
 * calls on their own thread with {@link Watchdog} instead.
 */
final class Deadlines {
    /** How a guarded call ended. */
    enum End {
        RETURNED,
        THREW,
        TIMED_OUT,
        CANCELLED
    }

    /**
     * The end of a guarded call, with its value or exception.
     *
     * @param abandoned the body ignored the interrupt and was left running
     */
    record Result<T>(End end, T value, Throwable error, boolean abandoned) {}

    /** Lets another thread end the wait early (a budget passed, the run cancelled). */
    static final class Watch {
        private final CountDownLatch wake = new CountDownLatch(1);
        private volatile boolean cancelled;
        private Watchdog.Guard guard;

        void cancel() {
            Watchdog.Guard g;
            synchronized (this) {
                cancelled = true;
                g = guard;
            }
            wake.countDown();
            if (g != null) {
                g.end(End.CANCELLED);
            }
        }

        /** Lets a cancellation end the call {@code g} watches; false when already cancelled. */
        synchronized boolean attach(Watchdog.Guard g) {
            if (cancelled) {
                return false;
            }
            guard = g;
            return true;
        }

        synchronized void detach(Watchdog.Guard g) {
            if (guard == g) {
                guard = null;
            }
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    private Deadlines() {}

    /** A call on a pooled thread that the waiting side can interrupt and wait for. */
    private static final class Guarded<T> implements Runnable {
        private final Callable<T> body;
        private final Watch watch;
        private final CountDownLatch done = new CountDownLatch(1);
        private final Object lock = new Object();
        private Thread thread;
        private boolean interruptRequested;
        private T value;
        private Throwable error;

        Guarded(Callable<T> body, Watch watch) {
            this.body = body;
            this.watch = watch;
        }

        @Override
        public void run() {
            synchronized (lock) {
                if (interruptRequested) {
                    done.countDown();
                    watch.wake.countDown();
                    return;
                }
                thread = Thread.currentThread();
            }
            try {
                value = body.call();
            } catch (Throwable t) {
                error = t;
            } finally {
                synchronized (lock) {
                    thread = null;
                    Thread.interrupted(); // leave the pooled thread clean for its next task
                }
                done.countDown();
                watch.wake.countDown();
            }
        }

        void interrupt() {
            synchronized (lock) {
                interruptRequested = true;
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }
    }

    /**
     * Calls {@code body} and waits until {@code timeout} or until {@code watch} is cancelled; then
     * interrupts the body and waits at most {@code grace} more before abandoning it. If the waiting
     * thread is itself interrupted, that counts as a cancellation.
     */
    static <T> Result<T> call(Callable<T> body, Duration timeout, Duration grace, Watch watch) {
        Guarded<T> g = new Guarded<>(body, watch);
        Workers.POOL.execute(g);
        boolean interrupted = false;
        try {
            watch.wake.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
            watch.cancel();
        }
        try {
            if (g.done.getCount() == 0 && !watch.cancelled()) {
                return g.error != null
                        ? new Result<>(End.THREW, null, g.error, false)
                        : new Result<>(End.RETURNED, g.value, null, false);
            }
            End end = watch.cancelled() ? End.CANCELLED : End.TIMED_OUT;
            g.interrupt();
            boolean stopped = g.done.await(Math.max(0, grace.toNanos()), TimeUnit.NANOSECONDS);
            return new Result<>(end, null, null, !stopped);
        } catch (InterruptedException e) {
            interrupted = true;
            return new Result<>(End.CANCELLED, null, null, true);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
