package dev.ale.taskpack.hostile;

import com.sun.management.ThreadMXBean;
import dev.ale.testfixtures.Liveness;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Runs a piece of hostile work on a thread of its own and reports what it threw, how many bytes that
 * thread allocated (an upper bound of the memory it could hold at once) and how much heap was still
 * held after it ended. The join limit is a liveness guard only: it fails the test when the work never
 * ends, it measures nothing.
 */
final class Bounded {
    /** Far more than any case needs; reaching it means the work hangs. */
    static final Duration LIVENESS = Duration.ofMinutes(5);

    /**
     * What the work came to.
     *
     * @param thrown         what it threw, or null
     * @param allocatedBytes bytes allocated by the work's thread (-1 when the JVM cannot tell)
     * @param retainedBytes  heap in use after the work and a GC, minus the same before it
     */
    record Result(Throwable thrown, long allocatedBytes, long retainedBytes) {}

    private Bounded() {}

    static Result run(String name, Callable<?> work) {
        long before = usedAfterGc();
        long[] allocated = {-1};
        Throwable thrown = guarded(name, LIVENESS, () -> {
            long start = allocatedByThisThread();
            try {
                return work.call();
            } finally {
                long end = allocatedByThisThread();
                allocated[0] = start < 0 || end < 0 ? -1 : end - start;
            }
        });
        return new Result(thrown, allocated[0], usedAfterGc() - before);
    }

    /**
     * Runs {@code work} on a daemon thread of its own and returns what it threw (null if nothing);
     * fails the test if the thread is still running after {@code liveness}.
     */
    static Throwable guarded(String name, Duration liveness, Callable<?> work) {
        return Liveness.guarded(
                "hostile-" + name,
                name,
                liveness,
                work,
                () -> name + " did not end within the liveness guard of " + liveness + " (a hang)");
    }

    private static long allocatedByThisThread() {
        if (ManagementFactory.getThreadMXBean() instanceof ThreadMXBean hotspot
                && hotspot.isThreadAllocatedMemorySupported()
                && hotspot.isThreadAllocatedMemoryEnabled()) {
            return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
