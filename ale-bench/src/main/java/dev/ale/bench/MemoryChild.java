package dev.ale.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Outcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * The child JVM of the memory figure: runs {@code tasks × trials} attempts with a run directory
 * (journal, trajectories, report.json) while a {@link HeapWatch} watches the heap, then prints one
 * line {@code ALE-BENCH-MEMORY {json}} with what it saw, also when it ran out of memory (then with
 * {@code "finished": false} and where it failed). Arguments: tasks, trials, parallelism, run directory.
 */
final class MemoryChild {
    static final String MARKER = "ALE-BENCH-MEMORY ";

    private MemoryChild() {}

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[0]);
        int trials = Integer.parseInt(args[1]);
        int parallelism = Integer.parseInt(args[2]);
        Path runDirectory = Path.of(args[3]);
        ObjectNode line = new ObjectMapper().createObjectNode();
        try (HeapWatch watch = HeapWatch.start()) {
            long start = System.nanoTime();
            try {
                EvaluationReport report = Evaluator.builder()
                        .tasks(BenchTasks.tiny("memory", tasks))
                        .harness(BenchHarnesses.writeFileAndRecord())
                        .trials(trials)
                        .parallelism(parallelism)
                        .runDirectory(runDirectory)
                        .artifactCapBytes(0)
                        .build()
                        .run();
                line.put("finished", true)
                        .put("attempts", report.attempts().size())
                        .put("passed", report.count(Outcome.PASSED))
                        .put("errors", report.count(Outcome.ERROR))
                        .put("warnings", report.warnings().size());
            } catch (OutOfMemoryError e) {
                // what the run held is unreachable once the stack has unwound: there is room to say where it failed
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                line.put("finished", false).put("failure", trace.toString());
            }
            line.put("seconds", (System.nanoTime() - start) / 1e9)
                    .put("peakUsedBytes", watch.peakUsed())
                    .put("peakAfterGcBytes", watch.peakAfterGc())
                    .put("collections", watch.collections());
        }
        line.put("poolPeakSumBytes", HeapWatch.poolPeakSum())
                .put("maxHeapBytes", Runtime.getRuntime().maxMemory())
                .put("gc", Machine.collectors());
        System.out.println(MARKER + line);
    }
}
