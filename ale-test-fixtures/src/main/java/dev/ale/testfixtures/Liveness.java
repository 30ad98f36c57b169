package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A liveness guard for hostile tests: runs work on a daemon thread of its own and fails the test
 * only when the work never ends (a hang); it measures nothing.
 */
@API(status = INTERNAL)
public final class Liveness {
    private Liveness() {}

    /**
     * Runs {@code work} on a daemon thread named {@code thread} and returns what it threw (null if
     * nothing). If the thread is still running after {@code liveness}, it is interrupted,
     * {@code onHang} cleans up and says what hung, and the test fails with that.
     *
     * @param what what is waited for, for the failure of an interrupted wait
     * @throws AssertionError on a hang or an interrupted wait
     */
    public static Throwable guarded(
            String thread, String what, Duration liveness, Callable<?> work, Supplier<String> onHang) {
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
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
        if (t.isAlive()) {
            t.interrupt();
            throw new AssertionError(onHang.get());
        }
        return thrown[0];
    }
}
