package dev.ale.core.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Outcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A harness that floods its trajectory with long messages must not make the runner hold an
 * unbounded amount of memory: the steps kept per attempt are capped in number and each text is cut,
 * but the product of the two (100,000 steps of 64 Ki characters, 6.25 GiB of Latin-1 text, twice
 * that in UTF-16) is more than a default heap, so a few hostile attempts in parallel end the run.
 */
class TrajectoryFloodMemoryTest {
    /** What one attempt's trajectory may reasonably keep, in characters of text. */
    private static final long BOUND = 64L << 20;

    @Test
    void aFloodOfLongMessagesKeepsTheTrajectoryWithinABound() {
        long[] held = new long[1];
        String megabyte = "m".repeat(1 << 20);
        EvaluationReport report = Runs.await(Evaluator.builder()
                .tasks(List.of(HostileTasks.task("floods-long", Duration.ofMinutes(5))))
                .verifiers(new HostileVerifiers())
                .harness(ctx -> {
                    for (int i = 0; i < 3_000; i++) {
                        ctx.trajectory().message("assistant", megabyte);
                    }
                    // what the trajectory keeps, counted from its steps: not the heap, which no test may read
                    held[0] = ctx.trajectory().steps().stream()
                            .mapToLong(s -> (long) s.text().length())
                            .sum();
                    return HostileHarness.answer(ctx.workspace());
                })
                .build());
        assertEquals(
                Outcome.PASSED,
                report.attempts().get(0).outcome(),
                report.attempts().get(0).message());
        assertTrue(held[0] < BOUND, "the trajectory of one attempt kept " + (held[0] >> 20) + " Mi characters");
    }
}
