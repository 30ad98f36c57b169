package dev.ale.verifiers.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraderResultTest {
    static Verdict parse(String text) {
        return GraderResult.parse(text, "reward.json", false);
    }

    static AleException refused(String text, String field) {
        AleException e = assertThrows(AleException.class, () -> parse(text));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("grader reward.json"), e.getMessage());
        return e;
    }

    @Test
    void readsAPlainNumberAsHarborAndInspectWriteIt() {
        assertEquals(0.75, parse("0.75\n").score());
        assertEquals(1.0, parse("\uFEFF 1 ").score());
        assertEquals(0.0, parse("0").score());
        assertEquals(List.of(), parse("0.5").checks());
    }

    @Test
    void readsChecksWithTheirDefaults() {
        Verdict v = parse(
                "{\"score\": 0.5, \"extra\": {\"ignored\": true}, \"checks\": ["
                        + "{\"name\": \"a\", \"passed\": true},"
                        + "{\"name\": \"b\", \"score\": 0.25, \"weight\": 2, \"gate\": true, \"expected\": [1, 2], \"actual\": null},"
                        + "{\"name\": \"c\", \"score\": 1, \"passed\": false, \"checks\": [{\"name\": \"c1\", \"score\": 0}]}]}");
        assertEquals(Check.pass("a", "", ""), v.checks().get(0));
        assertEquals(
                new Check("b", 0.25, 2, true, false, "[1,2]", "", List.of()),
                v.checks().get(1));
        Check c = v.checks().get(2);
        assertFalse(c.passed(), "an explicit passed wins");
        assertEquals(List.of(Check.fail("c1", "", "")), c.children());
        assertEquals("grader score 0.500 (reward.json)", v.summary());
    }

    @Test
    void aFailedGateScoresZero() {
        Verdict v = parse(
                "{\"score\": 0.6, \"gateFailed\": true, \"checks\": [{\"name\": \"file\", \"score\": 0, \"gate\": true}]}");
        assertTrue(v.gateFailed());
        assertEquals(0, v.score());
        assertTrue(v.summary().contains("gate failed"), v.summary());
    }

    @Test
    void refusesWhatIsNotAScore() {
        refused("", "");
        refused("1.5", "");
        refused("\"0.5\"", "");
        refused("[0.5]", "");
        refused("0.5 0.6", "");
        refused("{\"score\": 2}", "/score");
        refused("{\"score\": 0.5, \"score\": 0.6}", "");
        refused("{\"score\": 0.5, \"gateFailed\": \"no\"}", "/gateFailed");
        refused("{\"score\": 0.5, \"checks\": {}}", "/checks");
        refused("{\"score\": 0.5, \"checks\": [3]}", "/checks/0");
        refused("{\"score\": 0.5, \"checks\": [{\"score\": 1}]}", "/checks/0/name");
        refused("{\"score\": 0.5, \"checks\": [{\"name\": \"a\"}]}", "/checks/0");
        refused("{\"score\": 0.5, \"checks\": [{\"name\": \"a\", \"score\": 1.01}]}", "/checks/0/score");
        refused("{\"score\": 0.5, \"checks\": [{\"name\": \"a\", \"score\": 1, \"weight\": -1}]}", "/checks/0/weight");
        refused("{\"score\": 0.5, \"summary\": 3}", "/summary");
    }

    @Test
    void capsTheNumberOfChecks() {
        StringBuilder b = new StringBuilder("{\"score\": 1, \"checks\": [");
        for (int i = 0; i <= GraderResult.MAX_CHECKS; i++) {
            b.append(i == 0 ? "" : ",").append("{\"name\": \"c").append(i).append("\", \"score\": 1}");
        }
        assertTrue(refused(b.append("]}").toString(), "/checks").getMessage().contains("more than 1000 checks"));
    }

    @Test
    void readsTheLastLineOfStandardOutputOnlyWhenAllowed() {
        String logged = "epoch 1\nepoch 2\n{\"score\": 0.5}\n\n";
        assertEquals(0.5, GraderResult.parse(logged, "standard output", true).score());
        assertThrows(AleException.class, () -> GraderResult.parse(logged, "reward.txt", false));
        assertThrows(AleException.class, () -> GraderResult.parse("epoch 1\n2.5", "standard output", true));
    }
}
