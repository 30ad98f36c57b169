package dev.ale.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.task.Task;
import dev.ale.testkit.FolderContext;
import dev.ale.verifiers.VerifierRegistry;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Figure group 3, verifier throughput: {@code csv} over a keyed table with tolerances (rows per
 * second), {@code json} over many fields (fields per second) and {@code weighted} over many child
 * checks (checks per second). The data fully passes, so every cell is compared; each run is
 * checked to score 1. Warmed up, then repeated; figures are medians.
 */
final class VerifierThroughput {
    /** How big each input is and how often each measurement repeats. */
    record Size(int csvRows, int jsonFields, int weightedChecks, int repetitions, int weightedCallsPerRun) {}

    static final Size FULL = new Size(1_000_000, 200_000, 1_000, 3, 20);
    static final Size QUICK = new Size(10_000, 2_000, 1_000, 1, 2);

    private VerifierThroughput() {}

    /** Writes a figure's output and reference files and returns the verifier configuration that grades them. */
    @FunctionalInterface
    private interface Input {
        JsonNode write(Path output, Path reference) throws Exception;
    }

    static void run(Size size, long seed, Results results) throws Exception {
        VerifierRegistry registry = VerifierRegistry.discover();
        measure(
                "verifier.csv",
                "rows/s",
                size.csvRows(),
                1,
                size,
                registry,
                results,
                (out, ref) -> SyntheticTables.csv(out, ref, size.csvRows(), seed),
                "1 key column (id), 8 columns: 2 with abs 0.01, 1 numeric, 1 with rel 0.001, 1 trimmed and case-blind;"
                        + " output rows in reverse order, every row matches");
        measure(
                "verifier.json",
                "fields/s",
                size.jsonFields(),
                1,
                size,
                registry,
                results,
                (out, ref) -> SyntheticTables.json(out, ref, size.jsonFields(), seed),
                "every leaf compared (numbers with abs 0.01, strings, booleans, null), records of 10 fields");
        measure(
                "verifier.weighted",
                "checks/s",
                size.weightedChecks(),
                size.weightedCallsPerRun(),
                size,
                registry,
                results,
                (out, ref) -> SyntheticTables.weighted(out, size.weightedChecks(), seed),
                "children in turn file-exists, text contains, number by regex, json inline expected, over 100 small files");
    }

    private static void measure(
            String name,
            String unit,
            int units,
            int callsPerRun,
            Size size,
            VerifierRegistry registry,
            Results results,
            Input input,
            String shape)
            throws Exception {
        try (TempTree tmp = TempTree.create("verifier")) {
            Path out = Files.createDirectory(tmp.root().resolve("output"));
            Path ref = Files.createDirectory(tmp.root().resolve("reference"));
            JsonNode config = input.write(out, ref);
            Verifier verifier = registry.create(config, "");
            Task task = BenchTasks.tiny("verifier", 1).get(0);
            FolderContext ctx = FolderContext.of(out, ref, task.spec());
            verifyOnce(verifier, ctx, name);
            double[] perSecond = new double[size.repetitions()];
            for (int i = 0; i < perSecond.length; i++) {
                long nanos = Timing.nanos(() -> {
                    for (int c = 0; c < callsPerRun; c++) {
                        verifyOnce(verifier, ctx, name);
                    }
                });
                perSecond[i] = (double) units * callsPerRun / (nanos / 1e9);
            }
            results.add(new Figure(
                    name,
                    Timing.round(Timing.median(perSecond), 4),
                    unit,
                    Figure.params()
                            .put("size", units)
                            .put("callsPerRun", callsPerRun)
                            .put("shape", shape)
                            .put("outputBytes", PackReading.bytesUnder(out))
                            .put("referenceBytes", PackReading.bytesUnder(ref))
                            .put("repetitions", size.repetitions())
                            .put("statistic", "median")
                            .put("runsPerSecond", Timing.rounded(perSecond))
                            .put("warmupCalls", 1)
                            .putAll(Machine.parameters())
                            .map()));
        }
    }

    private static void verifyOnce(Verifier verifier, FolderContext ctx, String name) throws Exception {
        Verdict v = verifier.verify(ctx);
        if (v.score() != 1.0) {
            throw new IllegalStateException(
                    name + ": the synthetic output should fully pass but scored " + v.score() + ": " + v.summary());
        }
    }
}
