package dev.ale.bench;

import java.io.PrintStream;
import java.util.List;

/** Runs the chosen groups of figures in order, at full or quick size, into one {@link Results}. */
final class Bench {
    private Bench() {}

    /** Runs the benchmark and returns every figure measured (also printed to {@code console} and written to the file). */
    static List<Figure> run(BenchOptions options, PrintStream console) throws Exception {
        Results results = new Results(console, options.out());
        boolean quick = options.quick();
        for (String group : BenchOptions.GROUPS) {
            if (!options.runs(group)) {
                continue;
            }
            switch (group) {
                case "runner" -> RunnerOverhead.run(quick ? RunnerOverhead.QUICK : RunnerOverhead.FULL, results);
                case "tiny" -> TinyCases.run(quick ? TinyCases.QUICK : TinyCases.FULL, options.promptfoo(), results);
                case "pack" -> PackReading.run(quick ? PackReading.QUICK : PackReading.FULL, options.seed(), results);
                case "verifiers" -> VerifierThroughput.run(
                        quick ? VerifierThroughput.QUICK : VerifierThroughput.FULL, options.seed(), results);
                case "csv" -> CsvLabels.run(
                        quick ? CsvLabels.QUICK : CsvLabels.FULL, options.seed(), options.csvPeer(), results);
                case "scaling" -> Scaling.run(quick ? Scaling.QUICK : Scaling.FULL, results);
                case "rundir" -> RunDirectoryCost.run(quick ? RunDirectoryCost.QUICK : RunDirectoryCost.FULL, results);
                case "memory" -> MemoryFootprint.run(quick ? MemoryFootprint.QUICK : MemoryFootprint.FULL, results);
                case "tools" -> ToolOverhead.run(quick ? ToolOverhead.QUICK : ToolOverhead.FULL, results);
                case "sandbox" -> {
                    if (!quick) {
                        SandboxCost.run(SandboxCost.FULL, results);
                    }
                }
                case "persistent" -> {
                    if (!quick) {
                        PersistentCost.run(PersistentCost.FULL, results);
                    }
                }
                default -> throw new IllegalStateException("no such group " + group);
            }
        }
        return results.figures();
    }
}
