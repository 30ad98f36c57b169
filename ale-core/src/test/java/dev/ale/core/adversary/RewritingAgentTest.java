package dev.ale.core.adversary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that cannot solve its task rewrites the task's {@code task.json} in the directory pack
 * so that its verifier expects the agent's own answer. It never passes: the run scores with the
 * verifier the pack built when it was opened, from the spec it parsed then; and a later run over
 * the edited pack ends in {@code ERROR} with cause {@code PACK} before the agent runs, so the
 * edited verifier never scores anything.
 */
class RewritingAgentTest {
    private static final String MINE = "{\"type\": \"text\", \"file\": \"answer.txt\", \"equals\": \"guess\"}";

    @TempDir
    Path tmp;

    @Test
    void anAgentThatRewritesItsVerifierOnDiskNeverPasses() throws IOException {
        Path packDir = tmp.resolve("pack");
        SecretPack.write(packDir, "text", "rewrite");
        Path taskJson = packDir.resolve("tasks/rewrite/task.json");
        AtomicInteger sessions = new AtomicInteger();
        Harness rewriter = ctx -> {
            sessions.incrementAndGet();
            Files.writeString(ctx.workspace().resolve("answer.txt"), "guess");
            String spec = Files.readString(taskJson);
            String mine = spec.replace(SecretPack.VERIFIER.formatted("text"), MINE);
            if (!mine.contains(MINE)) {
                throw new IllegalStateException("the agent found no verifier to rewrite in " + spec);
            }
            Files.writeString(taskJson, mine);
            return SessionOutcome.completed();
        };

        AttemptResult first = runOnce(packDir, rewriter);
        assertEquals(Outcome.FAILED, first.outcome(), first.message());
        assertEquals(0.0, first.score(), first.message());
        assertEquals(1, sessions.get());
        assertTrue(Files.readString(taskJson).contains("\"equals\": \"guess\""), "the agent did rewrite it");

        AttemptResult again = runOnce(packDir, rewriter);
        assertEquals(Outcome.ERROR, again.outcome(), again.message());
        assertEquals(Cause.PACK, again.cause(), again.message());
        assertTrue(again.message().contains("does not match its digest"), again.message());
        assertEquals(1, sessions.get(), "the agent does not run over the edited pack");
    }

    private AttemptResult runOnce(Path packDir, Harness harness) {
        try (TaskPack pack = TaskPacks.open(packDir)) {
            EvaluationReport report = Evaluator.builder()
                    .tasks(pack)
                    .harness(harness)
                    .sandboxProvider(Sandboxes.localDirectory(tmp.resolve("sandboxes"), false))
                    .build()
                    .run();
            assertEquals(1, report.attempts().size(), report.summary());
            return report.attempts().get(0);
        }
    }
}
