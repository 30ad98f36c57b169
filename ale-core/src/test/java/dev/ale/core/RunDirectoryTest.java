package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Outcome;
import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.api.task.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run directory: run.json, the journal, trajectories, artefacts, and resuming from them. */
class RunDirectoryTest {
    @TempDir
    Path tmp;

    private static List<String> keys(EvaluationReport r) {
        return r.attempts().stream()
                .map(a -> a.taskId() + "#" + a.trial() + "=" + a.outcome() + "/" + a.score())
                .toList();
    }

    @Test
    void runJsonRecordsWhatWasRunAndWithWhat() throws IOException {
        Path dir = tmp.resolve("run");
        RunFixtures.builder(3, 2, 0).runDirectory(dir).build().run();
        JsonNode run = RunFiles.readRunJson(dir);
        assertEquals("test-pack", run.at("/packs/0/name").asText());
        assertEquals(3, run.path("tasks").size());
        assertEquals("d".repeat(64), run.at("/tasks/0/digest").asText());
        assertEquals(2, run.at("/options/trials").asInt());
        assertEquals(7, run.at("/options/seed").asLong());
        assertFalse(run.at("/sdkVersion").asText().isEmpty());
        assertEquals(System.getProperty("java.version"), run.at("/java/version").asText());
        assertEquals(1, run.path("segments").size());
        assertTrue(run.at("/segments/0/durationMs").isNumber());
        assertEquals(6, Files.readAllLines(dir.resolve("journal.jsonl")).size());
    }

