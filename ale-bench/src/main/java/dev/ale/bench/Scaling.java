package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
     * With {@code underTheLauncher} the target levels are measured once more each, in a child JVM of
     * their own under the {@code ale} launcher's options.
     */
    record Size(
            long[] sleepMillis,
            int[] parallelism,
            int attempts,
            int waves,
            long millisAtParallelism1,
            int warmupAttempts,
            boolean warmEachLevel,
            boolean underTheLauncher) {
        int attempts(long sleep, int p) {
            return p == 1 ? (int) Math.max(2, millisAtParallelism1 / sleep) : Math.max(attempts, p * waves);
        }
    }

    static final Size FULL =
            new Size(new long[] {50, 1_000}, new int[] {1, 16, 64, 256, 1024}, 2_048, 2, 3_200, 2_048, true, true);
    static final Size QUICK = new Size(new long[] {50}, new int[] {1, 16, 256, 1024}, 256, 1, 400, 256, false, true);

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
                    warm(sleep, p);
                }
                results.add(figure(
                        "scaling." + sleep + "ms.p" + p, timed(harness, sleep, p, attempts), size.warmEachLevel()));
            }
            watched(size, sleep, top, harness, results);
        }
        if (size.underTheLauncher()) {
            underTheLauncher(size, results);
        }
    }

    /**
     * The target levels again, each in a new JVM under the {@code ale} launcher's options, {@code
     * -Xmn64m} included (the launcher adds it at {@code --parallel 64} or more), mapping a class-data
     * archive as the launcher does where one can be made: the first run, as an {@code ale run} has it,
     * and the warm one ({@code scaling.launcher.*}). The children's own JVM is described by their
     * report, not the bench's.
     */
    private static void underTheLauncher(Size size, Results results) throws Exception {
        try (TempTree tmp = TempTree.create("scaling-launcher")) {
            List<String> options = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
            String archive = "none: classes not in jars, or the options name their own";
            if (ClassDataArchive.possible()) {
                options = new ArrayList<>(ClassDataArchive.make(
                        tmp.root(), "scaling", ScalingChild.class, tmp.root().resolve("making.log"), "5", "64", "256"));
                archive = ClassDataArchive.Kind.current().label
                        + " made by a run of 256 attempts of 5 ms at parallelism 64, mapped with "
                        + ClassDataArchive.Kind.current().insist;
            }
            for (long sleep : size.sleepMillis()) {
                for (int p : size.parallelism()) {
                    if (target(sleep, p).equals("-")) {
                        continue;
                    }
                    List<String> child = new ArrayList<>(options);
                    if (p >= ChildJvm.MANY_AT_ONCE) {
                        child.add(ChildJvm.MANY_AT_ONCE_OPTION);
                    }
                    ChildJvm.Outcome out = ChildJvm.run(
                            child,
                            ScalingChild.class,
                            tmp.root().resolve("child-" + sleep + "-" + p + ".log"),
                            Long.toString(sleep),
                            Integer.toString(p),
                            Integer.toString(size.attempts(sleep, p)));
                    Map<String, Object> jvm = Figure.params()
                            .put("jvm", "child JVM: " + String.join(" ", child))
                            .put("classDataArchive", archive)
                            .putAll(ScalingChild.machine(out.report()))
                            .map();
                    String name = "scaling.launcher." + sleep + "ms.p" + p;
                    results.add(figure(
                            name + ".first", ScalingChild.timed(out.report().path("first")), false, jvm));
                    results.add(figure(name, ScalingChild.timed(out.report().path("warm")), true, jvm));
                }
            }
        }
    }

    /**
     * One timed run: wall seconds, threads started, and from its report the attempts' own seconds
     * and how many passed.
     */
    record Timed(
            long sleep,
            int parallelism,
            int attempts,
            double seconds,
            long threadStarts,
            double attemptsSeconds,
            long passed) {}

    static Timed timed(Harness harness, long sleep, int p, int attempts) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Evaluator evaluator = evaluator("scaling", harness, p, attempts);
        long started = threads.getTotalStartedThreadCount();
        long start = System.nanoTime();
        EvaluationReport report = evaluator.run();
        double measured = (System.nanoTime() - start) / 1e9;
        RunnerOverhead.check(report, attempts);
        return new Timed(
                sleep,
                p,
                attempts,
                measured,
                threads.getTotalStartedThreadCount() - started,
                report.duration().toNanos() / 1e9,
                report.count(Outcome.PASSED));
    }

    /**
     * The first run at {@code p} in this JVM, then, after an untimed run at the same parallelism and
     * an idle JIT compiler, the warm one: what the figures of a level measure.
     */
    static Timed[] firstAndWarm(long sleep, int p, int attempts) throws InterruptedException {
        Timed first = timed(BenchHarnesses.sleep(sleep), sleep, p, attempts);
        warm(sleep, p);
        return new Timed[] {first, timed(BenchHarnesses.sleep(sleep), sleep, p, attempts)};
    }

    /** An untimed run at {@code p} (a sleep of at most 5 ms), then a wait for an idle JIT compiler. */
    private static void warm(long sleep, int p) throws InterruptedException {
        int warmup = Math.max(p, 256);
        RunnerOverhead.check(
                evaluator("scaling", BenchHarnesses.sleep(Math.min(sleep, 5)), p, warmup)
                        .run(),
                warmup);
        quiesce();
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

    static Figure figure(String name, Timed t, boolean warm) {
        return figure(name, t, warm, Map.of());
    }

    /** The figure of a timed run, with {@code more} parameters after its own. */
    static Figure figure(String name, Timed t, boolean warm, Map<String, Object> more) {
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
                        .put("attemptsSeconds", Timing.round(t.attemptsSeconds(), 4))
                        .put("threadsStarted", t.threadStarts())
                        .put("passed", t.passed())
                        .put(
                                "warm",
                                warm
                                        ? "after an untimed run at this parallelism and an idle JIT compiler"
                                        : "first run at this parallelism (with --quick: every run): threads"
                                                + " started and code compiled while timed")
                        .put("definition", "ideal / measured, ideal = attempts x sleep / parallelism")
                        .put("target", target(t.sleep(), t.parallelism()))
                        .putAll(Machine.parameters())
                        .putAll(more)
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

    static String target(long sleep, int p) {
        if (sleep >= 1_000 && p == 1024) {
            return "at least 0.95";
        }
        return sleep == 50 && p == 256 ? "at least 0.9" : "-";
    }
}
