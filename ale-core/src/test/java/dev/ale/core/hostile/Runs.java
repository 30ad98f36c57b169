package dev.ale.core.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.RunHandle;
import java.time.Duration;

/**
 * Runs an evaluator and waits for its report under a liveness guard: the guard fails the test only
 * when the run never ends (a hostile attempt took the runner down with it); it measures nothing.
 */
final class Runs {
    static final Duration LIVENESS = Duration.ofMinutes(10);

    private Runs() {}

    static EvaluationReport await(Evaluator evaluator) {
        RunHandle handle = evaluator.start();
        EvaluationReport[] report = new EvaluationReport[1];
        Throwable[] thrown = new Throwable[1];
        Thread waiter = new Thread(
                () -> {
                    try {
                        report[0] = handle.await();
                    } catch (Throwable t) {
                        thrown[0] = t;
                    }
                },
                "hostile-run-waiter");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(LIVENESS.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the run");
        }
        if (waiter.isAlive()) {
            handle.cancel();
            fail("the run did not end within the liveness guard of " + LIVENESS + ": " + handle.progress());
        }
        if (thrown[0] != null) {
            throw new AssertionError("the run itself failed: " + thrown[0], thrown[0]);
        }
        return report[0];
    }
}
