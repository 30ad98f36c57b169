package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.Harness;
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

/** ALE's result files of a run: a long trajectory kept whole, a failure told once and the run finished. */
class AleFilesOfARunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<Task> tasks() {
        return List.of(TestTasks.task("a", "42"), TestTasks.task("b", "42"), TestTasks.task("c", "42"));
    }

    private static EvaluationReport run(Path dir, String message) {
        return run(dir, ctx -> {
            ctx.trajectory().message("assistant", message);
            Files.writeString(ctx.workspace().resolve("answer.txt"), "42\n");
            return SessionOutcome.completed();
        });
    }

    /** Two trials of each task, no retries, a run directory at {@code dir}. */
    private static EvaluationReport run(Path dir, Harness harness) {
        return Evaluator.builder()
                .tasks(tasks())
                .verifiers(TestTasks.registry())
                .trials(2)
                .harness(harness)
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
    void anAttemptWithALongTrajectoryGetsItWhole() throws IOException {
        String longMessage = "x".repeat(70_000);
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
    /**
     * An agent that reaches the run directory (as one in the {@code local} sandbox can: it runs as
     * the same user) reads the run's start from {@code run.json} and plants, where ALE's folder of
     * each attempt of its task will go, a link to a folder of its own. The run's end must neither
     * write through a link nor leave one: every attempt's folder is a real folder with its files.
     */
    @Test
    void linksAnAgentPlantsWhereAlesFoldersGoAreNotFollowed() throws IOException {
        Path dir = tmp.resolve("planted");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        List<Path> planted = new CopyOnWriteArrayList<>();
        EvaluationReport report = run(dir, Harness.named("planter", ctx -> {
            String started = JSON.readTree(dir.resolve(RunFiles.RUN_JSON).toFile())
                    .path("startedAt")
                    .asText();
            String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                    .withZone(java.time.ZoneOffset.UTC)
                    .format(java.time.Instant.parse(started));
            Path v0 = dir.resolve(AleResults.FOLDER)
                    .resolve("planter/unknown-model")
                    .resolve(ctx.task().id())
                    .resolve("v0");
            Files.createDirectories(v0);
            for (int trial = 0; trial < 3; trial++) {
                Path link = v0.resolve(stamp + "_" + trial);
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    planted.add(Files.createSymbolicLink(link, elsewhere));
                }
            }
            Files.writeString(ctx.workspace().resolve("answer.txt"), "42\n");
            return SessionOutcome.completed();
        }));
        assertEquals(6, report.count(Outcome.PASSED), report.summary());
        assertTrue(planted.size() >= 6, "links planted: " + planted);
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertEquals(List.of(), written.toList(), "written through a planted link");
        }
        List<Path> folders = trajectories(dir).stream().map(Path::getParent).toList();
        assertEquals(6, folders.size(), folders.toString());
        for (Path folder : folders) {
            assertTrue(
                    Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS), folder + " is a real folder");
            assertTrue(Files.isRegularFile(folder.resolve("run.json"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
    }
}
