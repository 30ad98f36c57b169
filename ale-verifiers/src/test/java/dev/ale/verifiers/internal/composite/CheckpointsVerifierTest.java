package dev.ale.verifiers.internal.composite;

import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.assertStartsWith;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckpointsVerifierTest extends ContextTest {
    private static final String LOADED = "{'name': 'loaded', 'points': 1, 'type': 'file-exists', 'path': 'data.csv'}";
    private static final String REPORT =
            "{'name': 'report', 'points': 2, 'type': 'text', 'file': 'report.md', 'contains': 'Findings'}";
    /** Scores 0.5 (one of two phrases): a partial pass earns nothing. */
    private static final String PARTIAL =
            "{'name': 'summary', 'points': 4, 'type': 'text', 'file': 'report.md', 'contains': ['Findings', 'Summary']}";

    private static final String FINAL =
            "{'name': 'final', 'points': 3, 'type': 'file-exists', 'path': 'submitted.txt'}";

    @BeforeEach
    void files() {
        ctx.out("data.csv", "a\n1\n").out("report.md", "# Findings\n");
    }

    private Verdict checkpoints(String extra, String... children) throws Exception {
        return ctx.verify("{'type': 'checkpoints', " + (extra.isEmpty() ? "" : extra + ", ") + "'checks': ["
                + String.join(", ", children) + "]}");
    }

    @Test
    void scoresPointsOfFullyPassedCheckpointsOverTotalPoints() throws Exception {
        Verdict v = checkpoints("", LOADED, REPORT, PARTIAL, FINAL);
        // loaded 1 + report 2 earned; summary (0.5) and final (missing) earn nothing: 3 / 10
        assertScore(0.3, v);
        Check summary = check(v, "summary");
        assertEquals(0, summary.score());
        assertEquals(4, summary.weight());
        assertFalse(summary.passed());
        assertStartsWith("score 0.500", summary.actual());
        assertTrue(check(v, "report").passed());
        assertEquals("2 of 4 checkpoints pass, 3 of 10 points", v.summary());
    }

    @Test
    void theNamedFinalCheckpointGivesFullCredit() throws Exception {
        assertScore(0.3, checkpoints("'fullCreditOn': 'final'", LOADED, REPORT, PARTIAL, FINAL));
        ctx.out("submitted.txt", "done");
        Verdict v = checkpoints("'fullCreditOn': 'final'", LOADED, REPORT, PARTIAL, FINAL);
        assertScore(1, v);
        assertTrue(v.summary().endsWith("'final' passed: full credit"), v.summary());
        assertScore(0.6, checkpoints("", LOADED, REPORT, PARTIAL, FINAL));
    }

    @Test
    void completionBonusKeepsAShareForFinishingEverything() throws Exception {
        // TheAgentCompany: 0.5 x earned / total + 0.5 x (all passed)
        assertScore(0.5 * 3 / 6, checkpoints("'completionBonus': 0.5", LOADED, REPORT, FINAL));
        ctx.out("submitted.txt", "done");
        assertScore(1, checkpoints("'completionBonus': 0.5", LOADED, REPORT, FINAL));
        assertScore(0.75 * 6 / 10, checkpoints("'completionBonus': 0.25", LOADED, REPORT, PARTIAL, FINAL));
    }

    @Test
    void aGateCheckpointThatFailsZeroesTheWhole() throws Exception {
        String gated = FINAL.replace("'points': 3", "'points': 3, 'gate': true");
        Verdict v = checkpoints("", LOADED, REPORT, gated);
        assertTrue(v.gateFailed());
        assertStartsWith("gate checkpoint 'final' failed", v.summary());
        ctx.out("submitted.txt", "done");
        assertScore(1, checkpoints("", LOADED, REPORT, gated));
    }

    @Test
    void defaultPointsAreOneAndNamesDefaultToTypeAndIndex() throws Exception {
        Verdict v = ctx.verify("{'type': 'checkpoints', 'checks': [{'type': 'file-exists', 'path': 'data.csv'},"
                + " {'type': 'file-exists', 'path': 'nope'}]}");
        assertScore(0.5, v);
        assertEquals("file-exists [1]", v.checks().get(1).name());
    }

    @Test
    void refusesBadConfigsAtTheirPointers() {
        refused("{'type': 'checkpoints', 'checks': []}", "/checks");
        refused("{'type': 'checkpoints', 'fullCreditOn': 'end', 'checks': [" + LOADED + "]}", "/fullCreditOn");
        refused(
                "{'type': 'checkpoints', 'checks': [" + LOADED.replace("'points': 1", "'points': 0") + "]}",
                "/checks/0/points");
        refused(
                "{'type': 'checkpoints', 'checks': [" + LOADED.replace("'points': 1", "'weight': 1") + "]}",
                "/checks/0/weight");
        refused("{'type': 'checkpoints', 'checks': [" + LOADED + ", " + LOADED + "]}", "/checks/1/name");
        refused("{'type': 'checkpoints', 'completionBonus': 1, 'checks': [" + LOADED + "]}", "/completionBonus");
        refused("{'type': 'checkpoints', 'completionBonus': -0.1, 'checks': [" + LOADED + "]}", "/completionBonus");
        refused("{'type': 'checkpoints', 'bonus': 0.5, 'checks': [" + LOADED + "]}", "/bonus");
        refused("{'type': 'checkpoints', 'checks': [{'name': 'x', 'type': 'text', 'file': 'a'}]}", "/checks/0");
    }
}
