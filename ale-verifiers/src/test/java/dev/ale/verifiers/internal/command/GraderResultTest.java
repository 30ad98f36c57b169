package dev.ale.verifiers.internal.command;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertStartsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraderResultTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            `` -> ``
            1.5 -> ``
            "0.5" -> ``
            [] -> ``
            ["0.5"] -> /0
            [1.5, 0.5] -> /0
            {"final_score": 1.2} -> /final_score
            {"error": "main.py did not load"} -> /error
            0.5 0.6 -> ``
            {"score": 2} -> /score
            {"score": 0.5, "score": 0.6} -> ``
            {"score": 0.5, "gateFailed": "no"} -> /gateFailed
            {"score": 0.5, "checks": 3} -> /checks
            {"score": 0.5, "checks": [3]} -> /checks/0
            {"score": 0.5, "checks": [{"score": 1}]} -> /checks/0/name
            {"score": 0.5, "checks": [{"name": "a"}]} -> /checks/0
            {"score": 0.5, "checks": [{"name": "a", "score": 1.01}]} -> /checks/0/score
            {"score": 0.5, "checks": [{"name": "a", "score": 1, "weight": -1}]} -> /checks/0/weight
            {"score": 0.5, "summary": 3} -> /summary
            """;

    static Verdict parse(String text) {
        return GraderResult.parse(text, "reward.json", false);
    }

    static AleException refused(String text, String field) {
        AleException e = assertThrows(AleException.class, () -> parse(text));
        assertEquals(field, e.field(), e.getMessage());
        assertStartsWith("grader reward.json", e.getMessage());
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
        assertContains("gate failed", v.summary());
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

    @Test
    void readsAlesForms() {
        assertEquals(0.3, parse("[0.3, 0.9]").score(), "the first of a list of raw scores, as evaluate() returns");
        assertEquals(0.8, parse("{\"final_score\": 0.8, \"total_score\": 80}").score());
        assertEquals(0.4, parse("{\"score\": 0.4, \"final_score\": 0.9}").score(), "score wins over final_score");
        Verdict v = parse("{\"score\": 0.5, \"checks\": {\"schema\": true, \"rows\": false, \"ratio\": 0.25,"
                + " \"count\": 17, \"note\": \"n/a\", \"nested\": {\"a\": 1}}, \"details\": [{\"id\": 1}]}");
        assertEquals(0.5, v.score(), "checks are shown, the score is the grader's");
        assertEquals(
                List.of("schema", "rows", "ratio"),
                v.checks().stream().map(Check::name).toList(),
                "booleans and numbers in [0, 1] become checks; other members are left out");
        assertTrue(v.checks().get(0).passed());
        assertFalse(v.checks().get(1).passed());
        assertEquals(0.25, v.checks().get(2).score());
        AleException error =
                assertThrows(AleException.class, () -> parse("{\"error\": \"session.screenshot is not supported\"}"));
        assertContains("session.screenshot is not supported", error.getMessage());
    }

    @Test
    void findsAResultOnlyWhenJsonIsThere() {
        assertTrue(GraderResult.find("", "standard output", true).isEmpty());
        assertTrue(GraderResult.find("Traceback (most recent call last):\n  KeyError: 'x'", "standard output", true)
                .isEmpty());
        assertEquals(
                0.4,
                GraderResult.find("step 1\n{\"score\": 0.4}\n", "standard output", true)
                        .orElseThrow()
                        .score());
        assertThrows(
                AleException.class,
                () -> GraderResult.find("{\"score\": 7}", "standard output", true),
                "JSON that is there but is not a valid result is the grader's error");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesWhatIsNotAScore(String config, String field) {
        refused(config, field);
    }
}
