package dev.ale.verifiers.internal.text;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.assertStartsWith;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextVerifierTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'text', 'file': 'memo.txt'} -> ``
            {'type': 'text', 'contains': 'x'} -> /file
            {'type': 'text', 'file': '/memo.txt', 'contains': 'x'} -> /file
            {'type': 'text', 'file': 'memo.txt', 'regex': ['ok', '(unclosed']} -> /regex/1
            {'type': 'text', 'file': 'memo.txt', 'regex': '[z-a]'} -> /regex
            {'type': 'text', 'file': 'memo.txt', 'equals': 'a', 'equalsFile': 'b'} -> /equalsFile
            {'type': 'text', 'file': 'memo.txt', 'equals': 3} -> /equals
            {'type': 'text', 'file': 'memo.txt', 'contains': ['a', '']} -> /contains/1
            {'type': 'text', 'file': 'memo.txt', 'contains': 'a', 'ignorecase': true} -> /ignorecase
            {'type': 'text', 'file': 'memo.txt', 'contains': 'a', 'ignoreCase': 1} -> /ignoreCase
            {'type': 'text', 'file': 'memo.txt', 'equalsFile': '../expected.txt'} -> /equalsFile
            """;

    private static final String MEMO = "Memo\r\nThe  Q3 budget is APPROVED.\r\nTotal: 1,250 USD\r\n";

    @BeforeEach
    void files() {
        ctx.out("memo.txt", MEMO);
    }

    @Test
    void scoresSatisfiedOverConditions() throws Exception {
        Verdict v = ctx.verify("{'type': 'text', 'file': 'memo.txt', 'contains': ['Q3', 'approved', 'Memo'],"
                + " 'notContains': ['TODO', 'Total'], 'regex': ['Total: [0-9,]+ USD', '^Memo$']}");
        assertScore(4.0 / 7, v);
        assertEquals(7, v.checks().size());
        assertFalse(check(v, "contains 'approved'").passed());
        assertFalse(check(v, "notContains 'Total'").passed());
        assertFalse(check(v, "regex /^Memo$/").passed());
        assertTrue(check(v, "regex /Total: [0-9,]+ USD/").passed());
        assertEquals(
                "'Total: 1,250 USD'", check(v, "regex /Total: [0-9,]+ USD/").actual());
    }

    @Test
    void ignoreCaseAppliesToStringsAndPatterns() throws Exception {
        assertScore(
                1,
                ctx.verify("{'type': 'text', 'file': 'memo.txt', 'contains': 'approved', 'regex': 'q3 BUDGET',"
                        + " 'notContains': 'todo', 'ignoreCase': true}"));
        assertScore(
                0, ctx.verify("{'type': 'text', 'file': 'memo.txt', 'notContains': 'approved', 'ignoreCase': true}"));
    }

    @Test
    void normalizeWhitespaceCollapsesRunsAndLineBreaks() throws Exception {
        assertScore(0, ctx.verify("{'type': 'text', 'file': 'memo.txt', 'contains': 'The Q3'}"));
        assertScore(
                1,
                ctx.verify("{'type': 'text', 'file': 'memo.txt', 'contains': ['The Q3', 'APPROVED. Total'],"
                        + " 'normalizeWhitespace': true}"));
        assertScore(
                1,
                ctx.verify("{'type': 'text', 'file': 'memo.txt', 'normalizeWhitespace': true,"
                        + " 'equals': ' Memo The Q3   budget is APPROVED. Total: 1,250 USD'}"));
    }

    @Test
    void equalsReadsLineBreaksAsLfAndIgnoresTrailingWhiteSpace() throws Exception {
        assertScore(
                1,
                ctx.verify(
                        "{'type': 'text', 'file': 'memo.txt', 'equals': 'Memo\\nThe  Q3 budget is APPROVED.\\nTotal: 1,250 USD'}"));
        Verdict v = ctx.verify(
                "{'type': 'text', 'file': 'memo.txt', 'equals': 'Memo\\nThe Q3 budget', 'contains': 'Memo'}");
        assertScore(0.5, v);
        assertStartsWith("differs at line 2, column 5", check(v, "equals").actual());
    }

    @Test
    void equalsFileComesFromTheReference() throws Exception {
        ctx.ref("expected/memo.txt", MEMO.replace("\r\n", "\n"));
        assertScore(1, ctx.verify("{'type': 'text', 'file': 'memo.txt', 'equalsFile': 'expected/memo.txt'}"));
        ctx.ref("expected/memo.txt", "Memo\n");
        assertScore(0, ctx.verify("{'type': 'text', 'file': 'memo.txt', 'equalsFile': 'expected/memo.txt'}"));
        ctx.out("empty.txt", "");
        assertScore(1, ctx.verify("{'type': 'text', 'file': 'empty.txt', 'equals': ''}"));
    }

    @Test
    void aMissingOrUndecodableFileIsAGate() throws Exception {
        assertGate("gone.txt", "missing", ctx.verify("{'type': 'text', 'file': 'gone.txt', 'contains': 'x'}"));
        ctx.out("bin.txt", new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28});
        assertGate("bin.txt", "not valid UTF-8", ctx.verify("{'type': 'text', 'file': 'bin.txt', 'contains': 'ok'}"));
        ctx.out("bom.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'});
        assertScore(1, ctx.verify("{'type': 'text', 'file': 'bom.txt', 'equals': 'ok'}"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
