package dev.ale.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample pack, end to end through Evaluator.run(), as a directory and as the canonical zip. */
class SamplePackEvaluationTest {
    static final Path SAMPLE = Path.of("packs/sample");

    private static Map<String, AttemptResult> byTask(EvaluationReport report) {
        return report.attempts().stream().collect(Collectors.toMap(AttemptResult::taskId, a -> a));
    }

    private static void assertSampleResults(EvaluationReport report) {
        Map<String, AttemptResult> r = byTask(report);
        assertEquals(4, r.size());
        assertEquals(Outcome.PASSED, r.get("bank-reconciliation").outcome());
        assertEquals(Outcome.PASSED, r.get("freight-cost-allocation").outcome());
        AttemptResult dosage = r.get("dosage-calculation");
        assertEquals(Outcome.FAILED, dosage.outcome());
        assertEquals(0.75, dosage.score(), 1e-9, "36 of 48 fields: the agent forgot the dose cap");
        AttemptResult contract = r.get("contract-deadlines");
        assertEquals(Outcome.FAILED, contract.outcome());
        assertEquals(Cause.GAVE_UP, contract.cause());
        assertEquals(2, contract.sessionsRun());
        assertTrue(contract.score() > 0 && contract.score() < 1, "partial credit for the session-1 rows");
        assertEquals(0.5, report.fullPassRate().value(), 1e-12);
        assertEquals("sample", report.packs().get(0).name());
    }

    @Test
    void ruleBasedAgentOnTheSamplePackDirectory() {
        try (TaskPack pack = TaskPacks.open(SAMPLE)) {
            assertSampleResults(Evaluator.run(pack, new RuleBasedAgent()));
        }
    }

    @Test
    void ruleBasedAgentOnTheZippedPackInLocalDirectorySandboxes(@TempDir Path tmp) {
        Path zip = tmp.resolve("sample.zip");
        TaskPackWriter.write(SAMPLE, zip);
        try (TaskPack pack = TaskPacks.open(zip)) {
            assertSampleResults(Evaluator.builder()
                    .tasks(pack)
                    .harness(new RuleBasedAgent())
                    .sandboxProvider(Sandboxes.localDirectory(tmp.resolve("sandboxes"), false))
                    .parallelism(2)
                    .runDirectory(tmp.resolve("run"))
                    .build()
                    .run());
        }
    }
}
