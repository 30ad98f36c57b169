package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from an agent can hold a lone surrogate: an escaped one in JSON it wrote, or one in what a
 * harness passes on. UTF-8 cannot encode it. The run ends as any other, every file of its run
 * directory is written, and the text reads back as it was where JSON can hold it.
 */
class LoneSurrogateRunTest {
    private static final String SAID =
            "half of an emoji: \uD83D, the other half: \uDE00, and a whole one: \uD83D\uDE00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aLoneSurrogateInAnAgentsTextEndsTheRunAsAnyOtherTextWouldAndReadsBack() throws Exception {
        Harness harness = Harness.named("surrogates", ctx -> {
            ctx.trajectory().message("assistant", SAID);
            if (ctx.task().id().equals("throws")) {
                throw new IllegalStateException(SAID);
            }
            Files.writeString(ctx.workspace().resolve("answer.txt"), "42\n");
            return SessionOutcome.completed();
        });
        Path dir = tmp.resolve("run");
        EvaluationReport report = Evaluator.builder()
                .tasks(List.of(TestTasks.task("speaks", "42"), TestTasks.task("throws", "7")))
                .verifiers(TestTasks.registry())
                .harness(harness)
                .retries(0, Duration.ZERO)
                .runDirectory(dir)
                .build()
                .run();
        assertEquals(1, report.count(Outcome.PASSED));
        AttemptResult threw = report.attempts().stream()
                .filter(a -> a.taskId().equals("throws"))
                .findFirst()
                .orElseThrow();
        assertTrue(threw.message().contains(SAID), threw.message());

        for (String file :
                List.of("report.json", "report.md", "report.html", "junit.xml", "run.json", "journal.jsonl")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        EvaluationReport again = Reports.read(dir);
        assertEquals(
                threw.message(),
                again.attempts().stream()
                        .filter(a -> a.taskId().equals("throws"))
                        .findFirst()
                        .orElseThrow()
                        .message(),
                "report.json keeps the text as it was");

        List<Path> trajectories;
        try (Stream<Path> walk = Files.walk(dir.resolve("ale"))) {
            trajectories = walk.filter(p -> p.endsWith("trajectory.json")).toList();
        }
        assertEquals(2, trajectories.size(), "ALE's files were written");
        for (Path t : trajectories) {
            JsonNode steps = JSON.readTree(t.toFile()).path("steps");
            boolean found = false;
            for (JsonNode s : steps) {
                found |= SAID.equals(s.path("message").asText());
            }
            assertTrue(found, "the agent's message, as it was, in " + t);
        }
    }
}
