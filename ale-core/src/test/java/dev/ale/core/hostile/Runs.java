package dev.ale.core.hostile;

import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.RunHandle;
import dev.ale.testfixtures.Liveness;
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
        Throwable thrown =
                Liveness.guarded("hostile-run-waiter", "the run", LIVENESS, () -> report[0] = handle.await(), () -> {
                    handle.cancel();
                    return "the run did not end within the liveness guard of " + LIVENESS + ": " + handle.progress();
                });
        if (thrown != null) {
            throw new AssertionError("the run itself failed: " + thrown, thrown);
        }
        return report[0];
    }
}
