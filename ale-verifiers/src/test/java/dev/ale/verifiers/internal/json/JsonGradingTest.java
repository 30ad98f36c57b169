package dev.ale.verifiers.internal.json;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The json verifier's grading rules: informative fields, groups, weights, gates and several files. */
class JsonGradingTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': {}} -> /groups
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': []} -> /groups
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [3]} -> /groups/0
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': '/a', 'compar': 'text'}]} -> /groups/0/compar
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': '/a', 'type': 'json'}]} -> /groups/0/type
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': '/a'}, {'fields': '/a', 'compare': 'fuzzy'}]} -> /groups/1/compare
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': '/a', 'arrays': 'bag'}]} -> /groups/0/arrays
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': '/a', 'weight': 0}]} -> /groups/0/weight
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': '/a', 'weight': 1, 'totalWeight': 2}]} -> /groups/0/totalWeight
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': '/a', 'compare': 'text', 'tolerance': {'abs': 1}}]} -> /groups/0/tolerance
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': '/a', 'tolerance': {'ab': 1}}]} -> /groups/0/tolerance/ab
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'fields': ['/a', 'line_*']}]} -> /groups/0/fields/1
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'groups': [{'compare': 'text'}]} -> /groups/0/fields
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'fields': ['/a', '/x~3']} -> /fields/1
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'fields': ['/a', '/nope_*']} -> /fields/1
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'required': 3} -> /required
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'required': ['/a', 'b']} -> /required/1
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'types': 'strict'} -> /types
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'extraFields': 'fail-top'} -> /extraFields
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'informativeOnly': 'yes'} -> /informativeOnly
            {'type': 'json', 'file': 'out.json', 'expected': {'a': 1, 'line_1': 2}, 'files': [{'file': 'a.json', 'expected': {}}]} -> /files
            {'type': 'json', 'files': [{'file': 'a.json', 'expected': {'a': 1}}, {'expected': {}}]} -> /files/1/file
            {'type': 'json', 'files': [{'file': 'a.json', 'expected': {'a': 1}}, {'file': 'b.json', 'expected': {}, 'fieldz': []}]} -> /files/1/fieldz
            {'type': 'json', 'files': [{'file': 'a.json', 'expected': {'a': 1}}, {'file': 'b.json', 'expected': {'b': 1}, 'fields': '/c'}]} -> /files/1/fields
            {'type': 'json', 'files': [{'file': 'a.json', 'expected': {'a': 1}}, {'file': 'b.json', 'expected': {}, 'optional': 1}]} -> /files/1/optional
            {'type': 'json', 'files': [{'file': 'a.json', 'expected': {'a': 1}}, {'file': 'a.json', 'expected': {}}]} -> /files
            {'type': 'json', 'files': [{'file': 'a.json', 'expected': {'a': 1}}, {'file': 'b.json', 'expected': {}}], 'expected': {}} -> /expected
            {'type': 'json', 'files': [{'file': 'a.json', 'expected': {'a': 1}}, {'file': 'b.json', 'expected': {}}], 'fields': ['/a']} -> /fields
            {'type': 'json', 'files': []} -> /files
            {'type': 'json', 'files': [{'file': 'a.json', 'expected': {}}], 'expected': {}} -> /expected
            """;

    private static final String OUT =
            "{\"invoice_id\": \"INV-7\", \"line_1\": \"1,250.50\", \"line_2\": 98, \"line_total\": \"$1,350.00\","
                    + " \"items\": [{\"sku\": \"A\", \"amount\": \"$10.00\"}, {\"sku\": \"B\", \"amount\": \"20\"}],"
                    + " \"tags\": [\"Urgent\", \"paid\", \"urgent\"], \"notes\": \"n/a\", \"vendor\": {\"name\": \" ACME  Corp \"}}";
    private static final String EXPECTED =
            "{\"invoice_id\": \"INV-7\", \"line_1\": 1250.5, \"line_2\": 99.5, \"line_total\": 1350,"
                    + " \"items\": [{\"sku\": \"A\", \"amount\": 10}, {\"sku\": \"B\", \"amount\": 20}],"
                    + " \"tags\": [\"paid\", \"urgent\"], \"notes\": \"\", \"memo\": null, \"extra_list\": [], \"vendor\": {\"name\": \"Acme corp\"}}";
    private static final String GROUPS = "'groups': [{'fields': '/line_*', 'compare': 'numeric', 'weight': 2},"
            + " {'fields': '/items/*/amount', 'compare': 'numeric'}, {'fields': '/tags', 'arrays': 'set', 'compare': 'text'},"
            + " {'fields': ['/vendor/name'], 'compare': 'text'}]";

    @BeforeEach
    void files() {
        ctx.out("out.json", OUT).ref("expected.json", EXPECTED);
    }

    private Verdict json(String options) throws Exception {
        return ctx.verify("{'type': 'json', 'file': 'out.json', 'expectedFile': 'expected.json'"
                + (options.isEmpty() ? "" : ", " + options) + "}");
    }

    @Test
    void informativeOnlyLeavesEmptyDefaultsUncounted() throws Exception {
        Verdict all = json("");
        assertEquals(14, all.checks().size());
        assertScore(7.0 / 14, all);
        Verdict informative = json("'informativeOnly': true");
        assertEquals(11, informative.checks().size());
        assertScore(7.0 / 11, informative);
        assertFalse(informative.checks().stream()
                .anyMatch(c -> c.name().equals("/notes") || c.name().equals("/memo")));
        ctx.ref("empty.json", "{\"a\": \"\", \"b\": [], \"c\": {}, \"d\": null}");
        assertScore(
                1,
                ctx.verify(
                        "{'type': 'json', 'file': 'out.json', 'expectedFile': 'empty.json', 'informativeOnly': true}"));
        assertScore(0, ctx.verify("{'type': 'json', 'file': 'out.json', 'expectedFile': 'empty.json'}"));
        ctx.ref("nested.json", "{\"vendor\": {\"name\": \" ACME  Corp \", \"id\": \"\"}}");
        assertScore(
                1,
                ctx.verify(
                        "{'type': 'json', 'file': 'out.json', 'expectedFile': 'nested.json', 'fields': ['/vendor'], 'informativeOnly': true}"));
        assertScore(
                0,
                ctx.verify(
                        "{'type': 'json', 'file': 'out.json', 'expectedFile': 'nested.json', 'fields': ['/vendor']}"));
    }

    @Test
    void groupsCompareAndWeighTheirFields() throws Exception {
        Verdict v = json("'informativeOnly': true, " + GROUPS);
        assertScore(11.0 / 13, v);
        assertEquals(2, check(v, "/line_2").weight());
        assertEquals("99.5 as a number", check(v, "/line_2").expected());
        assertTrue(check(v, "/tags").passed());
        assertEquals("[\"paid\",\"urgent\"] as a set", check(v, "/tags").expected());
        assertTrue(check(v, "/vendor/name").passed());
        assertTrue(v.summary().endsWith("(weighted 11.0 of 13.0)"), v.summary());
        assertScore(9.0 / 10, json("'informativeOnly': true, " + GROUPS.replace(", 'weight': 2", "")));
        assertScore(8.0 / 8.5, json("'informativeOnly': true, " + GROUPS.replace("'weight': 2", "'totalWeight': 1.5")));
    }

    @Test
    void numericTextAndExactComparisonsDiffer() throws Exception {
        ctx.out(
                "n.json",
                "{\"a\": \"1,250.5\", \"b\": 12.5, \"c\": \"  Hello   World \", \"d\": \"N/A \", \"e\": true}");
        String base =
                "{'type': 'json', 'file': 'n.json', 'expected': {'a': '1250.50', 'b': '12.5%', 'c': 'hello world', 'd': 'N/A', 'e': 'TRUE'}";
        Verdict exact = ctx.verify(base + "}");
        assertEquals(
                List.of(false, true, false, false, false),
                exact.checks().stream().map(c -> c.passed()).toList());
        Verdict numeric =
                ctx.verify(base + ", 'groups': [{'fields': '/*', 'compare': 'numeric', 'tolerance': {'abs': 0.001}}]}");
        assertEquals(
                List.of(true, true, false, true, false),
                numeric.checks().stream().map(c -> c.passed()).toList(),
                "an expected value that is no number compares as trimmed text");
        assertEquals("\"1250.50\" as a number ±0.001", numeric.checks().get(0).expected());
        Verdict text = ctx.verify(base + ", 'groups': [{'fields': '/*', 'compare': 'text'}]}");
        assertEquals(
                List.of(false, false, true, true, true),
                text.checks().stream().map(c -> c.passed()).toList());
    }

    @Test
    void arraysCompareOrderedAsMultisetsOrAsSets() throws Exception {
        ctx.out("t.json", "{\"tags\": [\"b\", \"a\", \"b\"]}");
        String base = "{'type': 'json', 'file': 't.json', 'expected': {'tags': ['a', 'b']}";
        assertScore(0, ctx.verify(base + "}"));
        assertScore(0, ctx.verify(base + ", 'groups': [{'fields': '/tags', 'arrays': 'multiset'}]}"));
        assertScore(1, ctx.verify(base + ", 'groups': [{'fields': '/tags', 'arrays': 'set'}]}"));
        ctx.out("t.json", "{\"tags\": [\"b\", \"c\"]}");
        Verdict set = ctx.verify(base + ", 'groups': [{'fields': '/tags', 'arrays': 'set'}]}");
        assertScore(0, set);
        assertEquals(
                "1 of 2 expected elements found, 1 of 2 output elements not expected",
                set.checks().get(0).actual());
        ctx.out("t.json", "{\"rows\": [{\"id\": 2, \"v\": \"$1.00\"}, {\"id\": 1, \"v\": \"2\"}]}");
        assertScore(
                1,
                ctx.verify(
                        "{'type': 'json', 'file': 't.json', 'expected': {'rows': [{'id': 1, 'v': 2}, {'id': 2, 'v': 1}]},"
                                + " 'groups': [{'fields': '/rows', 'arrays': 'set'}, {'fields': '/rows/*/v', 'compare': 'numeric'}]}"));
    }

    @Test
    void missingRequiredFieldsFailAGate() throws Exception {
        ctx.out("r.json", "{\"invoice_id\": \"INV-7\", \"line_1\": 1250.5}");
        String base = "{'type': 'json', 'file': 'r.json', 'expectedFile': 'expected.json', 'informativeOnly': true";
        assertScore(2.0 / 11, ctx.verify(base + "}"));
        Verdict v = ctx.verify(base + ", 'required': ['/invoice_id', '/line_*']}");
        assertGate("r.json", "missing required fields /line_2, /line_total", v);
        assertEquals(12, v.checks().size(), "the gate, then every field's check");
        assertScore(2.0 / 11, ctx.verify(base + ", 'required': ['/invoice_id', '/line_1']}"));
        assertGate("r.json", "missing required field /signature", ctx.verify(base + ", 'required': '/signature'}"));
        assertGate(
                "r.json",
                "missing required fields /line_2, /line_total, /items/0/sku, /items/0/amount, /items/1/sku (+4 more)",
                ctx.verify(base + ", 'required': true}"));
        assertGate(
                "missing.json",
                "missing",
                ctx.verify("{'type': 'json', 'file': 'missing.json', 'expectedFile': 'expected.json'}"));
    }

    @Test
    void wrongTypesAndShapesFailAGateWhenAsked() throws Exception {
        ctx.out("w.json", "{\"invoice_id\": 7, \"items\": {\"0\": {\"amount\": 10}}, \"line_1\": \"1250.5\"}");
        String base = "{'type': 'json', 'file': 'w.json', 'expectedFile': 'expected.json', 'informativeOnly': true";
        // a JSON Pointer's '0' names member "0" of an object too, so /items/0/amount matches
        assertScore(2.0 / 11, ctx.verify(base + "}"));
        assertGate(
                "w.json",
                "wrong type at /invoice_id: expected a string, got a number",
                ctx.verify(base + ", 'types': 'gate'}"));
        ctx.out("w.json", "{\"invoice_id\": \"INV-7\", \"items\": {\"0\": {\"amount\": 10}}, \"line_1\": \"1250.5\"}");
        assertGate(
                "w.json",
                "wrong type at /line_1: expected a number, got a string",
                ctx.verify(base + ", 'types': 'gate'}"));
        assertGate(
                "w.json",
                "wrong type at /items: expected an array, got an object",
                ctx.verify(base + ", 'types': 'gate', 'groups': [{'fields': '/line_*', 'compare': 'numeric'}]}"));
        ctx.out(
                "w.json",
                OUT.replace("\"items\": [", "\"items\": [7, ").replace("{\"sku\": \"B\", \"amount\": \"20\"}", "{}"));
        assertGate(
                "w.json",
                "wrong type at /items/0: expected an object, got a number",
                ctx.verify(
                        base
                                + ", 'types': 'gate', 'groups': [{'fields': ['/line_*', '/items/*/amount'], 'compare': 'numeric'}]}"));
        assertScore(
                8.0 / 11,
                ctx.verify(base.replace("w.json", "out.json")
                        + ", 'types': 'gate', 'groups': [{'fields': ['/line_*', '/items/*/amount'],"
                        + " 'compare': 'numeric'}, {'fields': ['/tags', '/vendor/name'], 'compare': 'text'}]}"));
    }

    /** An output with fields beyond {'a': 1, 'b': {'c': 2}}, the extraFields option and the score or failed gate. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    {"a": 1, "b": {"c": 2, "d": 3}}         |                | 1
                    {"a": 1, "b": {"c": 2, "d": 3}}         | fail-top-level | 1
                    {"a": 1, "b": {"c": 2, "d": 3}}         | fail           | extra: /b/d
                    {"a": 1, "b": {"c": 2}, "e": 5, "f": 6} | fail-top-level | extra: /e, /f
                    """)
    void extraFieldsFailAnywhereOrAtTheTopLevel(String output, String extraFields, String result) throws Exception {
        ctx.out("x.json", output);
        Verdict v = ctx.verify("{'type': 'json', 'file': 'x.json', 'expected': {'a': 1, 'b': {'c': 2}}"
                + (extraFields == null ? "" : ", 'extraFields': '" + extraFields + "'") + "}");
        if (result.startsWith("extra")) {
            assertGate("x.json", result, v);
        } else {
            assertScore(Double.parseDouble(result), v);
        }
    }

    @Test
    void scoresSeveralFilesOverTheUnionOfTheirFields() throws Exception {
        ctx.out("a.json", "{\"x\": 1, \"y\": 2}")
                .out("b.json", "{\"p\": \"q\", \"r\": [1, 2]}")
                .ref("b.json", "{\"p\": \"q\", \"r\": [1, 2], \"s\": true}");
        String files =
                "{'type': 'json', 'files': [{'file': 'a.json', 'expected': {'x': 1, 'y': 3}}, {'file': 'b.json', 'expectedFile': 'b.json'%s}]%s}";
        Verdict v = ctx.verify(String.format(files, "", ""));
        assertScore(4.0 / 6, v);
        assertEquals(
                List.of("a.json /x", "a.json /y", "b.json /p", "b.json /r/0", "b.json /r/1", "b.json /s"),
                v.checks().stream().map(c -> c.name()).toList());
        assertEquals("4 of 6 fields match in 2 files", v.summary());
        assertScore(2.0 / 3, ctx.verify(String.format(files, ", 'fields': ['/r']", "")));
        assertGate("b.json", "missing required field /s", ctx.verify(String.format(files, ", 'required': true", "")));
        assertScore(4.0 / 6, ctx.verify(String.format(files, ", 'required': ['/p']", "")));
        ctx.out("b.json", "{\"p\": \"q\", \"r\": [1, 2], \"s\": true}");
        Files.delete(ctx.output().resolve("b.json"));
        assertGate("b.json", "missing", ctx.verify(String.format(files, "", "")));
        assertScore(1.0 / 6, ctx.verify(String.format(files, ", 'optional': true, 'required': true", "")));
        assertScore(
                1.0 / 6,
                ctx.verify(String.format(files, ", 'optional': true", ", 'extraFields': 'fail', 'types': 'gate'")));
    }

    @Test
    void hostileOutputsGetVerdicts() throws Exception {
        byte[] binary = new byte[2048];
        new Random(5).nextBytes(binary);
        ctx.out("out.json", binary);
        assertGate("out.json", "malformed JSON", json(""));
        StringBuilder big = new StringBuilder("{\"tags\": [");
        for (int i = 0; i < 5000; i++) {
            big.append(i > 0 ? "," : "").append(i);
        }
        ctx.out("big.json", big.append("]}").toString());
        Verdict huge = ctx.verify(
                "{'type': 'json', 'file': 'big.json', 'expectedFile': 'big.json', 'groups': [{'fields': '/tags', 'arrays': 'set'}]}"
                        .replace(
                                "'expectedFile': 'big.json'",
                                "'expected': {'tags': " + big.substring(9, big.length() - 1) + "}"));
        assertScore(0, huge);
        assertEquals(
                "too many elements to pair (5000 expected, 5000 in output)",
                huge.checks().get(0).actual());
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadGradingConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
