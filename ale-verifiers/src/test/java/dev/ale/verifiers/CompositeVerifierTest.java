package dev.ale.verifiers;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompositeVerifierTest extends ContextTest {
    /** Scores 0.5: one of two files present. */
    private static final String HALF = "{'type': 'file-exists', 'paths': ['a.txt', 'missing.txt']}";
    /** Scores 1. */
    private static final String FULL = "{'type': 'text', 'file': 'a.txt', 'contains': 'alpha'}";
    /** Scores 0.25: one of four conditions. */
    private static final String QUARTER = "{'type': 'text', 'file': 'a.txt', 'contains': ['alpha', 'x', 'y', 'z']}";

    @BeforeEach
    void files() {
        ctx.out("a.txt", "alpha beta");
    }

    private static String with(String child, String extra) {
        return child.substring(0, child.length() - 1) + ", " + extra + "}";
    }

    @Test
    void weightedIsTheWeightedMean() throws Exception {
        Verdict v = ctx.verify("{'type': 'weighted', 'checks': [" + with(HALF, "'weight': 3") + ", " + FULL + "]}");
        assertScore((3 * 0.5 + 1) / 4, v);
        assertEquals(2, v.checks().size());
        assertEquals(3, v.checks().get(0).weight());
        assertEquals("file-exists [0]", v.checks().get(0).name());
        assertEquals("text [1]", v.checks().get(1).name());
    }

    @Test
    void allIsTheMinimumAndAnyTheMaximum() throws Exception {
        assertScore(0.25, ctx.verify("{'type': 'all', 'checks': [" + HALF + ", " + QUARTER + ", " + FULL + "]}"));
        assertScore(1, ctx.verify("{'type': 'any', 'checks': [" + HALF + ", " + QUARTER + ", " + FULL + "]}"));
        assertScore(0.5, ctx.verify("{'type': 'any', 'checks': [" + HALF + ", " + QUARTER + "]}"));
        Verdict all = ctx.verify("{'type': 'all', 'checks': [" + FULL + ", " + FULL.replace("alpha", "beta") + "]}");
        assertTrue(all.fullPass(1.0));
    }

    @Test
    void aFailedGateChildZeroesTheWholeAndIsNamed() throws Exception {
        for (String type : List.of("weighted", "all", "any")) {
            Verdict v = ctx.verify("{'type': '" + type + "', 'checks': ["
                    + with(HALF, "'gate': true, 'name': 'delivered'") + ", " + FULL + "]}");
            assertTrue(v.gateFailed(), type);
            assertEquals(0, v.score());
            assertContains("'delivered'", v.summary());
            assertTrue(v.checks().get(0).gate());
        }
    }

    @Test
    void aPassingGateChildDoesNotGate() throws Exception {
        Verdict v = ctx.verify("{'type': 'weighted', 'checks': [" + with(FULL, "'gate': true") + ", " + HALF + "]}");
        assertScore(0.75, v);
    }

    @Test
    void aChildsOwnGateFailureScoresItZeroWithoutGatingTheWhole() throws Exception {
        String missingFile = "{'type': 'text', 'file': 'nope.txt', 'contains': 'x'}";
        Verdict v = ctx.verify("{'type': 'weighted', 'checks': [" + missingFile + ", " + FULL + "]}");
        assertScore(0.5, v);
        Check child = v.checks().get(0);
        assertTrue(child.children().get(0).gate(), child.toString());
    }

    @Test
    void nestsCompositesAndKeepsTheCheckTree() throws Exception {
        String weighted = "{'type': 'weighted', 'name': 'inner', 'checks': [" + HALF + ", " + FULL + "]}";
        Verdict v = ctx.verify("{'type': 'all', 'checks': [" + weighted + ", " + FULL + "]}");
        assertScore(0.75, v);
        Check inner = v.checks().get(0);
        assertEquals("inner", inner.name());
        assertEquals(0.75, inner.score());
        assertFalse(inner.passed());
        assertEquals(
                List.of("file-exists [0]", "text [1]"),
                inner.children().stream().map(Check::name).toList());
        Check leafGroup = inner.children().get(0);
        assertEquals(
                List.of("a.txt", "missing.txt"),
                leafGroup.children().stream().map(Check::name).toList());
        assertScore(
                (0.75 * 1 + 0.25 * 3) / 4,
                ctx.verify("{'type': 'any', 'checks': [" + QUARTER + ", {'type': 'weighted', 'checks': ["
                        + with(weighted.replace("'name': 'inner', ", ""), "'weight': 1") + ", "
                        + with(QUARTER, "'weight': 3") + "]}]}"));
    }

    @Test
    void refusesBadChildOptionsAtTheirPointers() {
        refused(
                "{'type': 'weighted', 'checks': [" + FULL + ", " + with(HALF, "'weight': 0") + "]}",
                "/checks/1/weight");
        refused("{'type': 'weighted', 'checks': [" + with(HALF, "'weight': 'heavy'") + "]}", "/checks/0/weight");
        refused("{'type': 'all', 'checks': [" + with(HALF, "'weight': 2") + "]}", "/checks/0/weight");
        refused("{'type': 'any', 'checks': [" + with(HALF, "'gate': 'yes'") + "]}", "/checks/0/gate");
        refused(
                "{'type': 'any', 'checks': [" + with(HALF, "'name': 'x'") + ", " + with(FULL, "'name': 'x'") + "]}",
                "/checks/1/name");
        refused("{'type': 'any', 'checks': []}", "/checks");
        refused("{'type': 'any', 'checks': [" + FULL + ", 7]}", "/checks/1");
        refused("{'type': 'any', 'check': [" + FULL + "]}", "/check");
    }

    @Test
    void reportsNestedChildErrorsAtTheirFullPointer() {
        String bad = "{'type': 'all', 'checks': [{'type': 'text', 'contains': 'x'}]}";
        refused("{'type': 'weighted', 'checks': [" + FULL + ", " + bad + "]}", "/checks/1/checks/0/file");
        VerifierConfigException e = assertThrows(
                VerifierConfigException.class,
                () -> Fixture.REGISTRY.create(
                        Fixture.json("{'type': 'weighted', 'checks': [" + FULL + ", " + bad + "]}"), "/verifier"));
        assertEquals("/verifier/checks/1/checks/0/file", e.field());
        refused("{'type': 'weighted', 'checks': [{'type': 'nope'}]}", "/checks/0/type");
    }

    @Test
    void oneInstanceScoresManyAttemptsConcurrently() throws Exception {
        Verifier v = Fixture.create(
                "{'type': 'weighted', 'checks': [{'type': 'json', 'file': 'o.json', 'expected': {'a': 1, 'b': 2}},"
                        + "{'type': 'csv', 'file': 'o.csv', 'expectedFile': 'e.csv', 'key': 'id'}]}");
        List<TestContext> contexts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestContext c = TestContext.in(dir.resolve("attempt" + i))
                    .out("o.json", i % 2 == 0 ? "{\"a\": 1, \"b\": 2}" : "{\"a\": 1, \"b\": 3}")
                    .out("o.csv", "id,v\n1,x\n2," + (i % 4 < 2 ? "y" : "z") + "\n")
                    .ref("e.csv", "id,v\n1,x\n2,y\n");
            contexts.add(c);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> scores = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (TestContext c : contexts) {
                    scores.add(pool.submit(() -> v.verify(c).score()));
                }
            }
            for (int k = 0; k < scores.size(); k++) {
                int i = k % contexts.size();
                double json = i % 2 == 0 ? 1 : 0.5;
                double csv = i % 4 < 2 ? 1 : 0.5;
                assertEquals((json + csv) / 2, scores.get(k).get(), 1e-12, "attempt " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
