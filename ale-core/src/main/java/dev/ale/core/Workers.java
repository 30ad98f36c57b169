package dev.ale.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool of daemon threads that runs attempts and the guarded calls inside them: threads
 * are made when none is idle and kept for a minute, so a run after the first starts none, and a
 * run of 1,024 attempts at once neither creates a pool nor shuts one down. How many attempts run
 * at once is bounded by each run (its parallelism), not by the pool.
 */
final class Workers {
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ThreadFactory FACTORY = r -> {
        Thread t = new Thread(r, "ale-worker-" + NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    };

    /** Unbounded threads handed work directly (no queue), idle ones ending after 60 s. */
    static final ExecutorService POOL =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), FACTORY);

    private Workers() {}
}
