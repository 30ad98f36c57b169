package dev.ale.verifiers.internal.json;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import dev.ale.verifiers.internal.support.JsonFiles;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonVerifierTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'json', 'file': 'out.json'} -> ``
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'expectedFile': 'x.json'} -> /expectedFile
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'fields': ['/total', 'currency']} -> /fields/1
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'fields': ['/total', '/lines/2/amount']} -> /fields/1
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'unorderedArrays': ['/total']} -> /unorderedArrays/0
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'tolerance': {'absolute': 0.1}} -> /tolerance/absolute
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'tolerance': {'abs': -0.1}} -> /tolerance/abs
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'tolerance': {'rel': '1%'}} -> /tolerance/rel
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'tolerance': 0.1} -> /tolerance
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'extraFields': 'strict'} -> /extraFields
            {'type': 'json', 'file': 'a/../out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}} -> /file
            {'type': 'json', 'file': 'out.json', 'expected': {'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}, 'field': ['/total']} -> /field
            """;

    private static final String EXPECTED =
            "{'total': 1250.5, 'currency': 'USD', 'lines': [{'amount': 1000}, {'amount': 250.5}]}";

    @BeforeEach
    void files() {
        ctx.out(
                "out.json",
                "{\"total\": 1250.5, \"currency\": \"EUR\", \"lines\": [{\"amount\": 1000}, "
                        + "{\"amount\": \"250.50\"}], \"note\": \"extra\"}");
    }

    private Verdict json(String options) throws Exception {
        return ctx.verify("{'type': 'json', 'file': 'out.json', " + options + "}");
    }

    @Test
    void scoresMatchingLeavesOverExpectedLeaves() throws Exception {
        Verdict v = json("'expected': " + EXPECTED);
        assertScore(0.75, v);
        assertEquals(
                List.of("/total", "/currency", "/lines/0/amount", "/lines/1/amount"),
                v.checks().stream().map(c -> c.name()).toList());
        assertFalse(check(v, "/currency").passed());
        assertEquals("\"USD\"", check(v, "/currency").expected());
        assertEquals("\"EUR\"", check(v, "/currency").actual());
        assertTrue(check(v, "/lines/1/amount").passed(), "a number written as a string counts as a number");
    }

    @Test
    void comparesOnlyTheListedFieldsWholeSubtreesIncluded() throws Exception {
        assertScore(1, json("'expected': " + EXPECTED + ", 'fields': ['/total', '/lines']"));
        assertScore(0.5, json("'expected': " + EXPECTED + ", 'fields': ['/lines/0', '']"));
        Verdict v = json("'expected': {'missing': 1, 'total': 1250.5}");
        assertScore(0.5, v);
        assertEquals("missing", check(v, "/missing").actual());
    }

    @Test
    void readsTheExpectedValueFromTheReference() throws Exception {
        ctx.ref("expected.json", EXPECTED.replace('\'', '"'));
        assertScore(0.75, json("'expectedFile': 'expected.json'"));
        ctx.ref("bad.json", "{\"a\": ");
        AleException e = assertThrows(AleException.class, () -> json("'expectedFile': 'bad.json'"));
        assertContains("reference/bad.json", e.getMessage());
        assertThrows(AleException.class, () -> json("'expectedFile': 'gone.json'"));
        assertThrows(AleException.class, () -> json("'expectedFile': 'expected.json', 'fields': ['/nope']"));
    }

    @Test
    void numericToleranceHoldsAtItsBoundary() throws Exception {
        ctx.out("out.json", "{\"a\": 10.01, \"b\": 9.99, \"c\": 10.0101, \"d\": \"$1,001.00\", \"e\": 1001.01}");
        String expected = "'expected': {'a': 10.00, 'b': 10, 'c': 10, 'd': 1000, 'e': 1000}";
        Verdict v = json(expected + ", 'tolerance': {'abs': 0.01, 'rel': 0.001}");
        assertEquals(
                List.of(true, true, false, true, false),
                v.checks().stream().map(c -> c.passed()).toList());
        assertEquals("10 ±0.01 or ±0.1%", check(v, "/c").expected());
        assertScore(0.6, json(expected + ", 'tolerance': {'rel': 0.001}"));
        assertScore(0.4, json(expected + ", 'tolerance': {'abs': 0.01}"));
        assertScore(0, json(expected));
    }

    @Test
    void unorderedArraysCompareAsMultisets() throws Exception {
        ctx.out(
                "out.json",
                "{\"tags\": [\"b\", \"c\", \"a\"], \"dup\": [\"a\", \"b\", \"b\"], \"rows\": [{\"id\": 2, \"v\": 1.004},"
                        + " {\"id\": 1, \"v\": 2}], \"near\": [1.0, 1.005], \"short\": [1, 2]}");
        Verdict v = json(
                "'expected': {'tags': ['a', 'b', 'c'], 'dup': ['a', 'a', 'b'], 'rows': [{'id': 1, 'v': 2}, {'id': 2, 'v': 1}],"
                        + " 'near': [1.0, 0.996], 'short': [1, 2, 3]}, 'unorderedArrays': ['/tags', '/dup', '/rows', '/near', '/short'],"
                        + " 'tolerance': {'abs': 0.005}");
        assertEquals(
                List.of(true, false, true, true, false),
                v.checks().stream().map(c -> c.passed()).toList());
        assertEquals("2 of 3 elements paired, 3 in output", check(v, "/dup").actual());
        assertScore(0.6, v);
        assertScore(0, json("'expected': {'tags': ['a', 'b', 'c']}"));
    }

    @Test
    void unorderedElementsAreComparedWhole() throws Exception {
        ctx.out("out.json", "{\"rows\": [{\"id\": 1, \"extra\": true}]}");
        assertScore(0, json("'expected': {'rows': [{'id': 1}]}, 'unorderedArrays': ['/rows']"));
        assertScore(1, json("'expected': {'rows': [{'id': 1}]}"));
    }

    @Test
    void extraFieldsFailIsAGateListingTheExtras() throws Exception {
        assertScore(0.75, json("'expected': " + EXPECTED + ", 'extraFields': 'ignore'"));
        Verdict v = json("'expected': " + EXPECTED + ", 'extraFields': 'fail'");
        assertGate("out.json", "/note", v);
        assertEquals(5, v.checks().size(), "the gate first, then the field checks");
        ctx.out("out.json", "{\"a\": [1, 2, 3]}");
        assertGate("out.json", "/a/2", json("'expected': {'a': [1, 2]}, 'extraFields': 'fail'"));
        assertScore(1, json("'expected': {'a': [1, 2, 3]}, 'extraFields': 'fail'"));
    }

    @Test
    void typesMustAgreeExceptForNumbers() throws Exception {
        ctx.out("out.json", "{\"a\": true, \"b\": null, \"c\": \"1\", \"d\": 1, \"e\": \"x\"}");
        Verdict v = json("'expected': {'a': 'true', 'b': null, 'c': 1, 'd': '1.0', 'e': 'x', 'f': null}");
        assertEquals(
                List.of(false, true, true, true, true, false),
                v.checks().stream().map(c -> c.passed()).toList());
    }

    @Test
    void missingOrMalformedOutputIsAGate() throws Exception {
        String cfg = "'expected': {'a': 1}";
        ctx.out("out.json", "{\"a\": 1,}");
        assertGate("out.json", "malformed JSON", json(cfg));
        ctx.out("out.json", "{\"a\": 1, \"a\": 2}");
        assertGate("out.json", "Duplicate field", json(cfg));
        ctx.out("out.json", "{\"a\": 1} {\"a\": 2}");
        assertGate("out.json", "malformed JSON", json(cfg));
        ctx.out("out.json", "  ");
        assertGate("out.json", "no JSON value", json(cfg));
        ctx.out("out.json", "[".repeat(100_000) + "]".repeat(100_000));
        assertGate("out.json", "nesting depth", json(cfg));
        ctx.out("out.json", "[".repeat(JsonFiles.MAX_DEPTH) + "]".repeat(JsonFiles.MAX_DEPTH));
        assertScore(0, json(cfg));
        assertGate("gone.json", "missing", ctx.verify("{'type': 'json', 'file': 'gone.json', " + cfg + "}"));
        ctx.out("out.json", new byte[] {0x22, 0, 0, 0, 0, 0, 0, 0, 0, 0x6e, 0x67, 0x22});
        assertGate("out.json", "malformed JSON: Invalid UTF-32 character", json(cfg));
        ctx.out("out.json", "{\"a\": 1e10000001234}");
        assertGate("out.json", "malformed JSON", json(cfg));
        ctx.out("out.json", "{\"a\": 1}").ref("huge.json", "{\"a\": 1e10000001234}");
        assertThrows(AleException.class, () -> json("'expectedFile': 'huge.json'"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
