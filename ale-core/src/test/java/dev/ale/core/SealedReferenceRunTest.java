package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs over tasks whose reference is sealed: the key opens it, a missing or wrong key is an ERROR naming the task. */
class SealedReferenceRunTest {
    private static final String KEY = "super-secret-reference-key-7c1";

    @TempDir
    Path tmp;

    private final AtomicInteger harnessRuns = new AtomicInteger();
    private final Harness answers42 = ctx -> {
        harnessRuns.incrementAndGet();
        Files.writeString(ctx.workspace().resolve("answer.txt"), "42\n");
        return SessionOutcome.completed();
    };

    /** A task whose reference (answer.txt = 42) is sealed: it opens only with {@link #KEY}. */
    static class SealedTask extends TestTasks.MemoryTask {
        final List<char[]> keysSeen = new ArrayList<>();

        SealedTask() {
            super(TestTasks.task("sealed", "42").spec());
            file(TaskPart.INPUTS, "question.txt", "What is 6 x 7?");
            file(TaskPart.REFERENCE, "answer.txt", "42");
        }

        @Override
        public List<TaskFile> files(TaskPart part) {
            return part.equals(TaskPart.REFERENCE) ? List.of() : super.files(part);
        }

        @Override
        public boolean referenceSealed() {
            return true;
        }

        @Override
        public synchronized List<TaskFile> unsealReference(char[] key) {
            keysSeen.add(key);
            if (!KEY.equals(new String(key))) {
                throw new TaskPackException("tasks/sealed/reference.7z", "", "cannot unseal: wrong key");
            }
            return super.files(TaskPart.REFERENCE);
        }
    }

    private Evaluator.Builder builder(Task task) {
        return Evaluator.builder()
                .tasks(List.of(task))
                .harness(answers42)
                .verifiers(TestTasks.registry())
                .retries(0, Duration.ZERO);
    }

    private static AttemptResult only(EvaluationReport report) {
        assertEquals(1, report.attempts().size());
        return report.attempts().get(0);
    }

    @Test
    void theKeyOpensTheReferenceForTheVerifier() {
        SealedTask task = new SealedTask();
        char[] key = KEY.toCharArray();
        Evaluator.Builder b = builder(task).referenceKey(key);
        Arrays.fill(key, 'x');
        AttemptResult r = only(b.build().run());
        assertEquals(Outcome.PASSED, r.outcome(), r.message());
        assertEquals(1, harnessRuns.get());
        assertEquals(1, task.keysSeen.size());
        assertEquals(KEY.length(), task.keysSeen.get(0).length);
        assertTrue(
                new String(task.keysSeen.get(0)).chars().allMatch(c -> c == 0), "the copy handed to the task is wiped");
    }

    @Test
    void aWrongKeyIsAPackErrorNamingTheTaskAndNoAgentRuns() {
        AttemptResult r = only(builder(new SealedTask())
                .referenceKey("wrong".toCharArray())
                .build()
                .run());
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals(Cause.PACK, r.cause());
        assertTrue(r.message().startsWith("tasks/sealed/reference.7z: cannot unseal: wrong key"), r.message());
        assertEquals(0, harnessRuns.get());
    }

    @Test
    void aMissingKeyIsAPackErrorNamingTheTask() {
        assumeTrue(System.getenv(ReferenceKey.ENVIRONMENT) == null, "the environment gives a key");
        SealedTask task = new SealedTask();
        AttemptResult r = only(builder(task).build().run());
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals(Cause.PACK, r.cause());
        assertTrue(
                r.message().startsWith("tasks/sealed/reference.7z: the reference is sealed and no key was given"),
                r.message());
        assertTrue(r.message().contains("ALE_REFERENCE_KEY"), r.message());
        assertEquals(0, harnessRuns.get());
        assertEquals(List.of(), task.keysSeen);
    }

    @Test
    void aTaskWhoseUnsealingFailsOtherwiseIsStillNamed() {
        SealedTask task = new SealedTask() {
            @Override
            public synchronized List<TaskFile> unsealReference(char[] key) {
                throw new TaskPackException("", "", "archive unreadable");
            }
        };
        AttemptResult r =
                only(builder(task).referenceKey(KEY.toCharArray()).build().run());
        assertEquals(Cause.PACK, r.cause());
        assertEquals("tasks/sealed/reference.7z: archive unreadable", r.message());
    }

    @Test
    void theEnvironmentGivesTheKeyWhenTheBuilderDoesNot() {
        Map<String, String> env = Map.of(ReferenceKey.ENVIRONMENT, "from-env");
        assertEquals("from-env", new String(ReferenceKey.resolve(null, env::get).copy()));
        assertEquals(
                "given",
                new String(ReferenceKey.resolve("given".toCharArray(), env::get).copy()));
        assertFalse(ReferenceKey.resolve(null, name -> null).present());
        assertFalse(ReferenceKey.resolve(null, name -> "").present());
        assertEquals("ReferenceKey[given]", ReferenceKey.resolve(null, env::get).toString());
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder().referenceKey(new char[0]));
    }

    @Test
    void theKeyIsNeverWrittenOnlyWhetherOneWasGiven() throws IOException {
        Path dir = tmp.resolve("run");
        AttemptResult r = only(builder(new SealedTask())
                .referenceKey(KEY.toCharArray())
                .runDirectory(dir)
                .build()
                .run());
        assertEquals(Outcome.PASSED, r.outcome());
        JsonNode runJson = RunFiles.MAPPER.readTree(dir.resolve("run.json").toFile());
        assertTrue(runJson.path("options").path("referenceKeyGiven").asBoolean(), runJson.toString());
        assertNothingHolds(dir, KEY);
        Path other = tmp.resolve("run-without");
        builder(TestTasks.task("plain", "42")).runDirectory(other).build().run();
        assumeTrue(System.getenv(ReferenceKey.ENVIRONMENT) == null, "the environment gives a key");
        JsonNode without = RunFiles.MAPPER.readTree(other.resolve("run.json").toFile());
        assertFalse(without.path("options").path("referenceKeyGiven").asBoolean(true), without.toString());
    }

    /** No file under {@code dir} (including compressed artefacts, read as bytes) contains {@code secret}. */
    static void assertNothingHolds(Path dir, String secret) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(secret), f + " holds the key");
            assertFalse(
                    text.contains(new String(secret.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1)),
                    f.toString());
        }
    }
}
