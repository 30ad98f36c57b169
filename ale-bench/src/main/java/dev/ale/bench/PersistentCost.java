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
import java.util.ArrayList;
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
 * Parallelism 1, a warm-up, then the variants in turn, repetition by repetition (the median of
 * each), every run with a fresh persistent harness
 * (its process start included). Not part of {@code --quick}: it needs {@code python3}.
 */
final class PersistentCost {
    /** How big the measurement is. */
    record Size(int tasks, int warmup, int repetitions) {}

    static final Size FULL = new Size(400, 100, 5);

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
        if (!bwrap) {
            System.err.println("ale-bench: no bubblewrap figures in the persistent group");
        }
        try (TempTree tree = TempTree.create("persistent")) {
            Path script = tree.root().resolve("persistent-agent.py");
            try (InputStream in = PersistentCost.class.getResourceAsStream("persistent-agent.py")) {
                Files.write(script, in.readAllBytes());
            }
            String persistent = "/usr/bin/python3 " + script;
            List<Variant> variants = new ArrayList<>(List.of(
                    new Variant("in-process.in-memory", Sandboxes::inMemory, BenchHarnesses::writeFile),
                    new Variant("in-process.local-directory", Sandboxes::localDirectory, BenchHarnesses::writeFile),
                    new Variant(
                            "cmd-per-attempt.local-directory",
                            Sandboxes::localDirectory,
                            () -> CommandHarness.parse(PER_ATTEMPT_AGENT)),
                    new Variant("cmd-persistent.local-directory", Sandboxes::localDirectory, () -> CommandHarness.parse(
                                    persistent)
                            .persistent())));
            if (bwrap) {
                variants.add(new Variant(
                        "cmd-per-attempt.bubblewrap",
                        Sandboxes::bubblewrap,
                        () -> CommandHarness.parse(PER_ATTEMPT_AGENT)));
                variants.add(new Variant(
                        "cmd-persistent.bubblewrap", Sandboxes::bubblewrap, () -> CommandHarness.parse(persistent)
                                .persistent()));
            }
            Map<String, Double> ms = measure(size, tasks, warmup, variants, results);
            ratio(results, "local-directory.vs-in-process", ms, "local-directory", "in-process.local-directory");
            ratio(results, "local-directory.vs-in-memory", ms, "local-directory", "in-process.in-memory");
            speedup(results, "local-directory", ms);
            if (bwrap) {
                ratio(results, "bubblewrap.vs-in-process", ms, "bubblewrap", "in-process.local-directory");
                speedup(results, "bubblewrap", ms);
            }
        }
    }

    /** One way of running the cases: a sandbox and a harness. */
    private record Variant(String name, Supplier<SandboxProvider> provider, Supplier<Harness> harnesses) {
        /** One run of {@code cases}, every case passed; the harness closed after it. */
        double msPerCase(List<Task> cases) {
            Harness harness = harnesses.get();
            long start = System.nanoTime();
            EvaluationReport report;
            try {
                report = RunnerOverhead.run(cases, 1, provider.get(), 1, harness);
            } finally {
                if (harness instanceof PersistentCommandHarness p) {
                    p.close();
                }
            }
            double ms = (System.nanoTime() - start) / 1e6 / cases.size();
            if (report.count(Outcome.PASSED) != cases.size()) {
                throw new IllegalStateException(name + " did not pass every case: "
                        + report.attempts().get(0).message());
            }
            return ms;
        }
    }

    /**
     * Warms every variant up, then runs them in turn, repetition by repetition, so that a change in
     * the machine's load falls on all of them alike; adds the median of each.
     */
    private static Map<String, Double> measure(
            Size size, List<Task> tasks, List<Task> warmup, List<Variant> variants, Results results) {
        variants.forEach(v -> v.msPerCase(warmup));
        double[][] runs = new double[variants.size()][size.repetitions()];
        for (int r = 0; r < size.repetitions(); r++) {
            for (int v = 0; v < variants.size(); v++) {
                runs[v][r] = variants.get(v).msPerCase(tasks);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            double median = Timing.median(runs[v]);
            medians.put(variants.get(v).name(), median);
            results.add(new Figure(
                    "persistent." + variants.get(v).name(),
                    Timing.round(median, 4),
                    "ms/case",
                    Figure.params()
                            .put("cases", tasks.size())
                            .put("parallelism", 1)
                            .put("repetitions", size.repetitions())
                            .put("statistic", "median, the variants run in turn")
                            .put("runsMsPerCase", Timing.rounded(runs[v]))
                            .putAll(Machine.parameters())
                            .map()));
        }
        return medians;
    }

    private static void speedup(Results results, String sandbox, Map<String, Double> ms) {
        ratio(
                results,
                sandbox + ".speedup-vs-per-attempt",
                ms,
                "cmd-per-attempt." + sandbox,
                "cmd-persistent." + sandbox);
    }

    /** The figure {@code persistent.cmd-persistent.<name>}: {@code over / under} (a bare sandbox name is the persistent agent's). */
    private static void ratio(Results results, String name, Map<String, Double> ms, String over, String under) {
        String o = over.contains(".") ? over : "cmd-persistent." + over;
        results.add(new Figure(
                "persistent.cmd-persistent." + name,
                Timing.round(ms.get(o) / ms.get(under), 3),
                "x",
                Figure.params()
                        .put("ratio", o + " / " + under)
                        .put(o + " ms/case", Timing.round(ms.get(o), 4))
                        .put(under + " ms/case", Timing.round(ms.get(under), 4))
                        .putAll(Machine.parameters())
                        .map()));
    }
}
