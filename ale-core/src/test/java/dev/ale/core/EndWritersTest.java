package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The writers of a finished run's files: each attempt once, on several threads, the first failure in order. */
class EndWritersTest {
    @Test
    void everyAttemptIsWrittenExactlyOnce() throws IOException {
        AtomicIntegerArray times = new AtomicIntegerArray(1_000);
        EndWriters.forEach(times.length(), times::incrementAndGet);
        for (int i = 0; i < times.length(); i++) {
            assertEquals(1, times.get(i), "attempt " + i);
        }
    }

    @Test
    void aLargeRunIsWrittenOnMoreThanOneThread() throws Exception {
        assumeTrue(EndWriters.WRITERS > 1, "one processor: one writer");
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch two = new CountDownLatch(2);
        AtomicBoolean alone = new AtomicBoolean();
        EndWriters.forEach(EndWriters.ALONE_BELOW * 4, i -> {
            if (seen.add(Thread.currentThread())) {
                two.countDown();
            }
            try {
                // the first write waits (a bounded while) for a second thread to write as well
                if (!alone.get() && !two.await(30, TimeUnit.SECONDS)) {
                    alone.set(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(seen.size() > 1, "threads: " + seen);
    }

    @Test
    void aSmallRunIsWrittenOnTheCallingThread() throws IOException {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        EndWriters.forEach(EndWriters.ALONE_BELOW - 1, i -> seen.add(Thread.currentThread()));
        assertEquals(Set.of(Thread.currentThread()), seen);
    }

    @Test
    void theFirstFailureInOrderIsThrownAndNoWriterStartsAnotherAttemptAfterIt() {
        AtomicInteger written = new AtomicInteger();
        IOException thrown = assertThrows(
                IOException.class,
                () -> EndWriters.forEach(1_000, i -> {
                    written.incrementAndGet();
                    if (i == 3 || i == 4) {
                        throw new IOException("attempt " + i);
                    }
                }));
        assertEquals("attempt 3", thrown.getMessage());
        // attempts 0 to 4, and at most one more begun by each other writer before it saw the failure
        assertTrue(written.get() <= 5 + EndWriters.WRITERS - 1, written + " attempts written");
    }

    @Test
    void aRuntimeExceptionOrAnErrorIsThrownAsItIs() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> failingAt(40, bug)));
        AssertionError error = new AssertionError("an error");
        assertSame(error, assertThrows(AssertionError.class, () -> failingAt(60, error)));
    }

    /** Writes 100 attempts, of which the one at {@code index} throws {@code unchecked}. */
    private static void failingAt(int index, Throwable unchecked) throws IOException {
        EndWriters.forEach(100, i -> {
            if (i == index) {
                if (unchecked instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) unchecked;
            }
        });
    }

    @Test
    void anInterruptedCallerWaitsForItsWritersAndKeepsItsInterrupt() throws IOException {
        AtomicIntegerArray times = new AtomicIntegerArray(200);
        Thread.currentThread().interrupt();
        try {
            EndWriters.forEach(times.length(), times::incrementAndGet);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        for (int i = 0; i < times.length(); i++) {
            assertEquals(1, times.get(i), "attempt " + i);
        }
    }
}
