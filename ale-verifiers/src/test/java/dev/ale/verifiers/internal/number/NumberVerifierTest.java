package dev.ale.verifiers.internal.number;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.TestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumberVerifierTest {
    @TempDir
    Path dir;

    TestContext ctx;

    @BeforeEach
    void files() {
        ctx = TestContext.in(dir)
                .out("summary.json", "{\"net\": 1234.5, \"text\": \"$1,234.50\", \"name\": \"x\"}")
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

    @Test
    void refusesBadConfigsAtTheirPointers() {
        String f = "{'type': 'number', 'file': 'summary.json', ";
        refused(f + "'expected': 1}", "");
        refused(f + "'pointer': '/a', 'regex': 'x', 'expected': 1}", "/regex");
        refused(f + "'pointer': 'net', 'expected': 1}", "/pointer");
        refused(f + "'pointer': 3, 'expected': 1}", "/pointer");
        refused(f + "'regex': '(', 'expected': 1}", "/regex");
        refused(f + "'pointer': '/a'}", "");
        refused(f + "'pointer': '/a', 'expected': '12'}", "/expected");
        refused(f + "'pointer': '/a', 'range': [2, 1]}", "/range");
        refused(f + "'pointer': '/a', 'range': [1]}", "/range");
        refused(f + "'pointer': '/a', 'range': [1, 2], 'abs': 0.1}", "/abs");
        refused(f + "'pointer': '/a', 'expected': 1, 'expectedPointer': '/x'}", "/expectedPointer");
        refused(f + "'pointer': '/a', 'expectedFile': 'e.json'}", "/expectedPointer");
        refused(f + "'pointer': '/a', 'expected': 1, 'abs': -1}", "/abs");
        refused(f + "'csv': {'column': 'net', 'row': -1}, 'expected': 1}", "/csv/row");
        refused(f + "'csv': {'column': 'net', 'row': 0, 'where': {'a': '1'}}, 'expected': 1}", "/csv/where");
        refused(f + "'csv': {'column': 'net', 'where': {}}, 'expected': 1}", "/csv/where");
        refused(f + "'csv': {'column': 'net', 'where': {'a': [1]}}, 'expected': 1}", "/csv/where/a");
        refused(f + "'csv': {'col': 'net', 'row': 0}, 'expected': 1}", "/csv/col");
        refused(f + "'csv': {'column': 'net', 'row': 0, 'delimiter': ';;'}, 'expected': 1}", "/csv/delimiter");
        refused(f + "'pointer': '/a', 'expected': 1, 'tolerance': 1}", "/tolerance");
    }
}
