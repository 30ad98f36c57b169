package dev.ale.verifiers.internal.number;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.assertStartsWith;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import dev.ale.verifiers.internal.table.XlsxFixture;
import java.time.LocalDate;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The number verifier's xlsx cells, TSV tables, relative references, combined tolerances and open ranges. */
class NumberSourcesTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'range': [null, null]} -> /range
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'range': [1, 'x']} -> /range
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'expected': 1, 'abs': 1, 'combine': 'both'} -> /combine
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'expected': 1, 'abs': 1, 'rel': 0.1, 'combine': 'all'} -> /combine
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'expected': 1, 'relativeTo': {'file': 'o.json', 'pointer': '/a'}} -> /relativeTo
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': 'o.json', 'pointer': '/a', 'fil': 1}, 'rel': 0.1} -> /relativeTo/fil
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'pointer': '/a'}, 'rel': 0.1} -> /relativeTo/file
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': '../o.json', 'pointer': '/a'}, 'rel': 0.1} -> /relativeTo/file
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': 'o.json'}, 'rel': 0.1} -> /relativeTo
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': 'o.json', 'pointer': 'a'}, 'rel': 0.1} -> /relativeTo/pointer
            {'type': 'number', 'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': 'o.json', 'pointer': '/a', 'from': 'input'}, 'rel': 0.1} -> /relativeTo/from
            {'type': 'number', 'file': 'b.xlsx', 'xlsx': {'cell': 'B0'}, 'expected': 1} -> /xlsx/cell
            {'type': 'number', 'file': 'b.xlsx', 'xlsx': {'cell': 'XFE1'}, 'expected': 1} -> /xlsx/cell
            {'type': 'number', 'file': 'b.xlsx', 'xlsx': {'cell': 'B2', 'row': 1}, 'expected': 1} -> /xlsx/row
            {'type': 'number', 'file': 'b.xlsx', 'xlsx': {'sheet': [1], 'cell': 'B2'}, 'expected': 1} -> /xlsx/sheet
            {'type': 'number', 'file': 'b.xlsx', 'xlsx': {'column': 'net'}, 'expected': 1} -> /xlsx
            {'type': 'number', 'file': 'b.xlsx', 'xlsx': {'cel': 'B2'}, 'expected': 1} -> /xlsx/cel
            {'type': 'number', 'file': 'b.xlsx', 'csv': {'column': 'net', 'row': 0}, 'expected': 1} -> /csv
            """;

    @BeforeEach
    void files() {
        ctx.out("plan.json", "{\"cost\": 1004.9, \"lines\": {\"total\": \"$1,000.00\"}}")
                .out("ledger.tsv", "account\tnet\n4000\t1,234.50\n")
                .out("book.xlsx", XlsxFixture.written(wb -> {
                    wb.newWorksheet("Cover").value(0, 0, "see Summary");
                    Worksheet ws = XlsxFixture.fill(
                            wb.newWorksheet("Summary"),
                            new Object[] {"account", "net"},
                            new Object[] {"4000", 1234.5},
                            new Object[] {"5000", -200},
                            new Object[] {"when", LocalDate.of(2024, 3, 31)});
                    ws.style(3, 1).format("yyyy-mm-dd").set();
                }))
                .ref("optimum.json", "{\"objective\": 1000}");
    }

    private Verdict number(String options) throws Exception {
        return ctx.verify("{'type': 'number', " + options + "}");
    }

    @Test
    void readsXlsxCellsByAddressOrByHeader() throws Exception {
        assertScore(1, number("'file': 'book.xlsx', 'xlsx': {'sheet': 'Summary', 'cell': 'B2'}, 'expected': 1234.5"));
        assertScore(1, number("'file': 'book.xlsx', 'xlsx': {'sheet': 1, 'cell': '$B$3'}, 'expected': -200"));
        assertScore(
                1,
                number(
                        "'file': 'book.xlsx', 'xlsx': {'sheet': 'Summary', 'column': 'net', 'row': 1}, 'expected': -200"));
        assertScore(
                1,
                number(
                        "'file': 'book.xlsx', 'xlsx': {'sheet': 'Summary', 'column': 'net', 'where': {'account': 4000}}, 'expected': 1234.5"));
        Verdict date = number("'file': 'book.xlsx', 'xlsx': {'sheet': 'Summary', 'cell': 'B4'}, 'expected': 45382");
        assertScore(0, date);
        assertEquals("not a number: '2024-03-31'", date.checks().get(0).actual());
        Verdict empty = number("'file': 'book.xlsx', 'xlsx': {'sheet': 'Summary', 'cell': 'C9'}, 'expected': 1");
        assertScore(0, empty);
        assertEquals("cell C9 is empty", empty.checks().get(0).actual());
        assertEquals(
                "number in book.xlsx at sheet 'Summary', cell C9",
                empty.checks().get(0).name());
        assertScore(0, number("'file': 'book.xlsx', 'xlsx': {'cell': 'B2'}, 'expected': 1234.5"));
        assertGate(
                "book.xlsx (sheet 'Totals')",
                "no sheet 'Totals'",
                number("'file': 'book.xlsx', 'xlsx': {'sheet': 'Totals', 'cell': 'B2'}, 'expected': 1}"));
        ctx.out("fake.xlsx", "net\n1\n");
        assertGate(
                "fake.xlsx",
                "not an xlsx workbook",
                number("'file': 'fake.xlsx', 'xlsx': {'cell': 'A2'}, 'expected': 1}"));
    }

    @Test
    void readsTsvThroughTheCsvPlace() throws Exception {
        assertScore(1, number("'file': 'ledger.tsv', 'csv': {'column': 'net', 'row': 0}, 'expected': 1234.5"));
        assertGate(
                "ledger.tsv",
                "missing column net",
                number(
                        "'file': 'ledger.tsv', 'csv': {'column': 'net', 'row': 0, 'delimiter': ','}, 'expected': 1234.5"));
    }

    @Test
    void comparesWithANumberReadFromTheReference() throws Exception {
        String rel =
                "'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': 'optimum.json', 'pointer': '/objective'}";
        Verdict within = number(rel + ", 'rel': 0.005");
        assertScore(1, within);
        assertEquals(
                "1000 ±0.5% (reference optimum.json at /objective)",
                within.checks().get(0).expected());
        assertScore(0, number(rel + ", 'rel': 0.0048"));
        assertScore(1, number(rel.replace("}", ", 'from': 'reference'}") + ", 'abs': 4.9"));
        AleException e = assertThrows(
                AleException.class, () -> number(rel.replace("/objective", "/missing") + ", 'rel': 0.005"));
        assertStartsWith("reference/optimum.json: no number at /missing", e.getMessage());
        assertThrows(AleException.class, () -> number(rel.replace("optimum.json", "gone.json") + ", 'rel': 0.005"));
    }

    @Test
    void comparesWithAnotherNumberOfTheOutput() throws Exception {
        String rel =
                "'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': 'plan.json', 'pointer': '%s', 'from': 'output'}, 'rel': 0.005";
        assertScore(1, number(String.format(rel, "/lines/total")));
        Verdict absent = number(String.format(rel, "/lines/sum"));
        assertScore(0, absent);
        assertEquals(
                "that number is missing: no value at /lines/sum",
                absent.checks().get(0).actual());
        assertGate(
                "ledger.csv",
                "missing",
                number("'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': 'ledger.csv', "
                        + "'csv': {'column': 'net', 'row': 0}, 'from': 'output'}, 'rel': 0.01"));
        assertScore(
                1,
                number("'file': 'plan.json', 'pointer': '/cost', 'relativeTo': {'file': 'book.xlsx', "
                        + "'xlsx': {'sheet': 'Summary', 'cell': 'B2'}, 'from': 'output'}, 'rel': 0.19"));
    }

    @Test
    void combinesBoundsWithEitherOrBoth() throws Exception {
        String at = "'file': 'plan.json', 'pointer': '/cost', 'expected': 1004.6, ";
        assertScore(1, number(at + "'abs': 0.5, 'rel': 0.0001"));
        assertScore(1, number(at + "'abs': 0.5, 'rel': 0.0001, 'combine': 'either'"));
        Verdict both = number(at + "'abs': 0.5, 'rel': 0.0001, 'combine': 'both'");
        assertScore(0, both);
        assertEquals("1004.6 ±0.5 and ±0.01%", both.checks().get(0).expected());
        assertScore(1, number(at + "'abs': 0.5, 'rel': 0.0003, 'combine': 'both'"));
    }

    @Test
    void acceptsOpenRanges() throws Exception {
        String at = "'file': 'plan.json', 'pointer': '/cost', ";
        Verdict upTo = number(at + "'range': [null, 1004.9]");
        assertScore(1, upTo);
        assertEquals("at most 1004.9", upTo.checks().get(0).expected());
        assertScore(0, number(at + "'range': [null, 1004.89]"));
        assertScore(1, number(at + "'range': [1000, null]"));
        assertScore(0, number(at + "'range': [1005, null]"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
