package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.Usage;
import dev.ale.api.spi.Verdict;
import dev.ale.api.task.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pass@k, pass^k, flips, the bootstrap and the comparison, against values computed by hand. */
class TrialStatisticsTest {
    static AttemptResult attempt(String task, int trial, Outcome outcome, double score) {
        return attempt(task, 1, "d" + task, trial, outcome, score);
    }

    /** An attempt at revision {@code revision} of the task, whose files give {@code digest}. */
    static AttemptResult attempt(String task, int revision, String digest, int trial, Outcome outcome, double score) {
        return new AttemptResult(
                task,
                revision,
                digest,
                TestTasks.PACK,
                trial,
                outcome,
                Cause.NONE,
                score,
                Verdict.of(score, "", List.of()),
                Duration.ZERO,
                "",
                Tier.NEAR_TERM,
                "legal",
                "litigation",
                List.of("23-2011"),
                1,
                Usage.ZERO,
                0);
    }

    /** Task a: 2 of 4 trials pass; task b: 4 of 4; task c: 0 of 4. */
    static EvaluationReport threeTasks() {
        List<AttemptResult> list = new ArrayList<>();
        boolean[][] passes = {{true, false, true, false}, {true, true, true, true}, {false, false, false, false}};
        String[] ids = {"a", "b", "c"};
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < 4; i++) {
                list.add(
                        attempt(ids[t], i + 1, passes[t][i] ? Outcome.PASSED : Outcome.FAILED, passes[t][i] ? 1 : 0.5));
            }
        }
        return report(list, 4);
    }

    static EvaluationReport report(List<AttemptResult> list, int trials) {
        return new EvaluationReport(
                new EvaluationReport.Meta(
                        List.of(TestTasks.PACK),
                        "h",
                        "in-memory",
                        trials,
                        Instant.EPOCH,
                        Duration.ZERO,
                        11,
                        0,
                        1,
                        List.of(),
                        List.of(),
                        List.of()),
                list);
    }

    @Test
    void passAtKAndPassHatKUseTheUnbiasedEstimators() {
        EvaluationReport r = threeTasks();
        // k=1: a 2/4, b 1, c 0 -> mean 0.5 for both
        assertEquals(0.5, r.passAtK(1), 1e-12);
        assertEquals(0.5, r.passHatK(1), 1e-12);
        // k=2: a: 1 - C(2,2)/C(4,2) = 5/6; b: 1; c: 0 -> (5/6 + 1) / 3
        assertEquals((5.0 / 6 + 1) / 3, r.passAtK(2), 1e-12);
        // pass^2: a: C(2,2)/C(4,2) = 1/6; b: 1; c: 0
        assertEquals((1.0 / 6 + 1) / 3, r.passHatK(2), 1e-12);
        // k=4: a: 1 - 0 = 1 (C(2,4)=0); pass^4: a 0
        assertEquals(2.0 / 3, r.passAtK(4), 1e-12);
        assertEquals(1.0 / 3, r.passHatK(4), 1e-12);
        assertTrue(Double.isNaN(r.passAtK(5)), "no task has 5 trials");
        assertEquals(1.0 / 3, r.flipShare(), 1e-12, "only task a flips");
    }

    @Test
    void errorsAreLeftOutOfTheTrialFigures() {
        List<AttemptResult> list = new ArrayList<>(threeTasks().attempts());
        list.add(attempt("c", 5, Outcome.ERROR, 0));
        EvaluationReport r = report(list, 5);
        assertEquals(0.5, r.passAtK(1), 1e-12);
        assertEquals(6.0 / 12, r.fullPassRate().value(), 1e-12);
    }

    @Test
    void meanScoreIsTheMeanOfTaskMeansWithASeededBootstrapInterval() {
        EvaluationReport r = threeTasks();
        // a: (1+.5+1+.5)/4 = .75, b: 1, c: .5 -> .75
        assertEquals(0.75, r.meanScore().value(), 1e-12);
        assertTrue(
                r.meanScore().low() >= 0.5 && r.meanScore().high() <= 1.0,
                r.meanScore().toString());
        assertEquals(r.meanScore(), threeTasks().meanScore(), "same seed, same interval");
        EvaluationReport otherSeed = new EvaluationReport(
                new EvaluationReport.Meta(
                        List.of(TestTasks.PACK),
                        "h",
                        "x",
                        4,
                        Instant.EPOCH,
                        Duration.ZERO,
                        12,
                        0,
                        1,
                        List.of(),
                        List.of(),
                        List.of()),
                threeTasks().attempts());
        assertEquals(0.75, otherSeed.meanScore().value(), 1e-12);
    }

    @Test
    void mcnemarExactMatchesTheBinomialTail() {
        // b=0, c=5: p = 2 * 0.5^5 = 0.0625
        assertEquals(0.0625, Comparisons.mcnemarExact(0, 5), 1e-12);
        // b=2, c=8: p = 2 * (1 + 10 + 45) / 1024 = 0.109375
        assertEquals(0.109375, Comparisons.mcnemarExact(2, 8), 1e-12);
        assertEquals(1.0, Comparisons.mcnemarExact(3, 3), 1e-12);
        assertEquals(1.0, Comparisons.mcnemarExact(0, 0), 1e-12);
    }

    @Test
    void compareDiffersOnlyOnTasksWithTheSameContent() {
        List<AttemptResult> a = List.of(
                attempt("x", 1, Outcome.FAILED, 0),
                attempt("y", 1, Outcome.PASSED, 1),
                attempt("z", 1, Outcome.FAILED, 0),
                attempt("w", 1, Outcome.PASSED, 1));
        List<AttemptResult> b = new ArrayList<>(List.of(
                attempt("x", 1, Outcome.PASSED, 1),
                attempt("y", 1, Outcome.PASSED, 1),
                attempt("z", 1, Outcome.PASSED, 1)));
        b.add(attempt("w", 2, "other-digest", 1, Outcome.FAILED, 0));
        Comparison c = Reports.compare(report(a, 1), report(b, 1));
        assertEquals(3, c.pairedTasks());
        assertEquals(1, c.leftOut());
        assertEquals(1.0 / 3, c.fullPassRateA(), 1e-12);
        assertEquals(1.0, c.fullPassRateB(), 1e-12);
        assertEquals(2.0 / 3, c.difference().value(), 1e-12);
        assertEquals(0.5, c.mcnemarP(), 1e-12, "b=0, c=2: 2 * 0.25");
        assertEquals(List.of("x", "z"), c.newlyPassing());
        assertEquals(List.of(), c.newlyFailing());
    }
}
