package dev.ale.verifiers.ale;

import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.assertStartsWith;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import dev.ale.verifiers.Fixture;
import dev.ale.verifiers.internal.support.ScoreTransform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Score transforms (normalize, clamp, round) on every verifier and composite. */
class ScoreTransformTest extends ContextTest {
    /** Scores 2/4 = 0.5 before any transform: two of the four strings are in a.txt. */
    private static final String HALF = "{'type': 'text', 'file': 'a.txt', 'contains': ['alpha', 'beta', 'x', 'y']";

    @BeforeEach
    void files() {
        ctx.out("a.txt", "alpha beta");
    }

    @Test
    void normalizeGivesOneAtTheThresholdElseRawOverThreshold() throws Exception {
        // raw 0.5 < 0.65: 0.5 / 0.65 = 0.769230...
        Verdict below = ctx.verify(HALF + ", 'normalize': {'threshold': 0.65}}");
        assertScore(0.5 / 0.65, below);
        Check shown = check(below, "score transform");
        assertEquals(0, shown.weight());
        assertEquals("normalize at 0.65", shown.expected());
        assertStartsWith("raw 0.5 -> 0.769231", shown.actual());
        // raw 0.5 >= 0.5: 1
        assertScore(1, ctx.verify(HALF + ", 'normalize': {'threshold': 0.5}}"));
    }

    @Test
    void clampAndRoundApplyAfterNormalize() throws Exception {
        // 0.5 / 0.7 = 0.714285..., clamped to 0.69, rounded to one decimal: 0.7
        assertScore(0.69, ctx.verify(HALF + ", 'normalize': {'threshold': 0.7}, 'clamp': [0, 0.69]}"));
        assertScore(0.7, ctx.verify(HALF + ", 'normalize': {'threshold': 0.7}, 'clamp': [0, 0.69], 'round': 1}"));
        // a floor: 0.5 clamped to [0.6, 1] is 0.6
        assertScore(0.6, ctx.verify(HALF + ", 'clamp': [0.6, 1]}"));
    }

    @Test
    void roundIsPythonsRoundOnTheExactBinaryValue() {
        ScoreTransform round = new ScoreTransform(null, null, null, 6);
        assertEquals(0.809524, round.apply(34.0 / 42), 0); // 0.8095238095... -> 0.809524
        assertEquals(0.928571, round.apply(39.0 / 42), 0); // 0.9285714285... -> 0.928571
        // the double nearest 0.675 is 0.67500000000000004440892..., so Python's round(0.675, 2) is 0.68;
        // the double nearest 0.375 is exact, a tie: half to even gives 0.38 (Python: 0.38)
        assertEquals(0.68, new ScoreTransform(null, null, null, 2).apply(0.675), 0);
        assertEquals(0.38, new ScoreTransform(null, null, null, 2).apply(0.375), 0);
        // 0.125 is exact in binary: half to even gives 0.12, as Python's round(0.125, 2)
        assertEquals(0.12, new ScoreTransform(null, null, null, 2).apply(0.125), 0);
    }

    @Test
    void aFailedGateStaysAFailedGate() throws Exception {
        Verdict v = ctx.verify("{'type': 'text', 'file': 'missing.txt', 'contains': 'a', 'clamp': [0.5, 1]}");
        assertTrue(v.gateFailed());
        assertEquals(0, v.score());
    }

    @Test
    void compositesAndTheirChildrenTakeTransforms() throws Exception {
        // child: 0.5 / 0.65 = 0.769...; with a full child: (0.769... + 1) / 2 = 0.884..., rounded to 2: 0.88
        Verdict v = ctx.verify("{'type': 'weighted', 'round': 2, 'checks': [" + HALF
                + ", 'normalize': {'threshold': 0.65}}, {'type': 'text', 'file': 'a.txt', 'contains': 'beta'}]}");
        assertScore(0.88, v);
        assertEquals(0.5 / 0.65, v.checks().get(0).score(), 1e-12);
    }

    @Test
    void configErrorsNameTheirPointer() {
        refused(HALF + ", 'normalize': {'threshold': 0}}", "/normalize/threshold");
        refused(HALF + ", 'normalize': {'threshold': 1.5}}", "/normalize/threshold");
        refused(HALF + ", 'normalize': {'level': 0.5}}", "/normalize/level");
        refused(HALF + ", 'clamp': [0.7, 0.2]}", "/clamp");
        refused(HALF + ", 'clamp': 0.5}", "/clamp");
        refused(HALF + ", 'round': 16}", "/round");
        refused(HALF + ", 'round': 1.5}", "/round");
        refused(
                "{'type': 'all', 'checks': [{'type': 'file-exists', 'path': 'a'}, " + HALF
                        + ", 'normalize': {'threshold': -1}}]}",
                "/checks/1/normalize/threshold");
        assertEquals(
                "/normalize/threshold",
                Fixture.refused(HALF + ", 'normalize': {}}", "/normalize/threshold")
                        .field());
    }
}
