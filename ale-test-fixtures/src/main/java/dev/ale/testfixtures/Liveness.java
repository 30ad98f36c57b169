package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Runs work on a daemon thread of its own under a liveness guard. The guard fails the test only
 * when the work never ends (a hang); it measures nothing.
 */
@API(status = INTERNAL)
public final class Liveness {
    private Liveness() {}

    /**
     * Runs {@code work} on a daemon thread named {@code thread} and returns what it threw, or null.
     * If the thread is still running after {@code liveness}, interrupts it and fails the test with
     * the message {@code hang} gives (which may first stop the work some other way).
     */
    public static Throwable guarded(String thread, Duration liveness, Callable<?> work, Supplier<String> hang) {
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(
                () -> {
                    try {
                        work.call();
                    } catch (Throwable e) {
                        thrown[0] = e;
                    }
                },
                thread);
        t.setDaemon(true);
        t.start();
        try {
            t.join(liveness.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread, e);
        }
        if (t.isAlive()) {
            t.interrupt();
            throw new AssertionError(hang.get());
        }
        return thrown[0];
    }
}
