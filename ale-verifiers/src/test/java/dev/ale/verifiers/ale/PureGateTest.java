package dev.ale.verifiers.ale;

import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.TestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate child of weight 0 in weighted decides the gate and adds nothing to the score. */
class PureGateTest {
    private static final String CONFIG = "{'type': 'weighted', 'checks': ["
            + "{'type': 'file-exists', 'paths': ['out.csv'], 'name': 'delivered', 'gate': true, 'weight': %s},"
            + "{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'weight': 3},"
            + "{'type': 'text', 'file': 'memo.txt', 'contains': 'reconciled', 'weight': 1}]}";

    @TempDir
    Path dir;

    @Test
    void aPureGateAddsNothing() throws Exception {
        TestContext ctx = TestContext.in(dir)
                .ref("expected.csv", "id,v\n1,a\n2,b\n")
                .out("out.csv", "id,v\n1,a\n2,x\n")
                .out("memo.txt", "reconciled");
        // csv 1 of 2 rows = 0.5, memo 1: (3 × 0.5 + 1 × 1) / 4 = 0.625
        assertScore(0.625, ctx.verify(CONFIG.formatted("0")));
        // the gate with weight 1 earns it: (1 + 3 × 0.5 + 1) / 5 = 0.7
        assertScore(0.7, ctx.verify(CONFIG.formatted("1")));
    }

    @Test
    void aFailedPureGateStillZeroesTheScore() throws Exception {
        Verdict v = TestContext.in(dir)
                .ref("expected.csv", "id,v\n1,a\n")
                .out("memo.txt", "reconciled")
                .verify(CONFIG.formatted("0"));
        assertTrue(v.gateFailed());
        assertEquals(0, v.score());
    }

    @Test
    void weightZeroIsForGatesOnly() {
        assertTrue(refused(
                        "{'type': 'weighted', 'checks': [{'type': 'file-exists', 'path': 'a', 'weight': 0},"
                                + " {'type': 'file-exists', 'path': 'b'}]}",
                        "/checks/0/weight")
                .getMessage()
                .contains("pure gate"));
        refused(
                "{'type': 'weighted', 'checks': [{'type': 'file-exists', 'path': 'a', 'weight': -1, 'gate': true}]}",
                "/checks/0/weight");
        refused(
                "{'type': 'weighted', 'checks': [{'type': 'file-exists', 'path': 'a', 'weight': 0, 'gate': true}]}",
                "/checks");
    }
}
