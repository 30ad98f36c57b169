package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.task.Task;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import java.util.List;
import java.util.function.Supplier;

/**
 * Figure group 1, the runner's own cost: wall time per attempt of tiny tasks whose harness returns
 * at once ({@code noop}) or writes one small file ({@code write-file}), in in-memory and
 * local-directory sandboxes, at parallelism 1 and 2. Each configuration is warmed up, then run
 * several times; the figure is the median. The wall time is that of {@code Evaluator.run()} (plan,
 * attempts, report), with the evaluator built beforehand.
 */
final class RunnerOverhead {
    /** How big the measurement is. */
    record Size(int tasks, int trials, int warmupAttempts, int repetitions) {
        int attempts() {
            return tasks * trials;
        }
    }

    static final Size FULL = new Size(1_000, 20, 2_000, 3);
    static final Size QUICK = new Size(50, 6, 100, 1);

    private RunnerOverhead() {}

    static void run(Size size, Results results) {
        List<Task> tasks = BenchTasks.tiny("runner", size.tasks());
        List<Task> warmupTasks = BenchTasks.tiny("warmup", Math.max(1, size.warmupAttempts() / size.trials()));
        String[] sandboxes = {"in-memory", "local-directory"};
        for (String sandbox : sandboxes) {
            for (int parallelism : new int[] {1, 2}) {
                for (Supplier<Harness> harness :
                        List.<Supplier<Harness>>of(BenchHarnesses::noop, BenchHarnesses::writeFile)) {
                    measure(size, tasks, warmupTasks, sandbox, parallelism, harness.get(), results);
                }
            }
        }
    }

    private static void measure(
            Size size,
            List<Task> tasks,
            List<Task> warmupTasks,
            String sandbox,
            int parallelism,
            Harness harness,
            Results results) {
        run(warmupTasks, size.trials(), provider(sandbox), parallelism, harness);
        double[] perAttemptMicros = new double[size.repetitions()];
        EvaluationReport last = null;
        for (int i = 0; i < size.repetitions(); i++) {
            Evaluator evaluator = evaluator(tasks, size.trials(), provider(sandbox), parallelism, harness);
            long start = System.nanoTime();
            last = evaluator.run();
            long nanos = System.nanoTime() - start;
            check(last, size.attempts());
            perAttemptMicros[i] = nanos / 1_000.0 / size.attempts();
        }
        results.add(new Figure(
                "runner." + sandbox + ".p" + parallelism + "." + harness.name(),
                Timing.round(Timing.median(perAttemptMicros), 4),
                "us/attempt",
                Figure.params()
                        .put("attempts", size.attempts())
                        .put("tasks", size.tasks())
                        .put("trials", size.trials())
                        .put("harness", harness.name())
                        .put("sandbox", sandbox)
                        .put("parallelism", parallelism)
                        .put("task", "1 session, 1 input file of 16 bytes, verifier file-exists")
                        .put("passed", last.count(Outcome.PASSED))
                        .put("repetitions", size.repetitions())
                        .put("statistic", "median")
                        .put("runsMicrosPerAttempt", Timing.rounded(perAttemptMicros))
                        .put("warmupAttempts", warmupTasks.size() * size.trials())
                        .put("target", "well under 1000 us/attempt in memory")
                        .putAll(Machine.parameters())
                        .map()));
    }

    static EvaluationReport run(
            List<Task> tasks, int trials, SandboxProvider sandboxes, int parallelism, Harness harness) {
        EvaluationReport report =
                evaluator(tasks, trials, sandboxes, parallelism, harness).run();
        check(report, tasks.size() * trials);
        return report;
    }

    private static Evaluator evaluator(
            List<Task> tasks, int trials, SandboxProvider sandboxes, int parallelism, Harness harness) {
        return Evaluator.builder()
                .tasks(tasks)
                .harness(harness)
                .sandboxProvider(sandboxes)
                .trials(trials)
                .parallelism(parallelism)
                .build();
    }

    static SandboxProvider provider(String name) {
        return switch (name) {
            case "in-memory" -> Sandboxes.inMemory();
            case "local-directory" -> Sandboxes.localDirectory();
            default -> throw new IllegalArgumentException("unknown sandbox " + name);
        };
    }

    /** Fails the benchmark when a run did not do what it was meant to (every attempt scored, none in error). */
    static void check(EvaluationReport report, int attempts) {
        if (report.attempts().size() != attempts || report.count(Outcome.ERROR) > 0) {
            throw new IllegalStateException("the benchmark run went wrong: "
                    + report.attempts().size() + " of "
                    + attempts + " attempts, " + report.count(Outcome.ERROR) + " errors; first: "
                    + (report.errors().isEmpty() ? "-" : report.errors().get(0).message()));
        }
    }
}
