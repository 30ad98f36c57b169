package dev.ale.verifiers.internal.number;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberVerifierTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            'expected': 1} -> ``
            'pointer': '/a', 'regex': 'x', 'expected': 1} -> /regex
            'pointer': 'net', 'expected': 1} -> /pointer
            'pointer': 3, 'expected': 1} -> /pointer
            'regex': '(', 'expected': 1} -> /regex
            'pointer': '/a'} -> ``
            'pointer': '/a', 'expected': '12'} -> /expected
            'pointer': '/a', 'range': [2, 1]} -> /range
            'pointer': '/a', 'range': [1]} -> /range
            'pointer': '/a', 'range': [1, 2], 'abs': 0.1} -> /abs
            'pointer': '/a', 'expected': 1, 'expectedPointer': '/x'} -> /expectedPointer
            'pointer': '/a', 'expectedFile': 'e.json'} -> /expectedPointer
            'pointer': '/a', 'expected': 1, 'abs': -1} -> /abs
            'csv': {'column': 'net', 'row': -1}, 'expected': 1} -> /csv/row
            'csv': {'column': 'net', 'row': 0, 'where': {'a': '1'}}, 'expected': 1} -> /csv/where
            'csv': {'column': 'net', 'where': {}}, 'expected': 1} -> /csv/where
            'csv': {'column': 'net', 'where': {'a': [1]}}, 'expected': 1} -> /csv/where/a
            'csv': {'col': 'net', 'row': 0}, 'expected': 1} -> /csv/col
            'csv': {'column': 'net', 'row': 0, 'delimiter': ';;'}, 'expected': 1} -> /csv/delimiter
            'pointer': '/a', 'expected': 1, 'tolerance': 1} -> /tolerance
            """;

    /** Configurations (the type left out) that the number verifier scores, each with its score. */
    private static final String SCORES =
            """
            # reads from a JSON pointer, a number written as text too
            1 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1234.5
            1 -> 'file': 'summary.json', 'pointer': '/text', 'expected': 1234.5
            0 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1234.51
            # passes within either tolerance, at its boundary
            1 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1234.49, 'abs': 0.01
            0 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1234.489, 'abs': 0.01
            1 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1000, 'rel': 0.2345
            0 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1000, 'rel': 0.2344
            1 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1000, 'abs': 0.01, 'rel': 0.2345
            1 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1234, 'abs': 0.5, 'rel': 0.0001
            0 -> 'file': 'summary.json', 'pointer': '/net', 'expected': 1234, 'abs': 0.4, 'rel': 0.0001
            # a range, inclusive
            1 -> 'file': 'summary.json', 'pointer': '/net', 'range': [1234.5, 2000]
            1 -> 'file': 'summary.json', 'pointer': '/net', 'range': [0, 1234.5]
            0 -> 'file': 'summary.json', 'pointer': '/net', 'range': [1234.51, 2000]
            # the first group of a regex, or the whole match
            1 -> 'file': 'memo.txt', 'regex': 'Net income: (\\\\S+)', 'expected': 1234.5
            1 -> 'file': 'memo.txt', 'regex': 'Rate: (\\\\S+)', 'expected': 12.5
            1 -> 'file': 'memo.txt', 'regex': '\\\\d+\\\\.\\\\d+%', 'expected': 12.5
            0 -> 'file': 'memo.txt', 'regex': 'Profit: (\\\\S+)', 'expected': 1234.5
            # a CSV cell by row or by the values of other columns
            1 -> 'file': 'ledger.csv', 'csv': {'column': 'net', 'row': 0}, 'expected': 1234.5
            1 -> 'file': 'ledger.csv', 'csv': {'column': 'net', 'row': 1}, 'expected': -200
            0 -> 'file': 'ledger.csv', 'csv': {'column': 'net', 'row': 2}, 'expected': -200
            1 -> 'file': 'ledger.csv', 'csv': {'column': 'net', 'where': {'name': 'Sales', 'account': 4000}}, 'expected': 1234.5
            0 -> 'file': 'ledger.csv', 'csv': {'column': 'net', 'where': {'name': 'Sales', 'account': 5000}}, 'expected': 1234.5
            # the expected number read from the reference
            1 -> 'file': 'summary.json', 'pointer': '/net', 'expectedFile': 'expected.json', 'expectedPointer': '/answer/net'
            """;

    @BeforeEach
    void files() {
        ctx.out("summary.json", "{\"net\": 1234.5, \"text\": \"$1,234.50\", \"name\": \"x\"}")
                .out("memo.txt", "Net income: $1,234.50 (USD)\nRate: 12.5%\n")
                .out("ledger.csv", "account,name,net\n4000, Sales ,\"1,234.50\"\n5000,Costs,-200\n")
                .ref("expected.json", "{\"answer\": {\"net\": \"1,234.50\"}}");
    }

    /** The verdict of a number config given without its braces and type. */
    private Verdict number(String options) throws Exception {
        return ctx.verify("{'type': 'number', " + options + "}");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = SCORES)
    void scoresTheNumberItReads(double score, String options) throws Exception {
        Verdict v = number(options);
        assertEquals(false, v.gateFailed(), v.toString());
        assertEquals(score, v.score());
    }

    @Test
    void aValueThatIsNoNumberOrAbsentScoresZero() throws Exception {
        Verdict v = number("'file': 'summary.json', 'pointer': '/name', 'expected': 1");
        assertScore(0, v);
        assertEquals("not a number: \"x\"", v.checks().get(0).actual());
        Verdict gone = number("'file': 'summary.json', 'pointer': '/gone', 'expected': 1");
        assertEquals("no value at /gone", gone.checks().get(0).actual());
    }

    @Test
    void aMissingTableColumnIsAGate() throws Exception {
        String at = "'file': 'ledger.csv', 'csv': {'column': ";
        assertGate("ledger.csv", "missing column amount", number(at + "'amount', 'row': 0}, 'expected': 1"));
        assertGate("ledger.csv", "missing column acct", number(at + "'net', 'where': {'acct': '1'}}, 'expected': 1"));
    }

    @Test
    void aReferenceWithoutANumberThereIsATaskError() {
        assertThrows(
                AleException.class,
                () -> number("'file': 'summary.json', 'pointer': '/net',"
                        + " 'expectedFile': 'expected.json', 'expectedPointer': '/answer'"));
    }

    @Test
    void aMissingOrMalformedFileIsAGate() throws Exception {
        assertGate("gone.json", "missing", number("'file': 'gone.json', 'pointer': '/a', 'expected': 1"));
        assertGate("memo.txt", "malformed JSON", number("'file': 'memo.txt', 'pointer': '/a', 'expected': 1"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused("{'type': 'number', 'file': 'summary.json', " + config, field);
    }
}
