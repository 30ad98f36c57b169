package dev.ale.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of the tiny-case figures: opens the pack's zip (timed), runs every case embedded
 * (the harness writes its instruction to {@code out.txt}), and reports the times, the outcome
 * counts and its peak resident memory. Arguments: pack zip, parallelism.
 */
final class TinyChild {
    private TinyChild() {}

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(args[0]);
        int parallelism = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        ObjectNode line = new ObjectMapper().createObjectNode();
        try (TaskPack pack = TaskPacks.open(zip)) {
            long zipOpened = System.nanoTime();
            Harness harness = ctx -> {
                Files.writeString(ctx.workspace().resolve(TinyPack.OUTPUT), ctx.instruction());
                return SessionOutcome.completed();
            };
            EvaluationReport report = Evaluator.builder()
                    .tasks(pack)
                    .harness(harness)
                    .parallelism(parallelism)
                    .build()
                    .run();
            long ran = System.nanoTime();
            line.put("cases", report.attempts().size())
                    .put("passed", report.count(Outcome.PASSED))
                    .put("openZipMs", (zipOpened - start) / 1e6)
                    .put("runMs", (ran - zipOpened) / 1e6);
        }
        line.put("peakRssKb", ChildJvm.peakRssKb())
                .put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
        ChildJvm.report(line);
    }
}