    @Test
    void trajectoriesAndArtefactsAreKeptPerAttempt() throws IOException {
        Path dir = tmp.resolve("run");
        RunFixtures.builder(1, 1, 0).runDirectory(dir).build().run();
        List<String> lines = Files.readAllLines(dir.resolve("trajectories/t00/1.jsonl"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"kind\":\"TOOL_CALL\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"costUsd\":0.01"), lines.get(1));
        try (ZipFile zip = new ZipFile(dir.resolve("artifacts/t00/1.zip").toFile())) {
            assertEquals(
                    List.of("answer.txt", "question.txt"),
                    zip.stream().map(ZipEntry::getName).toList());
            assertEquals(
                    "wrong",
                    new String(zip.getInputStream(zip.getEntry("answer.txt")).readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void artefactsOverTheCapAreListedNotKept() throws IOException {
        Path dir = tmp.resolve("run");
        Evaluator.builder()
                .tasks(List.of(TestTasks.task("big", "42")))
                .verifiers(TestTasks.registry())
                .harness(ctx -> {
                    Files.write(ctx.workspace().resolve("huge.bin"), new byte[4096]);
                    return SessionOutcome.completed();
                })
                .artifactCapBytes(1024)
                .runDirectory(dir)
                .build()
                .run();
        try (ZipFile zip = new ZipFile(dir.resolve("artifacts/big/1.zip").toFile())) {
            assertEquals(
                    List.of("question.txt", "ALE-TRUNCATED.txt"),
                    zip.stream().map(ZipEntry::getName).toList());
        }
    }

    @Test
    void anAgentThatLinksAHostFileIntoItsWorkspaceDoesNotGetItKeptAsAnArtefact() throws IOException {
        Path secret = Files.writeString(tmp.resolve("host-secret.txt"), "SECRET-OF-THE-HOST");
        Path dir = tmp.resolve("run");
        EvaluationReport report = Evaluator.builder()
                .tasks(List.of(TestTasks.task("t", "42")))
                .verifiers(TestTasks.registry())
                .sandboxProvider(Sandboxes.localDirectory(Files.createDirectories(tmp.resolve("ws")), false))
                .harness(ctx -> {
                    Files.createSymbolicLink(ctx.workspace().resolve("loot.txt"), secret);
                    Files.writeString(ctx.workspace().resolve("answer.txt"), "42");
                    return SessionOutcome.completed();
                })
                .runDirectory(dir)
                .build()
                .run();
        assertEquals(1, report.attempts().size());
        byte[] zip = Files.readAllBytes(dir.resolve("artifacts/t/1.zip"));
        try (ZipFile z = new ZipFile(dir.resolve("artifacts/t/1.zip").toFile())) {
            assertFalse(z.stream().map(ZipEntry::getName).toList().contains("loot.txt"));
            assertTrue(z.stream().map(ZipEntry::getName).toList().contains("answer.txt"));
        }
        assertFalse(new String(zip, StandardCharsets.ISO_8859_1).contains("SECRET"));
    }

    @Test
    void runningAgainSkipsWhatIsDoneAndAddsUpDurations() throws IOException {
        Path dir = tmp.resolve("run");
        EvaluationReport first =
                RunFixtures.builder(4, 2, 0).runDirectory(dir).build().run();
        AtomicInteger calls = new AtomicInteger();
        EvaluationReport second = Evaluator.builder()
                .tasks(RunFixtures.tasks(4))
                .verifiers(TestTasks.registry())
                .trials(2)
                .seed(7)
                .runDirectory(dir)
                .harness(ctx -> {
                    calls.incrementAndGet();
                    return SessionOutcome.completed();
                })
                .build()
                .run();
        assertEquals(0, calls.get(), "no attempt runs twice");
        assertEquals(keys(first), keys(second));
        assertEquals(first.fullPassRate(), second.fullPassRate());
        assertEquals(8, Files.readAllLines(dir.resolve("journal.jsonl")).size(), "nothing journaled twice");
        assertEquals(2, RunFiles.readRunJson(dir).path("segments").size());
        assertTrue(second.duration().compareTo(first.duration()) >= 0);
    }

    @Test
    void aTornLastLineIsReportedAndThatAttemptRunsAgain() throws IOException {
        Path dir = tmp.resolve("run");
        EvaluationReport full =
                RunFixtures.builder(3, 1, 0).runDirectory(dir).build().run();
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        String torn = lines.get(2).substring(0, lines.get(2).length() / 2);
        Files.writeString(journal, lines.get(0) + "\n" + lines.get(1) + "\n" + torn);
        EvaluationReport resumed =
                RunFixtures.builder(3, 1, 0).runDirectory(dir).build().run();
        assertEquals(keys(full), keys(resumed));
        assertTrue(
                resumed.warnings().stream().anyMatch(w -> w.contains("torn last line")),
                resumed.warnings().toString());
        List<String> after = Files.readAllLines(journal);
        assertEquals(3, after.size(), "the torn bytes were cut off before appending");
        after.forEach(l -> assertTrue(l.startsWith("{") && l.endsWith("}"), l));
    }

    @Test
    void aChangedTaskRunsAgainAndItsOldResultsAreKeptApart() throws IOException {
        Path dir = tmp.resolve("run");
        RunFixtures.builder(2, 1, 0).runDirectory(dir).build().run();
        Task changed = TestTasks.task("t01", "1").digest("e".repeat(64));
        EvaluationReport again = Evaluator.builder()
                .tasks(List.of(RunFixtures.tasks(2).get(0), changed))
                .harness(RunFixtures.harness(0))
                .verifiers(TestTasks.registry())
                .seed(7)
                .runDirectory(dir)
                .build()
                .run();
        assertEquals(2, again.attempts().size());
        assertEquals("e".repeat(64), again.attempts().get(1).taskDigest());
        assertEquals(1, again.superseded().size());
        assertEquals("d".repeat(64), again.superseded().get(0).taskDigest());
        EvaluationReport read = Reports.read(dir);
        assertEquals(keys(again), keys(read));
        assertEquals(1, read.superseded().size());
    }

    @Test
    void errorsAreRunAgainOnResume() throws IOException {
        Path dir = tmp.resolve("run");
        AtomicInteger opens = new AtomicInteger();
        SandboxProvider flaky = new SandboxProvider() {
            @Override
            public Sandbox open(SandboxRequest request) throws IOException {
                if (opens.incrementAndGet() <= 1) {
                    throw new IOException("node drained");
                }
                return Sandboxes.inMemory().open(request);
            }

            @Override
            public String name() {
                return "flaky";
            }
        };
        EvaluationReport first = RunFixtures.builder(1, 1, 0)
                .retries(0, Duration.ZERO)
                .sandboxProvider(flaky)
                .runDirectory(dir)
                .build()
                .run();
        assertEquals(Outcome.ERROR, first.attempts().get(0).outcome());
        EvaluationReport second = RunFixtures.builder(1, 1, 0)
                .sandboxProvider(flaky)
                .runDirectory(dir)
                .build()
                .run();
        assertEquals(Outcome.FAILED, second.attempts().get(0).outcome());
        assertEquals(2, Files.readAllLines(dir.resolve("journal.jsonl")).size());
    }

    @Test
    void unreadableMiddleLinesAreReportedAndSkipped() throws IOException {
        Path dir = tmp.resolve("run");
        RunFixtures.builder(2, 1, 0).runDirectory(dir).build().run();
        Files.writeString(dir.resolve("journal.jsonl"), "not json\n", StandardOpenOption.APPEND);
        EvaluationReport r = Reports.read(dir);
        assertEquals(2, r.attempts().size());
        assertTrue(
                r.warnings().get(0).contains("line 3: unreadable"), r.warnings().toString());
    }
}
