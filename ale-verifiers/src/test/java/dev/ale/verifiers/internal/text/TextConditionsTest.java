package dev.ale.verifiers.internal.text;

import static dev.ale.verifiers.Fixture.assertContainsAll;
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

/** Counts, word limits and weights of the text conditions (text verifier). */
class TextConditionsTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'text', 'file': 'r.txt', 'regex': {'pattern': 'x', 'exactly': 2, 'min': 1}} -> /regex/exactly
            {'type': 'text', 'file': 'r.txt', 'regex': [{'pattern': 'x', 'min': 3, 'max': 2}]} -> /regex/0/max
            {'type': 'text', 'file': 'r.txt', 'regex': [{'pattern': '(x', 'min': 1}]} -> /regex/0/pattern
            {'type': 'text', 'file': 'r.txt', 'regex': [{'min': 1}]} -> /regex/0/pattern
            {'type': 'text', 'file': 'r.txt', 'regex': [{'pattern': 'x', 'count': 1}]} -> /regex/0/count
            {'type': 'text', 'file': 'r.txt', 'contains': [{'text': 'x', 'min': -1}]} -> /contains/0/min
            {'type': 'text', 'file': 'r.txt', 'contains': [{'text': 'x', 'weight': 0}]} -> /contains/0/weight
            {'type': 'text', 'file': 'r.txt', 'notContains': [{'text': 'x', 'max': 1}]} -> /notContains/0/max
            {'type': 'text', 'file': 'r.txt', 'contains': []} -> /contains
            {'type': 'text', 'file': 'r.txt', 'contains': [3]} -> /contains/0
            {'type': 'text', 'file': 'r.txt', 'words': {'weight': 2}} -> /words
            {'type': 'text', 'file': 'r.txt', 'words': {'min': 1, 'most': 2}} -> /words/most
            {'type': 'text', 'file': 'r.txt', 'words': 100} -> /words
            """;

    private static final String REPORT =
            "Risk: high. Risk: low. Risk: medium.\nTODO check totals\nThe state-of-the-art model don't fail.";

    /** Conditions with counts and word limits on {@link #REPORT}, each with its score. */
    private static final String COUNTS =
            """
            # regex counts: at least, exactly, at most (REPORT holds 3 matches of Risk: \\w+)
            1 -> 'regex': {'pattern': 'Risk: \\\\w+', 'min': 3}
            0 -> 'regex': {'pattern': 'Risk: \\\\w+', 'min': 4}
            1 -> 'regex': {'pattern': 'Risk: \\\\w+', 'exactly': 3}
            0 -> 'regex': {'pattern': 'Risk: \\\\w+', 'exactly': 2}
            1 -> 'regex': {'pattern': 'Risk', 'max': 3}
            0 -> 'regex': {'pattern': 'Risk', 'max': 2}
            1 -> 'regex': {'pattern': 'Risk', 'min': 2, 'max': 3}
            # word limits (REPORT holds 14 words)
            1 -> 'words': {'min': 14, 'max': 14}
            0 -> 'words': {'min': 15}
            0 -> 'words': {'max': 13}
            1 -> 'words': {'exactly': 14}
            """;

    private Verdict text(String options) throws Exception {
        return verifyFile("text", "r.txt", REPORT, options);
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = COUNTS)
    void countsAndWordLimitsScoreAllOrNothing(double score, String options) throws Exception {
        assertScore(score, text(options));
    }

    @Test
    void regexCountsAtLeastExactlyAndAtMost() throws Exception {
        Verdict v =
                text("'regex': [{'pattern': 'Risk: \\\\w+', 'min': 4}, {'pattern': 'TODO|TBD', 'max': 0}, 'model']");
        assertScore(1.0 / 3, v);
        assertEquals(
                "3 matches", check(v, "regex /Risk: \\w+/ at least 4 matches").actual());
        assertEquals("1 match", check(v, "regex /TODO|TBD/ exactly 0 matches").actual());
        assertTrue(check(v, "regex /model/").passed());
    }

    @Test
    void containsCountsOccurrencesAndNotContainsForbids() throws Exception {
        Verdict v = text("'contains': [{'text': 'Risk:', 'min': 3}, {'text': 'risk', 'exactly': 0}, 'absent phrase'],"
                + " 'notContains': ['TODO', {'text': 'FIXME'}]");
        assertScore(3.0 / 5, v);
        assertEquals(
                "found 3 times", check(v, "contains 'Risk:' at least 3 times").actual());
        assertEquals("found 1 time", check(v, "notContains 'TODO'").actual());
        assertTrue(check(v, "notContains 'FIXME'").passed());
        assertFalse(check(v, "contains 'absent phrase'").passed());
        assertScore(0, text("'contains': {'text': 'risk', 'min': 1}"));
        assertScore(1, text("'contains': {'text': 'risk', 'min': 3}, 'ignoreCase': true"));
    }

    @Test
    void wordLimitsCountJoinedWordsOnce() throws Exception {
        // Risk high Risk low Risk medium (6) TODO check totals (3) The state-of-the-art model don't fail (5) = 14
        assertEquals(14, Words.count(REPORT));
        assertEquals("14 words", check(text("'words': {'max': 13}"), "words").actual());
    }

    @Test
    void weightsMakeTheScoreAWeightedShare() throws Exception {
        Verdict v = text("'contains': [{'text': 'Risk', 'weight': 3}, {'text': 'missing', 'weight': 1}],"
                + " 'regex': {'pattern': 'TODO', 'max': 0, 'weight': 2}, 'words': {'min': 1, 'weight': 0.5}");
        assertScore((3 + 0.5) / (3 + 1 + 2 + 0.5), v);
        assertEquals(3, check(v, "contains 'Risk'").weight());
        assertContainsAll(v.summary(), "2 of 4", "weighted score 0.538");
        ctx.out("e.txt", "x");
        assertScore(0.5, ctx.verify("{'type': 'text', 'file': 'e.txt', 'equals': 'x', 'contains': {'text': 'y'}}"));
    }

    @Test
    void wordsCountsLettersDigitsAndJoiners() {
        assertEquals(0, Words.count("## -- * | ---"));
        assertEquals(3, Words.count("1,250.50 USD, e.g."));
        assertEquals(4, Words.count("naïve café — über 42"));
        assertEquals(2, Words.count("end-  start"));
        assertEquals(1, Words.count("日本語"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadCountsWeightsAndWordLimits(String config, String field) {
        refused(config, field);
    }
}
