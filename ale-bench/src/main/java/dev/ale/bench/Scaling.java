package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.task.Task;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import java.util.List;

/**
 * Figure group 4, scaling: attempts whose harness sleeps (an agent waiting on a model) at rising
 * parallelism. Efficiency = ideal time (attempts × sleep / parallelism) / measured wall time of
 * {@code Evaluator.run()}; {@code attemptsSeconds} is the run's own duration, which leaves out the
 * statistics and report built at the end. Parallelism 1 runs fewer attempts, since its ideal time is linear in
 * them and the full count would take minutes.
 */
final class Scaling {
    /** How many attempts, how long each sleeps, and at which parallelism. */
    record Size(int attempts, int attemptsAtParallelism1, long sleepMillis, int[] parallelism) {}

    static final Size FULL = new Size(2_000, 100, 100, new int[] {1, 8, 64, 256});
    static final Size QUICK = new Size(64, 8, 20, new int[] {1, 8, 64, 256});

    private Scaling() {}

    static void run(Size size, Results results) {
        Harness harness = BenchHarnesses.sleep(size.sleepMillis());
        RunnerOverhead.run(BenchTasks.tiny("scaling-warmup", 32), 1, Sandboxes.inMemory(), 8, harness);
        for (int p : size.parallelism()) {
            int attempts = p == 1 ? size.attemptsAtParallelism1() : size.attempts();
            List<Task> tasks = BenchTasks.tiny("scaling", attempts);
            Evaluator evaluator = Evaluator.builder()
                    .tasks(tasks)
                    .harness(harness)
                    .parallelism(p)
                    .build();
            long start = System.nanoTime();
            EvaluationReport report = evaluator.run();
            double measured = (System.nanoTime() - start) / 1e9;
            RunnerOverhead.check(report, attempts);
            double ideal = attempts * size.sleepMillis() / 1e3 / p;
            double waves = Math.ceil((double) attempts / p);
            results.add(new Figure(
                    "scaling.p" + p,
                    Timing.round(ideal / measured, 4),
                    "efficiency",
                    Figure.params()
                            .put("attempts", attempts)
                            .put("parallelism", p)
                            .put("sleepMillis", size.sleepMillis())
                            .put("sandbox", "in-memory")
                            .put("idealSeconds", Timing.round(ideal, 4))
                            .put("measuredSeconds", Timing.round(measured, 4))
                            .put(
                                    "attemptsSeconds",
                                    Timing.round(report.duration().toNanos() / 1e9, 4))
                            .put("bestWithWholeWaves", Timing.round(ideal / (waves * size.sleepMillis() / 1e3), 4))
                            .put("passed", report.count(Outcome.PASSED))
                            .put("definition", "ideal / measured, ideal = attempts x sleep / parallelism")
                            .put("target", p == 256 ? "above 0.9" : "-")
                            .putAll(Machine.parameters())
                            .map()));
        }
    }
}
