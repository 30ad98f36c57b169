package dev.ale.core;

import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the files of a finished run, one attempt's at a time, on the calling thread and up to
 * {@link #WRITERS}{@code - 1} threads of the shared pool: once every attempt has run, the cores are
 * free, and on a memory file system the system calls of those files took 130 µs per attempt on one
 * core (docs/benchmarks.md, "2026-12-06, session 13"). After a failure no writer starts another
 * attempt; the failure of the first such attempt, in order, is thrown once every writer has stopped.
 */
final class EndWriters {
    /** Writes what belongs to the attempt at {@code index}. */
    interface Write {
        void write(int index) throws IOException;
    }

    /** How many threads write at most: the machine's processors, up to 4. */
    static final int WRITERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Fewer attempts than this are written on the calling thread alone. */
    static final int ALONE_BELOW = 32;

    private EndWriters() {}

    /** Runs {@code write} for every index from 0 to {@code count - 1}, each once, as described above. */
    static void forEach(int count, Write write) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Failure> failed = new AtomicReference<>();
        Runnable writer = () -> {
            for (int i = next.getAndIncrement(); i < count && failed.get() == null; i = next.getAndIncrement()) {
                try {
                    write.write(i);
                } catch (IOException | RuntimeException | Error e) {
                    Failure f = new Failure(i, e);
                    failed.accumulateAndGet(f, (a, b) -> a == null || b.index() < a.index() ? b : a);
                }
            }
        };
        int helpers = count < ALONE_BELOW ? 0 : WRITERS - 1;
        CountDownLatch stopped = new CountDownLatch(helpers);
        for (int h = 0; h < helpers; h++) {
            try {
                Workers.POOL.execute(() -> {
                    try {
                        writer.run();
                    } finally {
                        stopped.countDown();
                    }
                });
            } catch (RejectedExecutionException | OutOfMemoryError e) {
                stopped.countDown(); // no thread to be had: the others write its share
            }
        }
        writer.run();
        Uninterruptibles.awaitUninterruptibly(stopped);
        Failure f = failed.get();
        if (f != null) {
            f.rethrow();
        }
    }

    private record Failure(int index, Throwable cause) {
        void rethrow() throws IOException {
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) cause;
        }
    }
}
