package dev.ale.verifiers.ale;

import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** json records keyed by a member: key normalisation, alternative shapes, aliases, number profiles. */
class JsonRecordsTest extends ContextTest {
    private static final String EXPECTED = "{\"cases\": ["
            + "{\"case_id\": \"case_1\", \"fee\": 1200.00, \"costs\": 300.00, \"total\": 1500.00},"
            + "{\"case_id\": \"case_2\", \"fee\": 980.50, \"costs\": 120.00, \"total\": 1100.50},"
            + "{\"case_id\": \"case_3\", \"fee\": 5000, \"costs\": 0, \"total\": 5000}]}";
    private static final String NUMBERS = "'numbers': {'units': ['RMB', 'rmb', '元'], 'thousands': 'anywhere',"
            + " 'currency': 'none', 'percent': false, 'parentheses': false}, 'tolerance': {'abs': 0.01}";
    private static final String CONFIG = "{'type': 'json', 'file': 'fees.json', 'expectedFile': 'fees.json',"
            + " 'records': {'path': '/cases', 'key': ['case_id', 'case', 'id'],"
            + "   'keyNormalize': {'ignoreCase': true, 'separators': true, 'prefix': 'case', 'number': true},"
            + "   'shapes': ['array', 'object'], 'fallback': 'position'},"
            + " 'aliases': {'fee': ['institution_fee', 'inst_fee'], 'total': ['total_fee']},"
            + " 'fields': ['/cases/*/fee', '/cases/*/costs', '/cases/*/total'],"
            + " 'groups': [{'fields': '/cases/*/fee', 'compare': 'numeric', 'weight': 7, " + NUMBERS + "},"
            + "  {'fields': '/cases/*/costs', 'compare': 'numeric', 'weight': 7, " + NUMBERS + "},"
            + "  {'fields': '/cases/*/total', 'compare': 'numeric', 'weight': 6, " + NUMBERS + "}]}";

    /** Edits of {@link #CONFIG} that make it refused, each with the JSON Pointer its error names. */
    private static final String EDITS =
            """
            'path': '/cases' -> 'path': '/cases/*' -> /records/path
            `'path': '/cases', ` -> `` -> /records/path
            'shapes': ['array', 'object'] -> 'shapes': ['csv'] -> /records/shapes
            'fallback': 'position' -> 'fallback': 'index' -> /records/fallback
            'prefix': 'case' -> 'prefix': 3 -> /records/keyNormalize/prefix
            'inst_fee'] -> 'fee'] -> /aliases/fee
            'thousands': 'anywhere' -> 'thousands': 'always' -> /groups/0/numbers/thousands
            'currency': 'none' -> 'currency': ['USD'] -> /groups/0/numbers/currency/0
            """;

    @BeforeEach
    void reference() {
        ctx.ref("fees.json", EXPECTED);
    }

    private Verdict score(String output) throws Exception {
        return ctx.out("fees.json", output).verify(CONFIG);
    }

    @Test
    void recordsMatchByNormalisedKeyAndAMissingRecordCountsAllItsFieldsMissing() throws Exception {
        // case_2 ("Case 2"): fee by its alias inst_fee, "980.50 RMB" reads 980.50; costs "1,20.00" reads 120.00
        //   (commas removed anywhere); total 1100.5 -> 7 + 7 + 6 = 20
        // case_1 (the number 1 under "id"): fee "1,200" and costs 300 match, total 1500.02 is 0.02 off -> 7 + 7 = 14
        // case_3 is missing: 0 of 20.    Score = (20 + 14 + 0) / 60 = 0.5666...
        Verdict v = score("{\"cases\": ["
                + "{\"case\": \"Case 2\", \"inst_fee\": \"980.50 RMB\", \"costs\": \"1,20.00\", \"total\": 1100.5},"
                + "{\"id\": 1, \"fee\": \"1,200\", \"costs\": 300, \"total\": \"1500.02\"}]}");
        assertScore(34.0 / 60, v);
        assertEquals(7, check(v, "/cases/case_2/fee").weight());
        assertEquals(0, check(v, "/cases/case_1/total").score());
        assertTrue(!check(v, "/cases/case_3/fee").passed());
    }

