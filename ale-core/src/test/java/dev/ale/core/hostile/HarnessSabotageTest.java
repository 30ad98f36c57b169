package dev.ale.core.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.TaskPart;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.TestTasks;
import dev.ale.testfixtures.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harnesses that sabotage the machinery around them rather than their own work: they close their
 * sandbox, open its reference area, plant a link where the next session's inputs go, throw an
 * exception whose message cannot be read, or swap their workspace for a link. Whatever they do, the
 * attempt is theirs to fail — it must end {@code FAILED}, never as an {@code ERROR} (which is
 * retried and left out of the rates, so sabotage would hide a failure) — and nothing outside the
 * sandbox changes.
 */
class HarnessSabotageTest {
    @TempDir
    Path tmp;

    Path decoy;
    Map<String, Long> decoyBefore;

    @BeforeEach
    void decoy() throws IOException {
        decoy = Files.createDirectories(tmp.resolve("decoy"));
        Files.writeString(decoy.resolve("answer.txt"), "42");
        Files.writeString(decoy.resolve("precious.txt"), "must survive");
        decoyBefore = Trees.snapshot(decoy);
    }

    @AfterEach
    void nothingOutsideTheSandboxChanged() {
        assertEquals(decoyBefore, Trees.snapshot(decoy));
    }

    /** Runs the sabotaged task and a good one with a harness that sabotages only the first; returns the first's result. */
    private AttemptResult sabotaged(TestTasks.MemoryTask task, Harness sabotage) {
        Harness harness =
                ctx -> ctx.task().id().equals(task.id()) ? sabotage.run(ctx) : HostileHarness.answer(ctx.workspace());
        EvaluationReport report = Runs.await(Evaluator.builder()
                .tasks(List.of(task, HostileTasks.task("good", Duration.ofMinutes(2))))
                .harness(harness)
                .verifiers(new HostileVerifiers())
                .sandboxProvider(new RoutingSandboxes(tmp.resolve("sandboxes")))
                .retries(0, Duration.ZERO)
                .build());
        AttemptResult good = report.attempts().stream()
                .filter(r -> r.taskId().equals("good"))
                .findFirst()
                .orElseThrow();
        assertEquals(Outcome.PASSED, good.outcome(), "the run goes on: " + good.message());
        return report.attempts().stream()
                .filter(r -> r.taskId().equals(task.id()))
                .findFirst()
                .orElseThrow();
    }

    private static void assertHarnessFailure(AttemptResult r) {
        String seen = r.taskId() + " ended " + r.outcome() + "/" + r.cause() + ": " + r.message();
        assertEquals(Outcome.FAILED, r.outcome(), seen);
        assertEquals(Cause.HARNESS_ERROR, r.cause(), seen);
    }

    /** What a sabotaging harness does to its own sandbox after it answered. */
    @FunctionalInterface
    private interface Sabotage {
        void on(Sandbox sandbox) throws Exception;
    }

    /** A harness that answers, then does {@code act} to its sandbox: the attempt fails as the harness's own. */
    private void assertAnsweringThenFails(String taskId, Sabotage act) {
        assertHarnessFailure(sabotaged(HostileTasks.task(taskId, Duration.ofMinutes(2)), ctx -> {
            HostileHarness.answer(ctx.workspace());
            act.on(ctx.sandbox());
            return SessionOutcome.completed();
        }));
    }

    @Test
    void closingItsInMemorySandboxIsTheHarnessesFailure() {
        assertAnsweringThenFails("closes", Sandbox::close);
    }

    @Test
    void openingTheReferenceAreaItselfIsTheHarnessesFailure() {
        assertAnsweringThenFails("peeks", Sandbox::openReferenceArea);
    }

    @Test
    void aLinkPlantedWhereTheNextSessionsInputsGoIsNeverWrittenThrough() {
        AttemptResult r = plantsALinkForSessionTwo();
        assertEquals(
                false, Files.exists(decoy.resolve("more.csv")), "staging followed the planted link: " + r.message());
    }

    /** A two-session local task whose session 2 stages {@code data/more.csv}, where session 1 planted a link to the decoy. */
    private AttemptResult plantsALinkForSessionTwo() {
        TestTasks.MemoryTask task = HostileTasks.task(
                        "local-plants", Duration.ofMinutes(2), 0, HostileTasks.ANSWER_42, 2)
                .file(TaskPart.session(2), "data/more.csv", "planted,never\n");
        return sabotaged(task, ctx -> {
            if (ctx.session() == 1) {
                Files.createSymbolicLink(ctx.workspace().resolve("data"), decoy);
            }
            return HostileHarness.answer(ctx.workspace());
        });
    }

    @Test
    void aLinkPlantedWhereTheNextSessionsInputsGoIsTheHarnessesFailure() {
        assertHarnessFailure(plantsALinkForSessionTwo());
    }

    @Test
    void aLinkPlantedAtTheNextSessionsInputFileItselfIsNeverWrittenThroughAndIsTheHarnessesFailure() {
        // staging creates a new input without looking first: a link at the very path (to a file that exists,
        // or to one that does not yet) must stop it all the same
        for (String target : List.of("precious.txt", "created-through-link.csv")) {
            TestTasks.MemoryTask task = HostileTasks.task(
                            "local-plants-file", Duration.ofMinutes(2), 0, HostileTasks.ANSWER_42, 2)
                    .file(TaskPart.session(2), "data/more.csv", "planted,never\n");
            AttemptResult r = sabotaged(task, ctx -> {
                if (ctx.session() == 1) {
                    Path data = Files.createDirectories(ctx.workspace().resolve("data"));
                    Files.createSymbolicLink(data.resolve("more.csv"), decoy.resolve(target));
                }
                return HostileHarness.answer(ctx.workspace());
            });
            assertHarnessFailure(r);
            assertEquals(
                    false,
                    Files.exists(decoy.resolve("created-through-link.csv"), LinkOption.NOFOLLOW_LINKS),
                    target + ": " + r.message());
        }
    }

    @Test
    void anExceptionWhoseMessageThrowsIsStillTheHarnessesFailure() {
        assertHarnessFailure(sabotaged(HostileTasks.task("unreadable", Duration.ofMinutes(2)), ctx -> {
            throw new IllegalStateException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String getMessage() {
                    throw new UnsupportedOperationException("no message for you");
                }
            };
        }));
    }

    @Test
    void aWorkspaceSwappedForALinkIsNotScoredThroughTheLink() {
        AttemptResult r = sabotaged(HostileTasks.task("local-swaps", Duration.ofMinutes(2)), ctx -> {
            HostileHarness.deleteTree(ctx.workspace());
            Files.createSymbolicLink(ctx.workspace(), decoy);
            return SessionOutcome.completed();
        });
        assertEquals(
                Outcome.FAILED,
                r.outcome(),
                "scored through a link out of the sandbox: " + r.message() + " " + r.verdict());
    }
}
