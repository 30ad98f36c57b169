package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.task.Task;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Figure group {@code scaling}: attempts whose harness sleeps (an agent waiting on a model) at
 * parallelism 1 to 1,024, with a 50 ms and a 1 s sleep. Efficiency = ideal time (attempts × sleep
 * / parallelism) / measured wall time of {@code Evaluator.run()} (report included). At the highest
 * parallelism an untimed run more is watched by {@link ThreadWatch}: the most attempt threads seen
 * BLOCKED at once, and where.
 */
final class Scaling {
    /**
     * The sleeps and parallelism levels; each level runs at least {@code attempts} and at least
     * {@code waves} full waves, parallelism 1 as many as sleep {@code millisAtParallelism1} in all.
     */
    record Size(
            long[] sleepMillis,
            int[] parallelism,
            int attempts,
            int waves,
            long millisAtParallelism1,
            int warmupAttempts) {
        int attempts(long sleep, int p) {
            return p == 1 ? (int) Math.max(2, millisAtParallelism1 / sleep) : Math.max(attempts, p * waves);
        }
    }

    static final Size FULL = new Size(new long[] {50, 1_000}, new int[] {1, 16, 64, 256, 1024}, 2_048, 2, 3_200, 2_048);
    static final Size QUICK = new Size(new long[] {50}, new int[] {1, 16, 256, 1024}, 256, 1, 400, 256);

    private Scaling() {}

    static void run(Size size, Results results) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int top = size.parallelism()[size.parallelism().length - 1];
        RunnerOverhead.run(
                BenchTasks.tiny("scaling-warmup", size.warmupAttempts()),
                1,
                Sandboxes.inMemory(),
                top,
                BenchHarnesses.sleep(5));
        for (long sleep : size.sleepMillis()) {
            Harness harness = BenchHarnesses.sleep(sleep);
            for (int p : size.parallelism()) {
                int attempts = size.attempts(sleep, p);
                List<Task> tasks = BenchTasks.tiny("scaling", attempts);
                Evaluator evaluator = Evaluator.builder()
                        .tasks(tasks)
                        .harness(harness)
                        .parallelism(p)
                        .build();
                long started = threads.getTotalStartedThreadCount();
                long start = System.nanoTime();
                EvaluationReport report = evaluator.run();
                double measured = (System.nanoTime() - start) / 1e9;
                long threadStarts = threads.getTotalStartedThreadCount() - started;
                RunnerOverhead.check(report, attempts);
                double ideal = attempts * sleep / 1e3 / p;
                results.add(new Figure(
                        "scaling." + sleep + "ms.p" + p,
                        Timing.round(ideal / measured, 4),
                        "efficiency",
                        Figure.params()
                                .put("attempts", attempts)
                                .put("parallelism", p)
                                .put("sleepMillis", sleep)
                                .put("sandbox", "in-memory")
                                .put("idealSeconds", Timing.round(ideal, 4))
                                .put("measuredSeconds", Timing.round(measured, 4))
                                .put(
                                        "attemptsSeconds",
                                        Timing.round(report.duration().toNanos() / 1e9, 4))
                                .put("threadsStarted", threadStarts)
                                .put("passed", report.count(Outcome.PASSED))
                                .put("definition", "ideal / measured, ideal = attempts x sleep / parallelism")
                                .put("target", target(sleep, p))
                                .putAll(Machine.parameters())
                                .map()));
            }
            watched(size, sleep, top, harness, results);
        }
    }

    /** An untimed run at the top parallelism with the thread watch on. */
    private static void watched(Size size, long sleep, int p, Harness harness, Results results) throws Exception {
        int attempts = size.attempts(sleep, p);
        Evaluator evaluator = Evaluator.builder()
                .tasks(BenchTasks.tiny("scaling-watched", attempts))
                .harness(harness)
                .parallelism(p)
                .build();
        ThreadWatch.Seen seen;
        try (ThreadWatch watch = ThreadWatch.start("ale-")) {
            RunnerOverhead.check(evaluator.run(), attempts);
            seen = watch.seen();
        }
        results.add(new Figure(
                "scaling." + sleep + "ms.p" + p + ".blocked",
                seen.mostBlocked(),
                "threads",
                Figure.params()
                        .put("attempts", attempts)
                        .put("parallelism", p)
                        .put("sleepMillis", sleep)
                        .put(
                                "measures",
                                "most threads named ale-* seen BLOCKED on a monitor at once, sampled every "
                                        + ThreadWatch.PERIOD_MILLIS + " ms during an untimed run")
                        .put("samples", seen.samples())
                        .put("mostThreads", seen.mostThreads())
                        .put("blockedAt", seen.where())
                        .put("target", "0 (no lock on the attempt path)")
                        .putAll(Machine.parameters())
                        .map()));
    }

    private static String target(long sleep, int p) {
        if (sleep >= 1_000 && p == 1024) {
            return "at least 0.95";
        }
        return sleep == 50 && p == 256 ? "at least 0.9" : "-";
    }
}
