package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.task.Task;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Sandboxes;
import dev.ale.process.BubblewrapOptions;
import dev.ale.process.CommandHarness;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Figure group {@code sandbox}: what running a {@code cmd:} agent costs per attempt in a
 * local-directory sandbox and under bubblewrap, and what bubblewrap adds. The agent is one shell
 * command that writes {@code out.txt} ({@code /bin/sh -c 'echo done > out.txt'}), so the figures are
 * the runner's, the process start's and the sandbox's own cost. Parallelism 1, warmed up, median of
 * several runs. Not part of {@code --quick}: it needs {@code bwrap}, which a build machine may lack.
 */
final class SandboxCost {
    /** How big the measurement is. */
    record Size(int tasks, int warmup, int repetitions) {}

    static final Size FULL = new Size(200, 40, 3);

    private SandboxCost() {}

    static void run(Size size, Results results) {
        List<Task> tasks = BenchTasks.tiny("sandbox", size.tasks());
        List<Task> warmup = BenchTasks.tiny("sandbox-warmup", size.warmup());
        Harness agent = CommandHarness.parse("/bin/sh -c 'echo done > " + BenchTasks.OUTPUT + "'");
        double local = measure(size, tasks, warmup, Sandboxes::localDirectory, agent, "local-directory", results);
        Optional<String> problem = BubblewrapOptions.defaults().unusable();
        if (problem.isPresent()) {
            System.err.println("ale-bench: no bubblewrap figures: " + problem.get());
            return;
        }
        double bwrap = measure(size, tasks, warmup, Sandboxes::bubblewrap, agent, "bubblewrap", results);
        results.add(new Figure(
                "sandbox.bubblewrap.added",
                Timing.round(bwrap - local, 3),
                "ms/attempt",
                Figure.params()
                        .put("local-directory ms/attempt", Timing.round(local, 3))
                        .put("bubblewrap ms/attempt", Timing.round(bwrap, 3))
                        .put("ratio", Timing.round(bwrap / local, 3))
                        .put("agent", "/bin/sh -c 'echo done > out.txt', one process per attempt")
                        .putAll(Machine.parameters())
                        .map()));
    }

    private static double measure(
            Size size,
            List<Task> tasks,
            List<Task> warmup,
            Supplier<SandboxProvider> provider,
            Harness agent,
            String name,
            Results results) {
        RunnerOverhead.run(warmup, 1, provider.get(), 1, agent);
        double[] ms = new double[size.repetitions()];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            EvaluationReport report = RunnerOverhead.run(tasks, 1, provider.get(), 1, agent);
            ms[i] = (System.nanoTime() - start) / 1e6 / tasks.size();
            if (report.count(Outcome.PASSED) != tasks.size()) {
                throw new IllegalStateException("the " + name + " sandbox did not pass every attempt: "
                        + report.attempts().get(0).message());
            }
        }
        double median = Timing.median(ms);
        results.add(new Figure(
                "sandbox." + name + ".cmd",
                Timing.round(median, 3),
                "ms/attempt",
                Figure.params()
                        .put("attempts", tasks.size())
                        .put("parallelism", 1)
                        .put("agent", "/bin/sh -c 'echo done > out.txt'")
                        .put("repetitions", size.repetitions())
                        .put("statistic", "median")
                        .put("runsMsPerAttempt", Timing.rounded(ms))
                        .putAll(Machine.parameters())
                        .map()));
        return median;
    }
}
