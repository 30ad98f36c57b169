package dev.ale.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Figure group 5, memory: a child JVM limited to {@code -Xmx256m} runs many attempts with a run
 * directory (journal, trajectories, artefacts, report.json) and reports the peak heap it used and
 * the peak heap still live after a collection, and whether it finished. A child that ran out of
 * memory reports where ({@code finished} 0, the failure in the parameters); one that says it
 * finished must have journaled every attempt once and written {@code report.json}.
 */
final class MemoryFootprint {
    /** How many attempts (tasks × trials) the child runs, with how many at once. */
    record Size(int tasks, int trials, int parallelism) {
        int attempts() {
            return tasks * trials;
        }
    }

    static final Size FULL = new Size(1_000, 100, 2);
    static final Size QUICK = new Size(20, 25, 2);
    static final String MAX_HEAP = "-Xmx256m";

    private MemoryFootprint() {}

    static void run(Size size, Results results) throws Exception {
        try (TempTree tmp = TempTree.create("memory")) {
            Path runDirectory = tmp.root().resolve("run");
            Path log = tmp.root().resolve("child.log");
            ChildJvm.runToExit(
                    List.of(MAX_HEAP),
                    MemoryChild.class,
                    log,
                    String.valueOf(size.tasks()),
                    String.valueOf(size.trials()),
                    String.valueOf(size.parallelism()),
                    runDirectory.toString());
            JsonNode seen = parse(log);
            boolean finished = seen.path("finished").asBoolean();
            long journaled = lines(runDirectory.resolve("journal.jsonl"));
            boolean reportWritten = Files.isRegularFile(runDirectory.resolve("report.json"));
            if (finished
                    && (seen.path("attempts").asInt() != size.attempts()
                            || journaled != size.attempts()
                            || seen.path("errors").asInt() != 0
                            || !reportWritten)) {
                throw new IllegalStateException("the memory child did not run every attempt: " + seen + ", " + journaled
                        + " journal lines, report.json " + (reportWritten ? "written" : "missing"));
            }
            Figure.Params params = Figure.params()
                    .put("finished", finished)
                    .put("attempts", size.attempts())
                    .put("tasks", size.tasks())
                    .put("trials", size.trials())
                    .put("parallelism", size.parallelism())
                    .put("sandbox", "in-memory")
                    .put("harness", "write-file-and-record (1 file, 2 trajectory steps)")
                    .put("runDirectory", "run.json, journal.jsonl, trajectories, report.json (artefacts off)")
                    .put("childJvm", MAX_HEAP)
                    .put("childGc", seen.path("gc").asText())
                    .put("childSeconds", Timing.round(seen.path("seconds").asDouble(), 4))
                    .put("journalLines", journaled)
                    .put("reportJsonBytes", reportWritten ? Files.size(runDirectory.resolve("report.json")) : 0)
                    .put("collections", seen.path("collections").asLong())
                    .put("poolPeakSumMB", mb(seen.path("poolPeakSumBytes").asLong()));
            if (!finished) {
                params.put("failure", firstLines(seen.path("failure").asText(), 8));
            }
            Map<String, Object> common = params.put("target", "finishes with " + MAX_HEAP)
                    .putAll(Machine.parameters())
                    .map();
            results.add(new Figure(
                    "memory.finished",
                    finished ? 1 : 0,
                    "1 = yes",
                    Figure.params()
                            .put("measures", "whether the run finished with report.json, every attempt journaled once")
                            .putAll(common)
                            .map()));
            results.add(new Figure(
                    "memory.peak-heap",
                    mb(seen.path("peakUsedBytes").asLong()),
                    "MB",
                    Figure.params()
                            .put("measures", "most heap in use at any moment (sampled every ms, MemoryMXBean)")
                            .putAll(common)
                            .map()));
            results.add(new Figure(
                    "memory.peak-live-heap",
                    mb(seen.path("peakAfterGcBytes").asLong()),
                    "MB",
                    Figure.params()
                            .put("measures", "most heap still in use right after a collection (GC notifications)")
                            .putAll(common)
                            .map()));
        }
    }

    private static String firstLines(String text, int n) {
        return String.join("\n", text.lines().limit(n).map(String::strip).toList());
    }

    private static double mb(long bytes) {
        return Timing.round(bytes / (1024.0 * 1024.0), 4);
    }

    private static JsonNode parse(Path log) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith(MemoryChild.MARKER)) {
                return new ObjectMapper().readTree(line.substring(MemoryChild.MARKER.length()));
            }
        }
        throw new IllegalStateException("the memory child printed no result: " + ChildJvm.tail(log));
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }
}
