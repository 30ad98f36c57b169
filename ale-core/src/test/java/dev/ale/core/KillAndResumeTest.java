package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.testfixtures.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed part way (as a crash or OOM kill would) and resumed ends exactly like one never interrupted. */
class KillAndResumeTest {
    private static final int TASKS = 12;

    @Test
    void killedRunResumesToTheSameReportAttemptForAttempt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("killed");
        Process child = ChildJvm.start(
                tmp.resolve("child.log"), RunFixtures.class, dir.toString(), String.valueOf(TASKS), "150");
        Path journal = dir.resolve("journal.jsonl");
        long lines = 0;
        for (int i = 0; i < 600 && lines < 6 && child.isAlive(); i++) {
            Thread.sleep(50);
            lines = Files.exists(journal) ? Files.readAllLines(journal).size() : 0;
        }
        assertTrue(
                child.isAlive(),
                "the child finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        int journaledBeforeKill = Files.readAllLines(journal).size();
        assertTrue(
                journaledBeforeKill >= 6 && journaledBeforeKill < 2 * TASKS, "killed part way: " + journaledBeforeKill);

        EvaluationReport resumed = RunFixtures.builder(TASKS, 2, 0)
                .parallelism(2)
                .runDirectory(dir)
                .build()
                .run();
        EvaluationReport uninterrupted = RunFixtures.builder(TASKS, 2, 0)
                .runDirectory(tmp.resolve("clean"))
                .build()
                .run();

        assertEquals(summary(uninterrupted), summary(resumed));
        assertEquals(uninterrupted.fullPassRate(), resumed.fullPassRate());
        assertEquals(uninterrupted.meanScore(), resumed.meanScore());
        Set<String> seen = new HashSet<>();
        for (String line : Files.readAllLines(journal)) {
            var node = RunFiles.MAPPER.readTree(line);
            assertTrue(
                    seen.add(node.path("taskId").asText() + "#"
                            + node.path("trial").asInt()),
                    "journaled twice: " + line);
        }
        assertEquals(2 * TASKS, seen.size(), "no attempt lost");
        assertEquals(2, RunFiles.readRunJson(dir).path("segments").size());
    }

    private static List<String> summary(EvaluationReport r) {
        return r.attempts().stream()
                .map(a -> a.taskId() + "#" + a.trial() + " " + a.outcome() + " " + a.score() + " " + a.cause() + " "
                        + a.usage())
                .toList();
    }
}
