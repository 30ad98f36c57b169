package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Figure group {@code scaling}: attempts whose harness sleeps (an agent waiting on a model) at
 * parallelism 1 to 1,024, with a 50 ms and a 1 s sleep. Efficiency = ideal time (attempts × sleep
 * / parallelism) / measured wall time of {@code Evaluator.run()} (report included). At the highest
 * parallelism an untimed run more is watched by {@link ThreadWatch}: the most attempt threads seen
 * BLOCKED at once, and where.
 *
 * <p>Each level is measured warm, as a long evaluation runs: an untimed run at the same parallelism
 * first (the pool's threads started, the attempt path compiled), then a wait until the JIT compiler
 * is idle, so that a figure says what the runner costs and not what compiling it costs. The two
 * target levels also give the first, cold run ({@code .first}): threads started and code compiled
 * while it is timed.
 */
final class Scaling {
    /**
     * The sleeps and parallelism levels; each level runs at least {@code attempts} and at least
     * {@code waves} full waves, parallelism 1 as many as sleep {@code millisAtParallelism1} in all. With
     * {@code warmEachLevel} each level gets an untimed run and an idle JIT before it is timed, and
     * the target levels their first run as well ({@code --quick} leaves that out to stay short).
     */
    record Size(
            long[] sleepMillis,
            int[] parallelism,
            int attempts,
            int waves,
            long millisAtParallelism1,
            int warmupAttempts,
            boolean warmEachLevel) {
        int attempts(long sleep, int p) {
            return p == 1 ? (int) Math.max(2, millisAtParallelism1 / sleep) : Math.max(attempts, p * waves);
        }
    }

    static final Size FULL =
            new Size(new long[] {50, 1_000}, new int[] {1, 16, 64, 256, 1024}, 2_048, 2, 3_200, 2_048, true);
    static final Size QUICK = new Size(new long[] {50}, new int[] {1, 16, 256, 1024}, 256, 1, 400, 256, false);

    private Scaling() {}

    static void run(Size size, Results results) throws Exception {
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
                if (size.warmEachLevel()) {
                    if (!target(sleep, p).equals("-")) {
                        results.add(figure(
                                "scaling." + sleep + "ms.p" + p + ".first", timed(harness, sleep, p, attempts), false));
                    }
                    int warmup = Math.max(p, 256);
                    RunnerOverhead.check(
                            evaluator("scaling", BenchHarnesses.sleep(Math.min(sleep, 5)), p, warmup)
                                    .run(),
                            warmup);
                    quiesce();
                }
                results.add(figure(
                        "scaling." + sleep + "ms.p" + p, timed(harness, sleep, p, attempts), size.warmEachLevel()));
            }
            watched(size, sleep, top, harness, results);
        }
    }

    /** One timed run: wall seconds, threads started and the report. */
    private record Timed(
            long sleep, int parallelism, int attempts, double seconds, long threadStarts, EvaluationReport report) {}

    private static Timed timed(Harness harness, long sleep, int p, int attempts) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Evaluator evaluator = evaluator("scaling", harness, p, attempts);
        long started = threads.getTotalStartedThreadCount();
        long start = System.nanoTime();
        EvaluationReport report = evaluator.run();
        double measured = (System.nanoTime() - start) / 1e9;
        RunnerOverhead.check(report, attempts);
        return new Timed(sleep, p, attempts, measured, threads.getTotalStartedThreadCount() - started, report);
    }

    private static Evaluator evaluator(String name, Harness harness, int p, int attempts) {
        return Evaluator.builder()
                .tasks(BenchTasks.tiny(name, attempts))
                .harness(harness)
                .parallelism(p)
                .build();
    }

    /** Waits (at most 10 s) until the JIT compiler has done nothing for 200 ms. */
    private static void quiesce() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long last = -1;
        for (int i = 0; i < 50; i++) {
            long now = jit.getTotalCompilationTime();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(200);
        }
    }

    private static Figure figure(String name, Timed t, boolean warm) {
        double ideal = t.attempts() * t.sleep() / 1e3 / t.parallelism();
        return new Figure(
                name,
                Timing.round(ideal / t.seconds(), 4),
                "efficiency",
                Figure.params()
                        .put("attempts", t.attempts())
                        .put("parallelism", t.parallelism())
                        .put("sleepMillis", t.sleep())
                        .put("sandbox", "in-memory")
                        .put("idealSeconds", Timing.round(ideal, 4))
                        .put("measuredSeconds", Timing.round(t.seconds(), 4))
                        .put(
                                "attemptsSeconds",
                                Timing.round(t.report().duration().toNanos() / 1e9, 4))
                        .put("threadsStarted", t.threadStarts())
                        .put("passed", t.report().count(Outcome.PASSED))
                        .put(
                                "warm",
                                warm
                                        ? "after an untimed run at this parallelism and an idle JIT compiler"
                                        : "first run at this parallelism (with --quick: every run): threads"
                                                + " started and code compiled while timed")
                        .put("definition", "ideal / measured, ideal = attempts x sleep / parallelism")
                        .put("target", target(t.sleep(), t.parallelism()))
                        .putAll(Machine.parameters())
                        .map());
    }

    /** An untimed run at the top parallelism with the thread watch on. */
    private static void watched(Size size, long sleep, int p, Harness harness, Results results) throws Exception {
        int attempts = size.attempts(sleep, p);
        Evaluator evaluator = evaluator("scaling-watched", harness, p, attempts);
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
