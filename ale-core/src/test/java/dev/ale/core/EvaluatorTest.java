package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final Harness ANSWERS_42 = ctx -> {
        Files.writeString(ctx.workspace().resolve("answer.txt"), "42\n");
        return SessionOutcome.completed();
    };

    private static EvaluationReport run(Harness harness, Task... tasks) {
        return Evaluator.builder()
                .tasks(List.of(tasks))
                .harness(harness)
                .verifiers(TestTasks.registry())
                .interruptGrace(Duration.ofMillis(200))
                .build()
                .run();
    }

    private static AttemptResult only(EvaluationReport report) {
        assertEquals(1, report.attempts().size());
        return report.attempts().get(0);
    }

    @Test
    void correctAnswerPassesAndWrongAnswerFails() {
        EvaluationReport report = run(ANSWERS_42, TestTasks.task("right", "42"), TestTasks.task("wrong", "41"));
        assertEquals(Outcome.PASSED, report.attempts().get(0).outcome());
        assertEquals(Outcome.FAILED, report.attempts().get(1).outcome());
        assertEquals(Cause.NONE, report.attempts().get(1).cause());
        assertEquals(0.5, report.fullPassRate().value());
        assertEquals(1, report.count(Outcome.PASSED));
        assertEquals("d".repeat(64), report.attempts().get(0).taskDigest());
        assertEquals(TestTasks.PACK, report.attempts().get(0).pack());
    }

    @Test
    void inputsAreStagedBeforeTheFirstSession() {
        AttemptResult r = only(run(
                ctx -> {
                    String q = Files.readString(ctx.workspace().resolve("question.txt"));
                    Files.writeString(ctx.workspace().resolve("answer.txt"), q.equals("What is 6 x 7?") ? "42" : "?");
                    return SessionOutcome.completed();
                },
                TestTasks.task("t", "42")));
        assertEquals(Outcome.PASSED, r.outcome());
    }

    @Test
    void missingOutputIsAGateFailure() {
        AttemptResult r = only(run(ctx -> SessionOutcome.completed(), TestTasks.task("t", "42")));
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(Cause.GATE, r.cause());
        assertTrue(r.verdict().gateFailed());
    }

    @Test
    void harnessThatThrowsFailsWithItsExceptionRecorded() {
        AttemptResult r = only(run(
                ctx -> {
                    throw new IllegalStateException("model quota exhausted");
                },
                TestTasks.task("t", "42")));
        assertEnded(r, Outcome.FAILED, Cause.HARNESS_ERROR, "model quota exhausted");
    }

    @Test
    void harnessThatReturnsNullFails() {
        AttemptResult r = only(run(ctx -> null, TestTasks.task("t", "42")));
        assertEquals(Cause.HARNESS_ERROR, r.cause());
        assertTrue(r.message().contains("no outcome"), r.message());
    }

    @Test
    void harnessThatGivesUpIsScoredAndFails() {
        AttemptResult r = only(run(ctx -> SessionOutcome.gaveUp("cannot read the ledger"), TestTasks.task("t", "42")));
        assertEnded(r, Outcome.FAILED, Cause.GAVE_UP, "cannot read the ledger");
    }

    @Test
    void interruptibleHarnessPastItsDeadlineTimesOutAndIsScored() {
        TestTasks.MemoryTask task = TestTasks.goTask("slow", Duration.ofMillis(100), 0);
        AttemptResult r = only(run(
                ctx -> {
                    Files.writeString(ctx.workspace().resolve("answer.txt"), "42");
                    Thread.sleep(60_000);
                    return SessionOutcome.completed();
                },
                task));
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(Cause.TIMEOUT, r.cause());
        assertEquals(1.0, r.score(), "what it left before the deadline is still scored");
    }

    @Test
    void harnessThatGivesUpAtItsOwnWatchOfTheDeadlineTimedOut() {
        // a command harness kills its agent at ctx.deadline() and says so; the runner's own timer races it, and
        // which of the two notices first must not change the cause: many attempts, so that both orders occur
        Task[] tasks = new Task[24];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = TestTasks.goTask("w" + i, Duration.ofMillis(30), 0);
        }
        EvaluationReport report = run(
                ctx -> {
                    while (Instant.now().isBefore(ctx.deadline())) {
                        Thread.onSpinWait(); // ignores interrupts, as a process wait that returns at the deadline
                    }
                    return SessionOutcome.gaveUp("killed at the deadline");
                },
                tasks);
        for (AttemptResult r : report.attempts()) {
            assertEnded(r, Outcome.FAILED, Cause.TIMEOUT, "timed out after");
            assertFalse(r.message().contains("gave up"), r.message());
        }
    }

    @Test
    void harnessThatIgnoresInterruptsIsAbandonedAndTheRunGoesOn() {
        TestTasks.MemoryTask hung = TestTasks.goTask("hung", Duration.ofMillis(100), 0);
        CountDownLatch release = new CountDownLatch(1);
        Harness harness = ctx -> {
            if (ctx.task().id().equals("hung")) {
                while (release.getCount() > 0) {
                    Thread.onSpinWait(); // ignores interrupts
                }
            }
            return ANSWERS_42.run(ctx);
        };
        try {
            EvaluationReport report = run(harness, hung, TestTasks.task("after", "42"));
            AttemptResult r = report.attempts().get(0);
            assertEquals(Cause.TIMEOUT, r.cause());
            assertTrue(r.message().contains("abandoned"), r.message());
            assertEquals(Outcome.PASSED, report.attempts().get(1).outcome());
        } finally {
            release.countDown();
        }
    }

    @Test
    void stepCapCancelsTheSessionWithBudgetCause() {
        TestTasks.MemoryTask task = TestTasks.goTask("capped", Duration.ofSeconds(30), 3);
        AttemptResult r = only(run(
                ctx -> {
                    for (int i = 0; !ctx.cancelled(); i++) {
                        ctx.trajectory().toolCall("shell", "ls " + i);
                        Thread.sleep(1);
                    }
                    return SessionOutcome.completed();
                },
                task));
        assertEnded(r, Outcome.FAILED, Cause.BUDGET, "more than 3 steps");
    }

    @Test
    void verifierThatThrowsIsAnErrorNotAZero() {
        TestTasks.MemoryTask task = new TestTasks.MemoryTask(
                TestTasks.withVerifier(TestTasks.task("t", "42").spec(), "throws"));
        EvaluationReport report = run(ANSWERS_42, task, TestTasks.task("ok", "42"));
        AttemptResult r = report.attempts().get(0);
        assertEnded(r, Outcome.ERROR, Cause.VERIFIER, "verifier bug");
        assertEquals(1.0, report.fullPassRate().value(), "errors are left out of the rate");
        assertEquals(1, report.errors().size());
    }

    @Test
    void anOutputThatKeepsTheVerifierPastItsDeadlineFailsTheAgent() {
        TestTasks.MemoryTask task = new TestTasks.MemoryTask(
                TestTasks.withVerifier(TestTasks.task("t", "42").spec(), "hangs"));
        EvaluationReport report = Evaluator.builder()
                .tasks(List.of(task))
                .harness(ANSWERS_42)
                .verifiers(TestTasks.registry())
                .verifierTimeout(Duration.ofMillis(100))
                .interruptGrace(Duration.ofMillis(50))
                .build()
                .run();
        AttemptResult r = only(report);
        assertEquals(Outcome.FAILED, r.outcome(), "the output is the agent's: it cannot hide in an ERROR");
        assertEquals(Cause.VERIFIER_LIMIT, r.cause());
        assertEquals(0.0, report.fullPassRate().value());
    }

    @Test
    void corruptTaskFilesAreAPackError() {
        TestTasks.MemoryTask task = TestTasks.task("t", "42").broken(TaskPart.INPUTS);
        AttemptResult r = only(run(ANSWERS_42, task));
        assertEnded(r, Outcome.ERROR, Cause.PACK, "digest mismatch");
    }

    @Test
    void sandboxThatCannotOpenIsAnError() {
        EvaluationReport report = Evaluator.builder()
                .tasks(List.of(TestTasks.task("t", "42")))
                .harness(ANSWERS_42)
                .verifiers(TestTasks.registry())
                .sandboxProvider(new SandboxProvider() {
                    @Override
                    public Sandbox open(SandboxRequest request) throws IOException {
                        throw new IOException("disk full");
                    }

                    @Override
                    public String name() {
                        return "broken";
                    }
                })
                .build()
                .run();
        AttemptResult r = only(report);
        assertEnded(r, Outcome.ERROR, Cause.SANDBOX, "disk full");
    }

    @Test
    void unknownVerifierTypeFailsAtBuildNamingTaskAndPointer() {
        TestTasks.MemoryTask task = new TestTasks.MemoryTask(
                TestTasks.withVerifier(TestTasks.task("bad", "42").spec(), "nope"));
        VerifierConfigException e = assertThrows(VerifierConfigException.class, () -> Evaluator.builder()
                .tasks(List.of(task))
                .harness(ANSWERS_42)
                .verifiers(TestTasks.registry())
                .build());
        assertEquals("tasks/bad/task.json", e.source());
        assertEquals("/verifier/type", e.field());
    }

    @Test
    void builderRefusesMissingTasksOrHarness() {
        assertThrows(
                IllegalStateException.class,
                () -> Evaluator.builder().harness(ANSWERS_42).build());
        assertThrows(IllegalStateException.class, () -> Evaluator.builder()
                .tasks(List.of(TestTasks.task("t", "1")))
                .build());
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder().trials(0));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder().parallelism(0));
    }

    @Test
    void trialsAndParallelismKeepEveryAttemptInOrder() {
        EvaluationReport report = Evaluator.builder()
                .tasks(List.of(TestTasks.task("a", "42"), TestTasks.task("b", "41"), TestTasks.task("c", "42")))
                .harnessFactory(() -> ANSWERS_42)
                .verifiers(TestTasks.registry())
                .trials(3)
                .parallelism(4)
                .build()
                .run();
        assertEquals(9, report.attempts().size());
        for (int i = 0; i < 9; i++) {
            AttemptResult a = report.attempts().get(i);
            assertEquals(List.of("a", "b", "c").get(i / 3), a.taskId());
            assertEquals(i % 3 + 1, a.trial());
        }
        assertEquals(6, report.count(Outcome.PASSED));
        assertEquals(2.0 / 3, report.fullPassRate().value(), 1e-12);
    }

    @Test
    void aListenerThatThrowsIsReportedOnceAndTheRunGoesOn() {
        List<String> seen = new CopyOnWriteArrayList<>();
        EvaluationReport report = Evaluator.builder()
                .tasks(List.of(TestTasks.task("a", "42"), TestTasks.task("b", "42")))
                .harness(ANSWERS_42)
                .verifiers(TestTasks.registry())
                .listener(new EvaluationListener() {
                    @Override
                    public void attemptFinished(AttemptResult result) {
                        throw new IllegalStateException("listener bug");
                    }
                })
                .listener(new EvaluationListener() {
                    @Override
                    public void attemptStarted(String taskId, int trial) {
                        seen.add("start " + taskId);
                    }

                    @Override
                    public void sessionStarted(String taskId, int trial, int session) {
                        seen.add("session " + taskId + " " + session);
                    }

                    @Override
                    public void attemptFinished(AttemptResult result) {
                        seen.add("end " + result.taskId());
                    }
                })
                .build()
                .run();
        assertEquals(2, report.count(Outcome.PASSED));
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        assertTrue(report.warnings().get(0).contains("listener bug"));
        assertEquals(List.of("start a", "session a 1", "end a", "start b", "session b 1", "end b"), seen);
    }

    @Test
    void reportJsonIsWrittenToTheRunDirectory(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("runs/today");
        Evaluator.builder()
                .tasks(List.of(TestTasks.task("a", "42")))
                .harness(ANSWERS_42)
                .verifiers(TestTasks.registry())
                .runDirectory(runDir)
                .build()
                .run();
        var json = TestTasks.JSON.readTree(runDir.resolve("report.json").toFile());
        assertEquals(EvaluationReport.SCHEMA_VERSION, json.get("schemaVersion").asInt());
        assertEquals(1.0, json.at("/fullPassRate/value").asDouble());
        assertEquals("PASSED", json.at("/attempts/0/outcome").asText());
        assertEquals("test-pack", json.at("/packs/0/name").asText());
        assertEquals("near-term", json.at("/byTier/0/key").asText());
        assertFalse(json.at("/attempts/0/verdict/checks").isEmpty());
        try (var files = Files.walk(runDir)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(p -> runDir.relativize(p).toString())
                    .map(n -> n.replaceFirst(
                            "^ale/[^/]+/unknown-model/a/v0/[0-9]{8}_[0-9]{6}_1/", "ale/.../a/v0/<stamp>_1/"))
                    .sorted()
                    .toList();
            assertEquals(
                    List.of(
                            "ale/.../a/v0/<stamp>_1/eval_result.json",
                            "ale/.../a/v0/<stamp>_1/events.jsonl",
                            "ale/.../a/v0/<stamp>_1/run.json",
                            "ale/.../a/v0/<stamp>_1/trajectory.json",
                            "artifacts/a/1.zip",
                            "journal.jsonl",
                            "junit.xml",
                            "report.html",
                            "report.json",
                            "report.md",
                            "run.json",
                            "run.lock",
                            "trajectories/a/1.jsonl"),
                    names,
                    "every file in place, no temporary file left behind");
        }
    }

    /** The attempt ended with {@code outcome} for {@code cause}, its message saying {@code why}. */
    private static void assertEnded(AttemptResult r, Outcome outcome, Cause cause, String why) {
        assertEquals(outcome, r.outcome(), r.message());
        assertEquals(cause, r.cause(), r.message());
        assertTrue(r.message().contains(why), r.message());
    }
}