    @Test
    void keysNormaliseAsTheGraderDoes() throws Exception {
        // "CASE-3", "case_03", "case3" and 3 all mean case_3; the last record with a key counts
        assertScore(20.0 / 60, score("[{\"case_id\": \"CASE-3\", \"fee\": 5000, \"costs\": 0, \"total\": 5000}]"));
        assertScore(
                20.0 / 60,
                score(
                        "[{\"case_id\": \"case_03\", \"fee\": 1, \"costs\": 1, \"total\": 5000},"
                                + " {\"case_id\": \" case3 \", \"fee\": \"5,000.00元\", \"costs\": \"0\", \"total\": \"5000\"}]"));
        // a hostile key of a million leading zeros still reads as case_3 (in linear time, no BigInteger)
        assertScore(
                20.0 / 60,
                score("[{\"case_id\": \"case_" + "0".repeat(1_000_000) + "3\", \"fee\": 5000, \"costs\": 0,"
                        + " \"total\": 5000}]"));
        // a key that does not normalise ("third") falls back to the record's position: the 3rd here
        assertScore(
                20.0 / 60,
                score("[1, {\"case_id\": \"zzz\"}, {\"case_id\": \"third\", \"fee\": 5000, \"costs\": 0,"
                        + " \"total\": 5000}]"));
    }

    @Test
    void theRecordsMayComeAsABareListOrAnObjectKeyedById() throws Exception {
        String one = "{\"fee\": 1200, \"costs\": 300, \"total\": 1500}";
        assertScore(20.0 / 60, score("[{\"id\": \"case-1\", \"fee\": 1200, \"costs\": 300, \"total\": 1500}]"));
        assertScore(20.0 / 60, score("{\"Case 1\": " + one + "}"));
        // in the object shape a record's own first key member wins over its member name: this is case_2,
        // whose fee is wrong (1200 is not 980.50) and whose costs and total do not match either
        assertScore(
                0, score("{\"case_1\": {\"case_id\": \"case_2\", \"fee\": 1200, \"costs\": 300, \"total\": 1500}}"));
    }

    @Test
    void anAliasCountsOnlyWhenTheNameIsAbsentAndTheFirstAliasPresentWins() throws Exception {
        // fee present (wrong) hides the right institution_fee; for case_2 inst_fee is ignored, institution_fee (first)
        // counts
        Verdict v =
                score("{\"cases\": [{\"case_id\": \"case_1\", \"fee\": 1, \"institution_fee\": 1200, \"costs\": 300,"
                        + " \"total_fee\": 1500}, {\"case_id\": \"case_2\", \"institution_fee\": \"980.5\", \"inst_fee\": 1,"
                        + " \"costs\": 120, \"total\": 1100.5}]}");
        // case_1: costs 7 + total (by alias) 6 = 13; case_2: 20 -> 33 / 60
        assertScore(33.0 / 60, v);
    }

    @Test
    void withoutFallbackARecordWithoutKeyIsLeftOut() throws Exception {
        String config = CONFIG.replace(", 'fallback': 'position'", "");
        Verdict v = ctx.out("fees.json", "[{\"fee\": 1200, \"costs\": 300, \"total\": 1500}]")
                .verify(config);
        assertScore(0, v);
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = EDITS)
    void configErrorsNameTheirPointer(String part, String replacement, String field) {
        refused(CONFIG.replace(part, replacement), field);
    }

    @Test
    void anEmptyKeyListIsRefused() {
        assertTrue(refused(CONFIG.replace("'key': ['case_id', 'case', 'id']", "'key': []"), "/records/key")
                .getMessage()
                .contains("non-empty"));
    }
}
