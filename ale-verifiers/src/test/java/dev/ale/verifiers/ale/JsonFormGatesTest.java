package dev.ale.verifiers.ale;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The json options a form grader needs: type gates that follow the reference (equalGate,
 * gate-strict), allowed and scoped extra members, informative fields as ALE counts them,
 * emptyScore, and a strict binary tolerance.
 */
class JsonFormGatesTest extends ContextTest {
    private static final String FORM = "{\"fields\": {"
            + "\"name\": {\"type\": \"text\", \"value\": \"Ada Park\"},"
            + "\"line_1\": {\"type\": \"text\", \"value\": \"1,000.10\"},"
            + "\"line_2\": {\"type\": \"text\", \"value\": \"2,089.54\"},"
            + "\"opts\": {\"type\": \"checkbox\", \"value\": [\"a\", \"b\"]},"
            + "\"memo\": {\"type\": \"textarea\", \"value\": \"   \"},"
            + "\"spouse\": {\"type\": \"text\", \"value\": \"\"}}}";
    private static final String CONFIG = "{'type': 'json', 'file': 'form.json', 'expectedFile': 'form.json',"
            + " 'fields': '/fields/*/value', 'informativeOnly': 'blank', 'emptyScore': 0, 'required': true,"
            + " 'types': 'gate-strict', 'equalGate': '/fields/*/type', 'allowedMembers': {'': ['fields', 'pagination']},"
            + " 'extraFields': {'fail': '/fields'}, 'groups': ["
            + "  {'fields': '/fields/line_*/value', 'compare': 'numeric', 'tolerance': {'abs': 0.01, 'strict': true, 'float': true},"
            + "   'numbers': {'thousands': 'anywhere', 'currency': 'none', 'percent': false, 'parentheses': false}},"
            + "  {'fields': '/fields/*/value', 'arrays': 'set'}]}";

    /** Edits of {@link #CONFIG} that make it refused, each with the JSON Pointer its error names. */
    private static final String EDITS =
            """
            'informativeOnly': 'blank' -> 'informativeOnly': 'spaces' -> /informativeOnly
            'emptyScore': 0 -> 'emptyScore': 0.5 -> /emptyScore
            'types': 'gate-strict' -> 'types': 'strict' -> /types
            'equalGate': '/fields/*/type' -> 'equalGate': 'fields' -> /equalGate
            ['fields', 'pagination'] -> 'fields' -> /allowedMembers/
            {'fail': '/fields'} -> {'fail': '/fields', 'ignore': '/x'} -> /extraFields/ignore
            'strict': true -> 'strict': 1 -> /groups/0/tolerance/strict
            'compare': 'numeric', 'tolerance' -> 'compare': 'text', 'tolerance' -> /groups/0/tolerance
            """;

    @BeforeEach
    void reference() {
        ctx.ref("form.json", FORM);
    }

    private Verdict score(String fields) throws Exception {
        return ctx.out("form.json", "{\"fields\": {" + fields + "}}").verify(CONFIG);
    }

    private static String entry(String name, String type, String value) {
        return "\"" + name + "\": {\"type\": \"" + type + "\", \"value\": " + value + "}";
    }

    private static String all(String line1, String line2, String opts) {
        return String.join(
                ",",
                entry("name", "text", "\"Ada Park\""),
                entry("line_1", "text", line1),
                entry("line_2", "text", line2),
                entry("opts", "checkbox", opts),
                entry("memo", "textarea", "\"\""),
                entry("spouse", "text", "\"\""));
    }

    @Test
    void onlyInformativeFieldsCountAndAmountsCompareAsPythonFloats() throws Exception {
        // counted: name, line_1, line_2, opts (memo "   " and spouse "" are blank) = 4
        // line_1 "1000.11": |1000.10 - 1000.11| in doubles = 0.009999999999990905 < 0.01 -> match
        // line_2 "2,089.55": 0.010000000000218279, not < 0.01 -> no match;  opts ["b", "a", "b"] = {a, b} -> match
        // score = 3 / 4
        assertScore(0.75, score(all("\"1000.11\"", "\"2,089.55\"", "[\"b\", \"a\", \"b\"]")));
        // commas anywhere are dropped (Python's replace(",", "")): "1,0,00.1" is 1000.1
        assertScore(1, score(all("\"1,0,00.1\"", "\"2089.54\"", "[\"a\", \"b\"]")));
    }

    @Test
    void blankEntriesMayBeLeftOutButInformativeOnesMayNot() throws Exception {
        String noBlanks = String.join(
                ",",
                entry("name", "text", "\"Ada Park\""),
                entry("line_1", "text", "\"1000.10\""),
                entry("line_2", "text", "\"2089.54\""),
                entry("opts", "checkbox", "[\"a\", \"b\"]"));
        assertScore(1, score(noBlanks));
        assertGate(
                "form.json",
                "missing required field /fields/opts/value",
                score(noBlanks.replaceAll(",\"opts\".*", "")));
    }

