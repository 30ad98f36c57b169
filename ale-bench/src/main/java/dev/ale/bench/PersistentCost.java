package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.task.Task;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Sandboxes;
import dev.ale.process.BubblewrapOptions;
import dev.ale.process.CommandHarness;
import dev.ale.process.PersistentCommandHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Figure group {@code persistent}: what a tiny case costs with the agent in process, as a
 * {@code cmd:} agent started once per attempt, and as a persistent {@code cmd:} agent (one
 * long-lived process taking tasks as JSON lines), so the protocol's cost shows against the in-process
 * harness on the same sandbox. The in-process agent writes {@code out.txt}; the per-attempt agent is
 * {@code /bin/sh -c 'echo done > out.txt'}; the persistent agent is the documented example
 * ({@code docs/examples/persistent-agent.py}, Python) writing the instruction to {@code out.txt}.
 * Parallelism 1, a warm-up, then the median of several runs, each with a fresh persistent harness
 * (its process start included). Not part of {@code --quick}: it needs {@code python3}.
 */
final class PersistentCost {
    /** How big the measurement is. */
    record Size(int tasks, int warmup, int repetitions) {}

    static final Size FULL = new Size(500, 100, 3);

    private static final String PER_ATTEMPT_AGENT = "/bin/sh -c 'echo done > " + BenchTasks.OUTPUT + "'";

    private PersistentCost() {}

    static void run(Size size, Results results) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            System.err.println("ale-bench: no persistent figures: /usr/bin/python3 is missing");
            return;
        }
        List<Task> tasks = BenchTasks.tiny("persistent", size.tasks());
        List<Task> warmup = BenchTasks.tiny("persistent-warmup", size.warmup());
        boolean bwrap = BubblewrapOptions.defaults().unusable().isEmpty();
        try (TempTree tree = TempTree.create("persistent")) {
            Path script = tree.root().resolve("persistent-agent.py");
            try (InputStream in = PersistentCost.class.getResourceAsStream("persistent-agent.py")) {
                Files.write(script, in.readAllBytes());
            }
            String persistent = "/usr/bin/python3 " + script;
            Map<String, Double> ms = new LinkedHashMap<>();
            Measure m = new Measure(size, tasks, warmup, results);
            ms.put(
                    "in-process.in-memory",
                    m.ms("in-process.in-memory", Sandboxes::inMemory, BenchHarnesses::writeFile));
            ms.put(
                    "in-process.local-directory",
                    m.ms("in-process.local-directory", Sandboxes::localDirectory, BenchHarnesses::writeFile));
            ms.put(
                    "cmd-per-attempt.local-directory",
                    m.ms(
                            "cmd-per-attempt.local-directory",
                            Sandboxes::localDirectory,
                            () -> CommandHarness.parse(PER_ATTEMPT_AGENT)));
            ms.put(
                    "cmd-persistent.local-directory",
                    m.ms("cmd-persistent.local-directory", Sandboxes::localDirectory, () -> CommandHarness.parse(
                                    persistent)
                            .persistent()));
            if (bwrap) {
                ms.put(
                        "cmd-per-attempt.bubblewrap",
                        m.ms(
                                "cmd-per-attempt.bubblewrap",
                                Sandboxes::bubblewrap,
                                () -> CommandHarness.parse(PER_ATTEMPT_AGENT)));
                ms.put(
                        "cmd-persistent.bubblewrap",
                        m.ms("cmd-persistent.bubblewrap", Sandboxes::bubblewrap, () -> CommandHarness.parse(persistent)
                                .persistent()));
            } else {
                System.err.println("ale-bench: no bubblewrap figures in the persistent group");
            }
            ratio(
                    results,
                    "cmd-persistent.local-directory.vs-in-process",
                    ms,
                    "cmd-persistent.local-directory",
                    "in-process.local-directory");
            ratio(
                    results,
                    "cmd-persistent.local-directory.vs-in-memory",
                    ms,
                    "cmd-persistent.local-directory",
                    "in-process.in-memory");
            ratio(
                    results,
                    "cmd-persistent.local-directory.speedup-vs-per-attempt",
                    ms,
                    "cmd-per-attempt.local-directory",
                    "cmd-persistent.local-directory");
            if (bwrap) {
                ratio(
                        results,
                        "cmd-persistent.bubblewrap.vs-in-process",
                        ms,
                        "cmd-persistent.bubblewrap",
                        "in-process.local-directory");
                ratio(
                        results,
                        "cmd-persistent.bubblewrap.speedup-vs-per-attempt",
                        ms,
                        "cmd-per-attempt.bubblewrap",
                        "cmd-persistent.bubblewrap");
            }
        }
    }

    private static void ratio(Results results, String name, Map<String, Double> ms, String over, String under) {
        results.add(new Figure(
                "persistent." + name,
                Timing.round(ms.get(over) / ms.get(under), 3),
                "x",
                Figure.params()
                        .put("ratio", over + " / " + under)
                        .put(over + " ms/case", Timing.round(ms.get(over), 4))
                        .put(under + " ms/case", Timing.round(ms.get(under), 4))
                        .putAll(Machine.parameters())
                        .map()));
    }

    /** Runs the tiny cases with one sandbox and harness, warm-up first, and adds the median per case. */
    private record Measure(Size size, List<Task> tasks, List<Task> warmup, Results results) {
        double ms(String name, Supplier<SandboxProvider> provider, Supplier<Harness> harnesses) {
            once(warmup, provider, harnesses);
            double[] perCase = new double[size.repetitions()];
            for (int i = 0; i < perCase.length; i++) {
                long start = System.nanoTime();
                EvaluationReport report = once(tasks, provider, harnesses);
                perCase[i] = (System.nanoTime() - start) / 1e6 / tasks.size();
                if (report.count(Outcome.PASSED) != tasks.size()) {
                    throw new IllegalStateException(name + " did not pass every case: "
                            + report.attempts().get(0).message());
                }
            }
            double median = Timing.median(perCase);
            results.add(new Figure(
                    "persistent." + name,
                    Timing.round(median, 4),
                    "ms/case",
                    Figure.params()
                            .put("cases", tasks.size())
                            .put("parallelism", 1)
                            .put("repetitions", size.repetitions())
                            .put("statistic", "median")
                            .put("runsMsPerCase", Timing.rounded(perCase))
                            .putAll(Machine.parameters())
                            .map()));
            return median;
        }

        private static EvaluationReport once(
                List<Task> cases, Supplier<SandboxProvider> provider, Supplier<Harness> harnesses) {
            Harness harness = harnesses.get();
            try {
                return RunnerOverhead.run(cases, 1, provider.get(), 1, harness);
            } finally {
                if (harness instanceof PersistentCommandHarness p) {
                    p.close();
                }
            }
        }
    }
}
