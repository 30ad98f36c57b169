package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, shards, run-level caps, cancellation and progress. */
class RunControlTest {
    /** A run of one task whose first {@code failures} sandboxes fail to open, retried twice; counts the opens. */
    private static EvaluationReport runWithFlakySandboxes(int failures, AtomicInteger opens) {
        return RunFixtures.builder(1, 1, 0)
                .sandboxProvider(RunFixtures.flaky("flaky", failures, opens))
                .retries(2, Duration.ZERO)
                .build()
                .run();
    }

    @Test
    void infrastructureErrorsAreRetriedUpToTheLimit() {
        AtomicInteger opens = new AtomicInteger();
        EvaluationReport r = runWithFlakySandboxes(2, opens);
        assertEquals(3, opens.get());
        assertEquals(Outcome.FAILED, r.attempts().get(0).outcome(), "the third try ran");
        AtomicInteger opens2 = new AtomicInteger();
        EvaluationReport r2 = runWithFlakySandboxes(5, opens2);
        assertEquals(3, opens2.get());
        assertEquals(Outcome.ERROR, r2.attempts().get(0).outcome());
        assertEquals(1, r2.errors().size());
        assertTrue(r2.fullPassRate().isEmpty(), "an error is never a zero");
    }

    @Test
    void harnessFailuresAreNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        EvaluationReport r = Evaluator.builder()
                .tasks(RunFixtures.tasks(1))
                .verifiers(TestTasks.registry())
                .retries(3, Duration.ZERO)
                .harness(ctx -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("agent crashed");
                })
                .build()
                .run();
        assertEquals(1, calls.get());
        assertEquals(Cause.HARNESS_ERROR, r.attempts().get(0).cause());
    }

    @Test
    void shardsSplitTheTasksAndMergeToTheWholeRun(@TempDir Path tmp) {
        EvaluationReport whole = RunFixtures.builder(24, 2, 0)
                .runDirectory(tmp.resolve("whole"))
                .build()
                .run();
        Path[] shards = new Path[4];
        int total = 0;
        for (int i = 0; i < 4; i++) {
            shards[i] = tmp.resolve("shard-" + i);
            EvaluationReport part = RunFixtures.builder(24, 2, 0)
                    .shard(i, 4)
                    .runDirectory(shards[i])
                    .build()
                    .run();
            total += part.attempts().size();
            assertEquals(i + "/4", part.shard());
        }
        assertEquals(48, total, "every attempt in exactly one shard");
        EvaluationReport merged = Reports.merge(shards);
        assertEquals(
                whole.attempts().stream()
                        .map(a -> a.taskId() + "#" + a.trial() + a.outcome())
                        .toList(),
                merged.attempts().stream()
                        .map(a -> a.taskId() + "#" + a.trial() + a.outcome())
                        .toList());
        assertEquals(whole.fullPassRate(), merged.fullPassRate());
        assertEquals(whole.meanScore(), merged.meanScore());
        assertEquals(whole.byTier(), merged.byTier());
        assertEquals(whole.passAtK(2), merged.passAtK(2));
    }

    @Test
    void mergingOverlappingShardsIsRefused(@TempDir Path tmp) {
        RunFixtures.builder(2, 1, 0).runDirectory(tmp.resolve("a")).build().run();
        RunFixtures.builder(2, 1, 0).runDirectory(tmp.resolve("b")).build().run();
        IllegalArgumentException e = Assertions.assertThrows(
                IllegalArgumentException.class, () -> Reports.merge(tmp.resolve("a"), tmp.resolve("b")));
        assertTrue(e.getMessage().contains("must not overlap"), e.getMessage());
    }

    @Test
    void aRunCostCapStopsNewAttemptsAndTheReportSaysItIsPartial() {
        // each attempt records 0.01 USD; with one at a time the cap of 0.025 lets three start
        EvaluationReport r =
                RunFixtures.builder(6, 1, 0).runCostLimitUsd(0.025).build().run();
        assertEquals(3, r.attempts().size());
        assertTrue(r.partial());
        assertEquals(3, r.notRun().size());
        assertTrue(
                r.notRun().get(0).reason().contains("cost cap"),
                r.notRun().get(0).reason());
        assertTrue(r.toJson().contains("\"partial\" : true"));
    }

    @Test
    void aRunTimeCapStopsNewAttempts() {
        EvaluationReport r = RunFixtures.builder(5, 1, 150)
                .runTimeLimit(Duration.ofMillis(100))
                .build()
                .run();
        // attempts take 150 ms against a 100 ms cap: at most the first starts (none on a machine so
        // busy that 100 ms pass before it), every other one is reported as not run
        assertTrue(r.attempts().size() <= 1, "" + r.attempts().size());
        assertEquals(5, r.attempts().size() + r.notRun().size());
        assertTrue(r.notRun().stream().allMatch(n -> n.reason().contains("wall-time cap")));
    }

    @Test
    void cancelStopsTheRunAndKeepsAValidPartialReport(@TempDir Path tmp) throws Exception {
        CountDownLatch inSession = new CountDownLatch(1);
        RunHandle handle = Evaluator.builder()
                .tasks(RunFixtures.tasks(5))
                .verifiers(TestTasks.registry())
                .runDirectory(tmp.resolve("run"))
                .harness(ctx -> {
                    if (ctx.task().id().equals("t01")) {
                        inSession.countDown();
                        Thread.sleep(60_000);
                    }
                    Files.writeString(ctx.workspace().resolve("answer.txt"), "0");
                    return SessionOutcome.completed();
                })
                .build()
                .start();
        assertTrue(inSession.await(30, TimeUnit.SECONDS));
        Progress p = handle.progress();
        assertEquals(5, p.total());
        assertEquals(1, p.done());
        handle.cancel();
        EvaluationReport r = handle.await();
        assertEquals(
                List.of("t00"), r.attempts().stream().map(AttemptResult::taskId).toList());
        assertEquals(4, r.notRun().size());
        assertEquals("t01", r.notRun().get(0).taskId());
        assertTrue(r.partial());
        // the interrupted attempt was not journaled, so resuming runs it
        EvaluationReport resumed = RunFixtures.builder(5, 1, 0)
                .runDirectory(tmp.resolve("run"))
                .build()
                .run();
        assertEquals(5, resumed.attempts().size());
        assertFalse(resumed.partial());
    }
}
