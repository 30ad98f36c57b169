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

    @BeforeEach
    void files() {
        ctx.out("summary.json", "{\"net\": 1234.5, \"text\": \"$1,234.50\", \"name\": \"x\"}")
                .out("memo.txt", "Net income: $1,234.50 (USD)\nRate: 12.5%\n")
                .out("ledger.csv", "account,name,net\n4000, Sales ,\"1,234.50\"\n5000,Costs,-200\n");
    }

    private double score(String options) throws Exception {
        Verdict v = ctx.verify("{'type': 'number', " + options + "}");
        assertEquals(false, v.gateFailed(), v.toString());
        return v.score();
    }

    @Test
    void readsFromAJsonPointer() throws Exception {
        assertEquals(1, score("'file': 'summary.json', 'pointer': '/net', 'expected': 1234.5"));
        assertEquals(1, score("'file': 'summary.json', 'pointer': '/text', 'expected': 1234.5"));
        assertEquals(0, score("'file': 'summary.json', 'pointer': '/net', 'expected': 1234.51"));
        Verdict v = ctx.verify("{'type': 'number', 'file': 'summary.json', 'pointer': '/name', 'expected': 1}");
        assertScore(0, v);
        assertEquals("not a number: \"x\"", v.checks().get(0).actual());
        assertEquals(
                "no value at /gone",
                ctx.verify("{'type': 'number', 'file': 'summary.json', 'pointer': '/gone', 'expected': 1}")
                        .checks()
                        .get(0)
                        .actual());
    }

    @Test
    void passesWithinEitherToleranceAtItsBoundary() throws Exception {
        String at = "'file': 'summary.json', 'pointer': '/net', ";
        assertEquals(1, score(at + "'expected': 1234.49, 'abs': 0.01"));
        assertEquals(0, score(at + "'expected': 1234.489, 'abs': 0.01"));
        assertEquals(1, score(at + "'expected': 1000, 'rel': 0.2345"));
        assertEquals(0, score(at + "'expected': 1000, 'rel': 0.2344"));
        assertEquals(1, score(at + "'expected': 1000, 'abs': 0.01, 'rel': 0.2345"));
        assertEquals(1, score(at + "'expected': 1234, 'abs': 0.5, 'rel': 0.0001"));
        assertEquals(0, score(at + "'expected': 1234, 'abs': 0.4, 'rel': 0.0001"));
    }

    @Test
    void acceptsARangeInclusive() throws Exception {
        String at = "'file': 'summary.json', 'pointer': '/net', ";
        assertEquals(1, score(at + "'range': [1234.5, 2000]"));
        assertEquals(1, score(at + "'range': [0, 1234.5]"));
        assertEquals(0, score(at + "'range': [1234.51, 2000]"));
    }

    @Test
    void readsTheFirstGroupOfARegex() throws Exception {
        assertEquals(1, score("'file': 'memo.txt', 'regex': 'Net income: (\\\\S+)', 'expected': 1234.5"));
        assertEquals(1, score("'file': 'memo.txt', 'regex': 'Rate: (\\\\S+)', 'expected': 12.5"));
        assertEquals(1, score("'file': 'memo.txt', 'regex': '\\\\d+\\\\.\\\\d+%', 'expected': 12.5"));
        assertEquals(0, score("'file': 'memo.txt', 'regex': 'Profit: (\\\\S+)', 'expected': 1234.5"));
    }

    @Test
    void readsACsvCellByRowOrByValues() throws Exception {
        assertEquals(1, score("'file': 'ledger.csv', 'csv': {'column': 'net', 'row': 0}, 'expected': 1234.5"));
        assertEquals(1, score("'file': 'ledger.csv', 'csv': {'column': 'net', 'row': 1}, 'expected': -200"));
        assertEquals(0, score("'file': 'ledger.csv', 'csv': {'column': 'net', 'row': 2}, 'expected': -200"));
        assertEquals(
                1,
                score(
                        "'file': 'ledger.csv', 'csv': {'column': 'net', 'where': {'name': 'Sales', 'account': 4000}}, 'expected': 1234.5"));
        assertEquals(
                0,
                score(
                        "'file': 'ledger.csv', 'csv': {'column': 'net', 'where': {'name': 'Sales', 'account': 5000}}, 'expected': 1234.5"));
        assertGate(
                "ledger.csv",
                "missing column amount",
                ctx.verify(
                        "{'type': 'number', 'file': 'ledger.csv', 'csv': {'column': 'amount', 'row': 0}, 'expected': 1}"));
        assertGate(
                "ledger.csv",
                "missing column acct",
                ctx.verify(
                        "{'type': 'number', 'file': 'ledger.csv', 'csv': {'column': 'net', 'where': {'acct': '1'}}, 'expected': 1}"));
    }

    @Test
    void readsTheExpectedNumberFromTheReference() throws Exception {
        ctx.ref("expected.json", "{\"answer\": {\"net\": \"1,234.50\"}}");
        assertEquals(
                1,
                score(
                        "'file': 'summary.json', 'pointer': '/net', 'expectedFile': 'expected.json', 'expectedPointer': '/answer/net'"));
        assertThrows(
                AleException.class,
                () -> ctx.verify("{'type': 'number', 'file': 'summary.json', 'pointer': '/net',"
                        + " 'expectedFile': 'expected.json', 'expectedPointer': '/answer'}"));
    }

    @Test
    void aMissingOrMalformedFileIsAGate() throws Exception {
        assertGate(
                "gone.json",
                "missing",
                ctx.verify("{'type': 'number', 'file': 'gone.json', 'pointer': '/a', 'expected': 1}"));
        assertGate(
                "memo.txt",
                "malformed JSON",
                ctx.verify("{'type': 'number', 'file': 'memo.txt', 'pointer': '/a', 'expected': 1}"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused("{'type': 'number', 'file': 'summary.json', " + config, field);
    }
}
