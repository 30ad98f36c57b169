package dev.ale.core.adversary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.NotRun;
import dev.ale.core.Sandboxes;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An agent that cannot solve its task rewrites the task's reference in the directory pack to match
 * its own answer (the same length, so a size check cannot see it), or replaces the reference file
 * or its folder by a link to files of its own. It never passes: the reference is held to its
 * digest as it is staged, the attempt ends {@code ERROR} with cause {@code PACK}, the agent is not
 * run again, and the run stops so no further attempt is scored against the changed pack.
 */
class SwappingAgentTest {
    @TempDir
    Path tmp;

    /** How the agent swaps its reference. */
    enum Swap {
        SAME_LENGTH_REWRITE,
        FILE_REPLACED_BY_LINK,
        FOLDER_REPLACED_BY_LINK
    }

    @ParameterizedTest
    @EnumSource(Swap.class)
    void aSwappingAgentNeverPassesAndTheRunStops(Swap swap) throws IOException {
        Path packDir = tmp.resolve("pack");
        SecretPack.write(packDir, "text", "a-swaps", "b-after", "c-after");
        AtomicInteger sessions = new AtomicInteger();
        Harness swapper = ctx -> {
            sessions.incrementAndGet();
            Path reference = packDir.resolve("tasks").resolve(ctx.task().id()).resolve("reference");
            Path mine = ctx.workspace().resolve("answer.txt");
            String guess = "z".repeat((int) Files.size(reference.resolve("answer.txt")));
            Files.writeString(mine, guess);
            switch (swap) {
                case SAME_LENGTH_REWRITE -> Files.writeString(reference.resolve("answer.txt"), guess);
                case FILE_REPLACED_BY_LINK -> {
                    Files.delete(reference.resolve("answer.txt"));
                    Files.createSymbolicLink(reference.resolve("answer.txt"), mine.toAbsolutePath());
                }
                case FOLDER_REPLACED_BY_LINK -> {
                    Path fake = Files.createDirectories(tmp.resolve("fake-reference"));
                    Files.writeString(fake.resolve("answer.txt"), guess);
                    Files.move(reference, tmp.resolve("moved-away"));
                    Files.createSymbolicLink(reference, fake);
                }
            }
            return SessionOutcome.completed();
        };
        Path run = tmp.resolve("run");
        EvaluationReport report;
        try (TaskPack pack = TaskPacks.open(packDir)) {
            report = Evaluator.builder()
                    .tasks(pack)
                    .harness(swapper)
                    .sandboxProvider(Sandboxes.localDirectory(tmp.resolve("sandboxes"), false))
                    .retries(2, Duration.ZERO)
                    .runDirectory(run)
                    .build()
                    .run();
        }

        assertEquals(0, report.count(Outcome.PASSED), report.summary());
        assertEquals(1, report.attempts().size(), report.summary());
        AttemptResult swapped = report.attempts().get(0);
        assertEquals("a-swaps", swapped.taskId());
        assertEquals(Outcome.ERROR, swapped.outcome(), swapped.message());
        assertEquals(Cause.PACK, swapped.cause(), swapped.message());
        assertTrue(swapped.message().contains("pack modified during the run"), swapped.message());
        assertTrue(swapped.message().startsWith("tasks/a-swaps/reference/answer.txt"), swapped.message());
        assertEquals(1, sessions.get(), "an error of the pack never runs the agent again");
        List<String> notRun = report.notRun().stream().map(NotRun::taskId).toList();
        assertEquals(List.of("b-after", "c-after"), notRun);
        for (NotRun n : report.notRun()) {
            assertTrue(n.reason().contains("the pack was modified during the run"), n.reason());
        }
        JsonNode segments =
                new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("segments");
        assertTrue(
                segments.get(segments.size() - 1).path("stopped").asText().contains("pack was modified"),
                segments.toString());
    }
}
