package dev.ale.core;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Runs untrusted code (a harness session, a verifier) on the calling thread, watched by one shared
 * daemon thread: at the deadline, or when the call's {@link Deadlines.Watch} is cancelled, the
 * calling thread is interrupted; if the call has still not returned after the grace, it is
 * abandoned: {@code onAbandon} runs on a new thread, which carries on the caller's work, and the
 * abandoned thread, should the call ever return, leaves by throwing {@link Abandoned}.
 *
 * <p>So an attempt whose calls return in time (nearly all) runs on one thread with no hand-over,
 * and one that ignores its interrupt costs a thread, as it did when every call ran on a pooled
 * thread of its own and the caller waited for it.
 */
final class Watchdog {
    /** Thrown on a thread whose call was abandoned, when the call returns: its caller's work went on elsewhere. */
    static final class Abandoned extends Error {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(
                    "this call was abandoned at its deadline; its caller's work went on on another thread",
                    null,
                    false,
                    false);
        }
    }

    /** The states of a guarded call. */
    private enum State {
        RUNNING,
        /** Returned before any end was set. */
        RETURNED,
        /** An end (deadline or cancellation) was set and the thread interrupted; waiting for it to return. */
        ENDING,
        /** Returned after its end was set, within the grace. */
        ENDED,
        /** Did not return within the grace; its caller's work went on on a new thread. */
        ABANDONED
    }

    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE / 4);
    /** The calls being watched, soonest due first. */
    static final ConcurrentSkipListSet<Guard> DUE = new ConcurrentSkipListSet<>();

    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** When the watchdog wakes next, unless {@link #idle}; both published before it looks at {@link #DUE} again. */
    private static volatile long wakeAt;

    private static volatile boolean idle = true;

    private static final Thread THREAD = start();

    private Watchdog() {}

    /**
     * Calls {@code body} on this thread, ending it at {@code timeout} or when {@code watch} is
     * cancelled (interrupt, then {@code grace} before it is abandoned).
     *
     * @param onAbandon what carries on the caller's work, on a new thread, if the call is abandoned:
     *                  it is given the call's end ({@code abandoned} true), and this method then never
     *                  returns normally on this thread
     * @throws Abandoned on this thread when the call returns after it was abandoned
     */
    static <T> Deadlines.Result<T> call(
            Callable<T> body,
            Duration timeout,
            Duration grace,
            Deadlines.Watch watch,
            Consumer<Deadlines.Result<T>> onAbandon) {
        Guard g = new Guard(
                Thread.currentThread(),
                grace,
                end -> onAbandon.accept(new Deadlines.Result<>(end, null, null, true)),
                watch);
        if (!watch.attach(g)) {
            return new Deadlines.Result<>(Deadlines.End.CANCELLED, null, null, false); // cancelled before it began
        }
        g.due(System.nanoTime() + nanos(timeout));
        Thread self = Thread.currentThread();
        ClassLoader loader = self.getContextClassLoader();
        String name = self.getName();
        int priority = self.getPriority();
        T value = null;
        Throwable error = null;
        try {
            value = body.call();
        } catch (Throwable t) {
            error = t;
        }
        watch.detach(g);
        // the same thread runs the attempt's verifier next: nothing the body set on it may reach that far
        self.setContextClassLoader(loader);
        if (!self.getName().equals(name)) {
            self.setName(name); // each set is a system call (the native thread name): only when changed
        }
        if (self.getPriority() != priority) {
            self.setPriority(priority);
        }
        Deadlines.End end = g.returned();
        if (end == null) {
            return error != null
                    ? new Deadlines.Result<>(Deadlines.End.THREW, null, error, false)
                    : new Deadlines.Result<>(Deadlines.End.RETURNED, value, null, false);
        }
        return new Deadlines.Result<>(end, null, null, false);
    }

    /** One guarded call: its thread, when it is next due, and what happens then. */
    static final class Guard implements Comparable<Guard> {
        private final Thread thread;
        private final long grace;
        private final long order = SEQUENCE.incrementAndGet();
        private final Deadlines.Watch watch;
        private Consumer<Deadlines.End> onAbandon;
        private State state = State.RUNNING;
        private Deadlines.End end;
        private volatile long dueAt;

        Guard(Thread thread, Duration grace, Consumer<Deadlines.End> onAbandon, Deadlines.Watch watch) {
            this.thread = thread;
            this.grace = nanos(grace);
            this.onAbandon = onAbandon;
            this.watch = watch;
        }

        private void due(long at) {
            dueAt = at;
            DUE.add(this);
            if (idle || at - wakeAt < 0) {
                LockSupport.unpark(THREAD); // only when the watchdog would wake too late: no hand-over per call
            }
        }

        /** Sets the end (if none is set yet), interrupts the thread and gives it the grace to return. */
        synchronized void end(Deadlines.End why) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.ENDING;
            end = why;
            DUE.remove(this);
            thread.interrupt();
            due(System.nanoTime() + grace);
        }

        /** Called by the watchdog when due (the deadline, or the end of the grace), once it took this off {@link #DUE}. */
        void expire() {
            Consumer<Deadlines.End> carryOn;
            Deadlines.End why;
            synchronized (this) {
                if (System.nanoTime() - dueAt < 0) {
                    // ended from another thread (a cancellation) after the watchdog took it off the list as
                    // due: it is due again at the end of its grace, so it goes back on the list
                    DUE.add(this);
                    return;
                }
                if (state == State.RUNNING) {
                    end(Deadlines.End.TIMED_OUT);
                    return;
                }
                if (state != State.ENDING) {
                    return;
                }
                state = State.ABANDONED;
                carryOn = onAbandon;
                why = end;
                onAbandon = null;
            }
            watch.detach(this);
            Thread t = new Thread(() -> carryOn.accept(why), "ale-worker-carried-on");
            t.setDaemon(true);
            t.start();
        }

        /**
         * The call returned on its thread: its end (null when it returned in time), with the thread's
         * interrupt status cleared.
         *
         * @throws Abandoned when it was abandoned before it returned
         */
        Deadlines.End returned() {
            synchronized (this) {
                DUE.remove(this);
                onAbandon = null;
                Thread.interrupted(); // leave the thread clean for its next work, whoever interrupted it
                switch (state) {
                    case RUNNING -> {
                        state = State.RETURNED;
                        return null;
                    }
                    case ENDING -> {
                        state = State.ENDED;
                        return end;
                    }
                    default -> throw new Abandoned();
                }
            }
        }

        @Override
        public int compareTo(Guard o) {
            int c = Long.compare(dueAt - o.dueAt, 0);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** A duration in nanoseconds, at least 0 and at most about 73 years, so that deadlines never wrap. */
    static long nanos(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        return d.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : d.toNanos();
    }

    private static Thread start() {
        Thread t = new Thread(Watchdog::watch, "ale-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void watch() {
        while (true) {
            Guard next = first();
            // publish the plan, then look again: a call added meanwhile is seen here, or sees the plan and wakes us
            if (next == null) {
                idle = true;
            } else {
                wakeAt = next.dueAt;
                idle = false;
            }
            if (first() != next) {
                continue;
            }
            if (next == null) {
                LockSupport.park();
                continue;
            }
            long wait = next.dueAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (DUE.remove(next)) {
                try {
                    next.expire();
                } catch (Throwable t) {
                    // the watchdog outlives anything a call or a new thread can throw at it
                }
            }
        }
    }

    private static Guard first() {
        try {
            return DUE.first();
        } catch (NoSuchElementException e) {
            return null;
        }
    }
}