    @Test
    void typesFollowTheReferenceOnEveryPresentEntry() throws Exception {
        // a number where the reference holds the string "1,000.10", though amounts compare numerically
        assertGate(
                "form.json",
                "wrong type at /fields/line_1/value",
                score(all("1000.1", "\"2089.54\"", "[\"a\",\"b\"]")));
        // an uncounted entry must keep its shape: memo's value must be a string
        assertGate(
                "form.json",
                "wrong type at /fields/memo/value",
                score(all("\"1000.1\"", "\"2089.54\"", "[\"a\",\"b\"]")
                        .replace(
                                "\"memo\": {\"type\": \"textarea\", \"value\": \"\"}",
                                "\"memo\": {\"type\": \"textarea\", \"value\": []}")));
        // and have a value at all
        assertGate(
                "form.json",
                "missing /fields/spouse/value",
                score(all("\"1000.1\"", "\"2089.54\"", "[\"a\",\"b\"]")
                        .replace(
                                "\"spouse\": {\"type\": \"text\", \"value\": \"\"}",
                                "\"spouse\": {\"type\": \"text\"}")));
        // equalGate: where the output has an entry, its type is the reference's (uncounted entries included)
        assertGate(
                "form.json",
                "at /fields/spouse/type: expected \"text\"",
                score(all("\"1000.1\"", "\"2089.54\"", "[\"a\",\"b\"]")
                        .replace("\"spouse\": {\"type\": \"text\"", "\"spouse\": {\"type\": \"select\"")));
    }

    @Test
    void membersOutsideTheAllowedSetOrTheReferenceFailTheGate() throws Exception {
        String fine = all("\"1000.1\"", "\"2089.54\"", "[\"a\",\"b\"]");
        assertScore(
                1,
                ctx.out("form.json", "{\"fields\": {" + fine + "}, \"pagination\": {\"page\": 1}}")
                        .verify(CONFIG));
        assertGate(
                "form.json",
                "member 'notes' at (root) not allowed",
                ctx.out("form.json", "{\"fields\": {" + fine + "}, \"notes\": \"x\"}")
                        .verify(CONFIG));
        assertGate("form.json", "extra: /fields/line_9", score(fine + "," + entry("line_9", "text", "\"0\"")));
        // the extra-member gate is scoped to /fields: a member inside an entry is not its business
        assertScore(1, score(fine.replace("\"Ada Park\"}", "\"Ada Park\", \"note\": \"checked\"}")));
    }

    @Test
    void emptyScoreAndBlankText() throws Exception {
        ctx.ref("blank.json", "{\"fields\": {\"memo\": {\"type\": \"text\", \"value\": \"  \"}}}")
                .out("blank.json", "{\"fields\": {\"memo\": {\"type\": \"text\", \"value\": \"x\"}}}");
        String config =
                "{'type': 'json', 'file': 'blank.json', 'expectedFile': 'blank.json', 'fields': '/fields/*/value'";
        // nothing is counted: emptyScore 0 gives 0 (ALE's "score = matched / total if total else 0.0"), the default 1
        assertScore(0, ctx.verify(config + ", 'informativeOnly': 'blank', 'emptyScore': 0}"));
        assertScore(1, ctx.verify(config + ", 'informativeOnly': 'blank'}"));
        // with informativeOnly true, "  " is informative (only "" is empty): 0 of 1 match
        assertScore(0, ctx.verify(config + ", 'informativeOnly': true, 'emptyScore': 0}"));
        assertEquals(
                1, ctx.verify(config + ", 'informativeOnly': true}").checks().size());
    }

    @Test
    void anAlternativeReferenceValueAlsoCounts() throws Exception {
        String config = CONFIG.replace(
                "'expectedFile': 'form.json',", "'expectedFile': 'form.json', 'alternativeFile': 'form_alt.json',");
        String output = all("\"1000.1\"", "\"2,100.00\"", "[\"a\", \"b\"]");
        // without the alternative file (it is optional) line_2 2100 is not 2,089.54: 3 of 4
        assertScore(0.75, ctx.out("form.json", "{\"fields\": {" + output + "}}").verify(config));
        // with it, line_2 matches its alternative value "2,100.00": 4 of 4; a field it lacks keeps the reference's
        ctx.ref("form_alt.json", "{\"fields\": {\"line_2\": {\"type\": \"text\", \"value\": \"2,100.00\"}}}");
        assertScore(1, ctx.verify(config));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = EDITS)
    void configErrorsNameTheirPointer(String part, String replacement, String field) {
        refused(CONFIG.replace(part, replacement), field);
    }
}
