package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.TaskPart;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import dev.ale.verifiers.VerifierRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real pack directory is sealed with TaskPackWriter, opened, and run with and without the right key. */
class SealedPackEndToEndTest {
    private static final String KEY = "end-to-end-key-94f2";

    @TempDir
    Path tmp;

    private Path pack() throws IOException {
        Path dir = unsealedPack("pack");
        TaskPackWriter.sealReferences(dir, KEY.toCharArray());
        return dir;
    }

    private Path unsealedPack(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("tasks/answer/inputs"));
        Files.createDirectories(dir.resolve("tasks/answer/reference"));
        ObjectNode manifest = TestTasks.JSON
                .createObjectNode()
                .put("format", "ale-taskpack")
                .put("formatVersion", "1.0")
                .put("name", "sealed")
                .put("version", "1.0.0")
                .put("description", "a sealed pack")
                .put("license", "CC0-1.0");
        manifest.putArray("tasks")
                .addObject()
                .put("id", "answer")
                .put("revision", 1)
                .put("digest", "");
        ObjectNode task = TestTasks.JSON
                .createObjectNode()
                .put("id", "answer")
                .put("revision", 1)
                .put("title", "Answer");
        ObjectNode taxonomy =
                task.putObject("taxonomy").put("cluster", "business_finance").put("subfield", "accounting");
        taxonomy.putArray("soc").add("13-2011");
        task.put("tier", "near-term");
        task.putArray("sessions").addObject().put("instruction", "Write the answer to answer.json.");
        task.putObject("verifier")
                .put("type", "json")
                .put("file", "answer.json")
                .put("expectedFile", "answer.json");
        TestTasks.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve("pack.json").toFile(), manifest);
        TestTasks.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve("tasks/answer/task.json").toFile(), task);
        Files.writeString(dir.resolve("tasks/answer/inputs/question.txt"), "What is 6 x 7?");
        Files.writeString(dir.resolve("tasks/answer/reference/answer.json"), "{\"answer\": 42}\n");
        Files.createDirectories(dir.resolve("tasks/answer/solution"));
        Files.writeString(dir.resolve("tasks/answer/solution/answer.json"), "{\"answer\": 42}\n");
        TaskPackWriter.updateDigests(dir);
        return dir;
    }

    private static EvaluationReport run(TaskPack pack, String key, Path runDirectory) {
        Evaluator.Builder b = Evaluator.builder()
                .tasks(pack)
                .retries(0, Duration.ZERO)
                .runDirectory(runDirectory)
                .harness(ctx -> {
                    Files.writeString(ctx.workspace().resolve("answer.json"), "{\"answer\": 42}");
                    return SessionOutcome.completed();
                });
        return (key == null ? b : b.referenceKey(key.toCharArray())).build().run();
    }

    @Test
    void aSealedPackIsScoredWithTheKeyAndIsAnErrorWithAWrongOne() throws IOException {
        Path dir = pack();
        assertFalse(Files.exists(dir.resolve("tasks/answer/reference")));
        try (TaskPack pack = TaskPacks.open(dir)) {
            assertTrue(pack.tasks().get(0).referenceSealed());
            assertEquals(List.of(), pack.tasks().get(0).files(TaskPart.REFERENCE));
            EvaluationReport good = run(pack, KEY, tmp.resolve("run-good"));
            assertEquals(
                    Outcome.PASSED,
                    good.attempts().get(0).outcome(),
                    good.attempts().get(0).message());
            assertEquals(1.0, good.attempts().get(0).score(), "the verifier compared against the unsealed reference");
            SealedReferenceRunTest.assertNothingHolds(tmp.resolve("run-good"), KEY);
            AttemptResult wrong = run(pack, "not-the-key", tmp.resolve("run-wrong"))
                    .attempts()
                    .get(0);
            assertEquals(Outcome.ERROR, wrong.outcome());
            assertEquals(Cause.PACK, wrong.cause());
            assertTrue(
                    wrong.message().startsWith("tasks/answer/reference.7z: cannot unseal: wrong key"), wrong.message());
        }
    }

    /**
     * ALE's reference.7z as 7-Zip makes it (LZMA2, header encrypted; flat, or under one top-level
     * {@code reference/}; see {@code sealed/README.md} for the commands) is scored with its key, and a
     * wrong key is an ERROR with cause PACK that says so.
     */
    @ParameterizedTest
    @ValueSource(strings = {"answer-flat.7z", "answer-nested.7z"})
    void aReferenceOf7ZipIsScoredWithItsKeyAndIsAnErrorWithAWrongOne(String fixture) throws IOException {
        Path dir = unsealedPack("pack-" + fixture);
        Files.delete(dir.resolve("tasks/answer/reference/answer.json"));
        Files.delete(dir.resolve("tasks/answer/reference"));
        try (var in = SealedPackEndToEndTest.class.getResourceAsStream("sealed/" + fixture)) {
            Files.write(dir.resolve("tasks/answer/reference.7z"), in.readAllBytes());
        }
        TaskPackWriter.updateDigests(dir);
        try (TaskPack pack = TaskPacks.open(dir)) {
            AttemptResult good = run(pack, "sekret", tmp.resolve("run-" + fixture))
                    .attempts()
                    .get(0);
            assertEquals(Outcome.PASSED, good.outcome(), good.message());
            assertEquals(1.0, good.score());
            AttemptResult wrong =
                    run(pack, KEY, tmp.resolve("wrong-" + fixture)).attempts().get(0);
            assertEquals(Outcome.ERROR, wrong.outcome());
            assertEquals(Cause.PACK, wrong.cause());
            assertTrue(
                    wrong.message()
                            .startsWith("tasks/answer/reference.7z: cannot unseal: wrong key, or the archive is"
                                    + " damaged: its header does not decode"),
                    wrong.message());
        }
    }

    @Test
    void theSolutionIsSealedWithTheReferenceAndThePackCheckOpensItWithTheKey() throws IOException {
        Path dir = pack();
        assertFalse(Files.exists(dir.resolve("tasks/answer/solution")));
        assertTrue(Files.isRegularFile(dir.resolve("tasks/answer/solution.7z")));
        try (TaskPack pack = TaskPacks.open(dir)) {
            assertTrue(pack.tasks().get(0).solutionSealed());
            assertEquals(List.of(), pack.tasks().get(0).files(TaskPart.SOLUTION));
            PackCheck.Result withKey = PackCheck.run(pack, VerifierRegistry.discover(), KEY.toCharArray())
                    .get(0);
            assertTrue(withKey.sound(), withKey.toString());
            PackCheck.Result without =
                    PackCheck.run(pack, VerifierRegistry.discover(), null).get(0);
            assertFalse(without.sound());
            assertTrue(without.probes().get(0).detail().contains("sealed"), without.toString());
        }
    }
}
