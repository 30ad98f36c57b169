package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALE's result files written while the run goes on: the same files, none missing, a failure told once. */
class AleFilesWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<Task> tasks() {
        return List.of(TestTasks.task("a", "42"), TestTasks.task("b", "42"), TestTasks.task("c", "42"));
    }

    private static EvaluationReport run(Path dir, String message) {
        return Evaluator.builder()
                .tasks(tasks())
                .verifiers(TestTasks.registry())
                .trials(2)
                .harness(ctx -> {
                    ctx.trajectory().message("assistant", message);
                    Files.writeString(ctx.workspace().resolve("answer.txt"), "42\n");
                    return SessionOutcome.completed();
                })
                .retries(0, Duration.ZERO)
                .runDirectory(dir)
                .build()
                .run();
    }

    private static List<Path> trajectories(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir.resolve(AleResults.FOLDER))) {
            return walk.filter(p -> p.endsWith("trajectory.json")).sorted().toList();
        }
    }

    @Test
    void attemptsWithLongTrajectoriesAreLeftToTheEndAndStillWritten() throws IOException {
        String longMessage = "x".repeat((int) AleFilesWriter.MAX_TEXT + 1);
        Path dir = tmp.resolve("long");
        EvaluationReport report = run(dir, longMessage);
        assertEquals(6, report.count(Outcome.PASSED), report.summary());
        List<Path> files = trajectories(dir);
        assertEquals(6, files.size(), files.toString());
        for (Path f : files) {
            JsonNode steps = JSON.readTree(f.toFile()).path("steps");
            assertTrue(steps.toString().contains(longMessage.substring(0, 1000)), "the agent's message is in " + f);
        }
    }

    @Test
    void aRunWhoseAleFolderCannotBeMadeFinishesAndWarnsOnce() throws IOException {
        Path dir = tmp.resolve("blocked");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(AleResults.FOLDER), "a file where ale/ should be");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage().contains("ALE's result files (ale/) not written")) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger core = Logger.getLogger("dev.ale.core");
        core.addHandler(handler);
        EvaluationReport report;
        try {
            report = run(dir, "short");
        } finally {
            core.removeHandler(handler);
        }
        assertEquals(6, report.count(Outcome.PASSED), report.summary());
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(6, Reports.read(dir).attempts().size(), "the journal holds every attempt");
    }
}
