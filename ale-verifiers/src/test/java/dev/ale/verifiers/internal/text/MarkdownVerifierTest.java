package dev.ale.verifiers.internal.text;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownVerifierTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'markdown', 'file': 'report.md'} -> ``
            {'type': 'markdown', 'file': 'report.md', 'headings': []} -> /headings
            {'type': 'markdown', 'file': 'report.md', 'headings': [{'text': 'a', 'level': 7}]} -> /headings/0/level
            {'type': 'markdown', 'file': 'report.md', 'headings': [{'text': 'a', 'regex': 'b'}]} -> /headings/0/regex
            {'type': 'markdown', 'file': 'report.md', 'headings': [{'level': 2}]} -> /headings/0
            {'type': 'markdown', 'file': 'report.md', 'headings': [{'regex': '('}]} -> /headings/0/regex
            {'type': 'markdown', 'file': 'report.md', 'headings': [{'text': 'a', 'lvl': 2}]} -> /headings/0/lvl
            {'type': 'markdown', 'file': 'report.md', 'headings': [3]} -> /headings/0
            {'type': 'markdown', 'file': 'report.md', 'inOrder': true, 'contains': 'x'} -> /inOrder
            {'type': 'markdown', 'file': 'report.md', 'sections': [{'heading': 'a'}]} -> /sections/0
            {'type': 'markdown', 'file': 'report.md', 'sections': [{'contains': 'a'}]} -> /sections/0/heading
            {'type': 'markdown', 'file': 'report.md', 'sections': [{'heading': {'text': 'a', 'weight': 2}, 'contains': 'b'}]} -> /sections/0/heading/weight
            {'type': 'markdown', 'file': 'report.md', 'sections': [{'heading': 'a', 'contains': 'b', 'body': 'c'}]} -> /sections/0/body
            {'type': 'markdown', 'file': 'report.md', 'sections': [{'heading': 'a', 'regex': {'pattern': 'x', 'min': 'y'}}]} -> /sections/0/regex/min
            {'type': 'markdown', 'file': '../report.md', 'headings': ['a']} -> /file
            """;

    private static final String REPORT = String.join(
            "\n",
            "# Quarterly Report",
            "## **Summary**",
            "Revenue grew 12% in Q3.",
            "## Findings",
            "Revenue rose. Costs fell.",
            "### Detail",
            "TODO: add the chart",
            "## Appendix",
            "Sources listed here.",
            "");

    private Verdict md(String options) throws Exception {
        return verifyFile("markdown", "report.md", REPORT, options);
    }

    @Test
    void requiredHeadingsByTextAndLevel() throws Exception {
        Verdict v = md("'headings': ['Summary', {'text': 'Findings', 'level': 2}, {'text': 'Detail', 'level': 2},"
                + " {'regex': '^App', 'level': 2}, 'Conclusion']");
        assertScore(3.0 / 5, v);
        assertEquals("line 2", check(v, "heading 'Summary'").actual());
        assertTrue(check(v, "heading ## 'Findings'").passed());
        assertFalse(check(v, "heading ## 'Detail'").passed());
        assertTrue(check(v, "heading ## /^App/").passed());
        assertEquals("missing", check(v, "heading 'Conclusion'").actual());
        assertScore(0, md("'headings': ['summary']"));
        assertScore(1, md("'headings': ['summary'], 'ignoreCase': true"));
    }

    @Test
    void inOrderCountsTheLongestRunInTheListedOrder() throws Exception {
        // document order: Quarterly Report, Summary, Findings, Detail, Appendix
        assertScore(1, md("'inOrder': true, 'headings': ['Summary', 'Findings', 'Appendix']"));
        Verdict v = md("'inOrder': true, 'headings': ['Appendix', 'Summary', 'Findings']");
        assertScore(2.0 / 3, v);
        assertEquals("line 8, out of order", check(v, "heading 'Appendix'").actual());
        assertTrue(check(v, "heading 'Summary'").passed());
        assertScore(1, md("'inOrder': false, 'headings': ['Appendix', 'Summary', 'Findings']"));
        // a greedy scan would take Appendix first and find nothing after it; the longest run is Summary, Detail
        assertScore(2.0 / 3, md("'inOrder': true, 'headings': ['Appendix', 'Summary', 'Detail']"));
        assertScore(1.0 / 4, md("'inOrder': true, 'headings': ['Appendix', 'Detail', 'Findings', 'Summary']"));
    }

    @Test
    void sectionBodiesCarryTheirOwnConditions() throws Exception {
        Verdict v = md("'sections': [{'heading': {'text': 'Findings', 'level': 2}, 'contains': ['Costs fell', 'chart'],"
                + " 'notContains': 'TODO', 'words': {'max': 5}},"
                + " {'heading': 'Summary', 'regex': {'pattern': '\\\\d+%', 'exactly': 1}},"
                + " {'heading': 'Risks', 'contains': 'risk', 'notContains': 'x'}]");
        // Findings (with its sub-section Detail): Costs fell yes, chart yes, TODO found, 9 words > 5; Summary 1 match;
        // Risks missing: both fail
        assertScore(3.0 / 7, v);
        assertEquals(
                "found 1 time",
                check(v, "section ## 'Findings': notContains 'TODO'").actual());
        assertEquals("9 words", check(v, "section ## 'Findings': words").actual());
        assertEquals(
                "section missing", check(v, "section 'Risks': notContains 'x'").actual());
        assertTrue(
                check(v, "section 'Summary': regex /\\d+%/ exactly 1 matches").passed());
    }

    @Test
    void wholeDocumentConditionsAndWeightsAddUp() throws Exception {
        // earned: Summary 2 + Sources 3 + words 1 = 6, of 2 + 2 + 3 + 1 + 1 = 9 (Risks missing, TODO present)
        assertScore(
                6.0 / 9,
                md("'headings': [{'text': 'Summary', 'weight': 2}, {'text': 'Risks', 'weight': 2}],"
                        + " 'sections': [{'heading': 'Appendix', 'contains': {'text': 'Sources', 'weight': 3}}],"
                        + " 'notContains': 'TODO', 'words': {'min': 10}"));
    }

    @Test
    void theDocumentedExampleScoresAsDocumented() throws Exception {
        ctx.out("doc.md", "## Summary\nok\n## Findings\nrevenue " + "word ".repeat(38) + "\n");
        Verdict v = ctx.verify("{'type': 'markdown', 'file': 'doc.md', 'inOrder': true,"
                + " 'headings': [{'text': 'Summary', 'level': 2}, 'Findings', {'regex': '^Appendix', 'weight': 0.5}],"
                + " 'sections': [{'heading': 'Findings', 'contains': 'revenue', 'notContains': 'TODO', 'words': {'min': 50}}],"
                + " 'notContains': 'lorem ipsum'}");
        assertScore(5 / 6.5, v);
        assertEquals("39 words", check(v, "section 'Findings': words").actual());
    }

    @Test
    void hostileFilesAreGatesNotCrashes() throws Exception {
        assertGate("gone.md", "missing", ctx.verify("{'type': 'markdown', 'file': 'gone.md', 'headings': ['x']}"));
        ctx.out("bin.md", new byte[] {'#', ' ', (byte) 0xFF, 0});
        assertGate(
                "bin.md", "not valid UTF-8", ctx.verify("{'type': 'markdown', 'file': 'bin.md', 'headings': ['x']}"));
        StringBuilder many = new StringBuilder();
        StringBuilder specs = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            specs.append(i == 0 ? "" : ", ").append("'H").append(i).append("'");
        }
        for (int i = 0; i < 20_000; i++) {
            many.append("# H").append(i % 100).append('\n');
        }
        ctx.out("many.md", many.toString());
        assertGate(
                "many.md",
                "headings match the required ones",
                ctx.verify("{'type': 'markdown', 'file': 'many.md', 'inOrder': true, 'headings': [" + specs + "]}"));
        assertScore(1, ctx.verify("{'type': 'markdown', 'file': 'many.md', 'headings': [" + specs + "]}"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
