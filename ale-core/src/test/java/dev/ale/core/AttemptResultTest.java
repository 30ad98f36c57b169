package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.Usage;
import dev.ale.api.spi.Verdict;
import dev.ale.api.task.Tier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptResultTest {
    private static final Verdict HALF = Verdict.of(0.5, "half", List.of());

    @Test
    void theBuilderFillsTheDefaultsAndTheScoreFollowsTheVerdict() {
        AttemptResult r = AttemptResult.builder()
                .task("t1", 3, "a".repeat(64), TestTasks.PACK)
                .outcome(Outcome.FAILED, Cause.NONE)
                .verdict(HALF)
                .build();
        assertEquals(0.5, r.score());
        assertEquals(1, r.trial());
        assertEquals(3, r.taskRevision());
        assertEquals(Duration.ZERO, r.duration());
        assertEquals("", r.message());
        assertEquals(List.of(), r.soc());
        assertEquals(Usage.ZERO, r.usage());
        assertEquals(0.25, r.toBuilder().score(0.25).build().score(), "an explicit score wins");
    }

    @Test
    void toBuilderKeepsEveryComponent() {
        AttemptResult r = AttemptResult.builder()
                .task("t2", 1, "b".repeat(64), TestTasks.PACK)
                .trial(4)
                .outcome(Outcome.PASSED, Cause.NONE)
                .verdict(Verdict.of(1, "all", List.of()))
                .duration(Duration.ofMillis(12))
                .message("ok")
                .taxonomy(Tier.LAST_EXAM, "legal", "contracts", List.of("23-2011"))
                .sessionsRun(2)
                .usage(new Usage(10, 20, 0.5), 7)
                .build();
        assertEquals(r, r.toBuilder().build());
        assertEquals(5, r.toBuilder().sessionsRun(5).build().sessionsRun());
        assertEquals(r.duration(), r.toBuilder().sessionsRun(5).build().duration());
    }

    @Test
    void aMissingRequiredComponentIsNamed() {
        assertEquals(
                "verdict",
                assertThrows(NullPointerException.class, () -> AttemptResult.builder()
                                .task("t", 1, "c".repeat(64), TestTasks.PACK)
                                .outcome(Outcome.ERROR, Cause.SANDBOX)
                                .build())
                        .getMessage());
        assertEquals(
                "taskId",
                assertThrows(NullPointerException.class, () -> AttemptResult.builder()
                                .outcome(Outcome.ERROR, Cause.SANDBOX)
                                .verdict(HALF)
                                .build())
                        .getMessage());
    }
}
