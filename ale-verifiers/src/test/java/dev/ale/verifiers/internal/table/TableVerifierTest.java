package dev.ale.verifiers.internal.table;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.assertStartsWith;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The csv verifier's table features beyond plain CSV: schemes, gates, order, headers, keys, TSV and xlsx. */
class TableVerifierTest extends InvoicesTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'score': 'f2-rows'} -> /score
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'order': 'sorted'} -> /order
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'extraRows': 'fail'} -> /extraRows
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'missingRows': 'ignore'} -> /missingRows
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'duplicateKeys': 'last'} -> /duplicateKeys
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'format': 'xls'} -> /format
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'sheet': 'Data'} -> /sheet
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'format': 'xlsx', 'sheet': -1} -> /sheet
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'expectedFormat': 'xlsx', 'expectedSheet': ''} -> /expectedSheet
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'format': 'xlsx', 'expectedFormat': 'xlsx', 'delimiter': ';'} -> /delimiter
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'keyOptions': {'trimm': true}} -> /keyOptions/trimm
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'keyOptions': {'ignoreCase': 'yes'}} -> /keyOptions/ignoreCase
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'keyOptions': {'trim': true}} -> /keyOptions
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'aliases': {'amount': 3}} -> /aliases/amount
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'aliases': {'amount': ['total', 'amount']}} -> /aliases/amount
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'aliases': {'amount': ['total', 'total']}} -> /aliases/amount/1
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'aliases': []} -> /aliases
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'ignoreHeaderCase': 1} -> /ignoreHeaderCase
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'columns': {'amount': {'abs': 0.1, 'normalizeWhitespace': true}}} -> /columns/amount/normalizeWhitespace
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'columns': {'amount': {'normalizeWhitespace': 'yes'}}} -> /columns/amount/normalizeWhitespace
            """;

    /** A1 and A4 right, A2's amount wrong, A3 missing, A9 extra, A1 repeated: E=4 K=3 M=2 Mc=5 X=1 D=1, C=2. */
    private static final String MIXED =
            "invoice_id,name,amount\nA1,Acme,100\nA2,Globex,999\nA4,Umbrella,10.001\nA9,Extra,1\nA1,Acme,100\n";

    private Verdict table(String output, String options) throws Exception {
        return csv(output, "'columns': {'amount': {'abs': 0.01}}" + (options.isEmpty() ? "" : ", " + options));
    }

    @Test
    void scoresEachSchemeWithItsArithmetic() throws Exception {
        assertScore(2.0 / 4, table(MIXED, ""));
        assertScore(2.0 / 4, table(MIXED, "'score': 'recall-rows'"));
        assertScore(2.0 / (4 + 2), table(MIXED, "'extraRows': 'penalize'"));
        assertScore(2.0 / (4 + 1), table(MIXED, "'duplicateKeys': 'penalize'"));
        assertScore(2.0 / (3 + 2), table(MIXED, "'score': 'precision-rows'"));
        assertScore(2.0 / 3, table(MIXED, "'score': 'precision-rows', 'extraRows': 'ignore'"));
        assertScore(2.0 * 2 / (4 + 3 + 2), table(MIXED, "'score': 'f1-rows'"));
        assertScore(5.0 / 8, table(MIXED, "'score': 'recall-cells'"));
        assertScore(5.0 / (8 + 4), table(MIXED, "'score': 'recall-cells', 'extraRows': 'penalize'"));
        assertScore(5.0 / ((3 + 2) * 2), table(MIXED, "'score': 'precision-cells'"));
        Verdict f1 = table(MIXED, "'score': 'f1-cells'");
        assertScore(2.0 * 5 / (8 + 10), f1);
        assertEquals(
                "F1 of 5 matching cells: 8 expected, 10 delivered",
                check(f1, "cells").actual());
        assertStartsWith("f1-cells 0.556 in out.csv", f1.summary());
    }

    @Test
    void aTableWithOnlyKeyColumnsCountsOneCellPerRow() throws Exception {
        ctx.ref("ids.csv", "id\n1\n2\n3\n");
        ctx.out("ids.csv", "id\n1\n3\n9\n");
        assertScore(
                2.0 / 3,
                ctx.verify(
                        "{'type': 'csv', 'file': 'ids.csv', 'expectedFile': 'ids.csv', 'key': 'id', 'score': 'recall-cells'}"));
        assertScore(
                2.0 / 3,
                ctx.verify(
                        "{'type': 'csv', 'file': 'ids.csv', 'expectedFile': 'ids.csv', 'key': 'id', 'score': 'f1-cells'}"));
    }

    @Test
    void extraMissingAndRepeatedRowsMayBeGates() throws Exception {
        assertGate("out.csv", "extra key 'A9' on line 5", table(MIXED, "'extraRows': 'gate'"));
        assertGate("out.csv", "key 'A1' again on line 6", table(MIXED, "'duplicateKeys': 'gate'"));
        Verdict missing = table(MIXED, "'missingRows': 'gate'");
        assertGate("out.csv", "missing key 'A3'", missing);
        assertEquals("every expected row", missing.checks().get(0).expected());
        assertScore(1, table(EXPECTED, "'extraRows': 'gate', 'duplicateKeys': 'gate', 'missingRows': 'gate'"));
    }

    @Test
    void sameOrderCountsRowsOutsideTheLongestInOrderRunAsWrong() throws Exception {
        String swapped = "invoice_id,name,amount\nA2,Globex,250.50\nA1,Acme,100.00\nA3,Initech,75\nA4,Umbrella,10\n";
        assertScore(1, table(swapped, ""));
        Verdict v = table(swapped, "'order': 'same'");
        assertScore(3.0 / 4, v);
        assertTrue(
                check(v, "rows out of order").actual().matches("key 'A[12]'"),
                check(v, "rows out of order").actual());
        assertScore(6.0 / 8, table(swapped, "'order': 'same', 'score': 'recall-cells'"));
        assertScore(1, table(EXPECTED, "'order': 'same'"));
    }

    @Test
    void matchesOutputHeadersByAliasAndWithoutCase() throws Exception {
        String renamed = "Invoice_ID,Customer,TOTAL\nA1,Acme,100\nA2,Globex,250.5\nA3,Initech,75\nA4,Umbrella,10\n";
        assertGate("out.csv", "missing column invoice_id; header: Invoice_ID, Customer, TOTAL", table(renamed, ""));
        assertGate("out.csv", "missing columns name, amount", table(renamed, "'ignoreHeaderCase': true"));
        assertScore(
                1,
                table(
                        renamed,
                        "'ignoreHeaderCase': true, 'aliases': {'name': ['customer', 'client'], 'amount': 'total'}"));
        assertGate(
                "out.csv",
                "missing column invoice_id",
                table(renamed, "'aliases': {'name': 'Customer', 'amount': 'TOTAL'}"));
        String both = "invoice_id,name,amount,total\nA1,Acme,100,100\n";
        Verdict v = table(both, "'aliases': {'amount': 'total'}");
        assertGate("out.csv", "column 'amount' matches header cells 'amount' and 'total'", v);
        assertEquals("column 'amount' (or 'total') once", v.checks().get(0).expected());
    }

    @Test
    void normalisesKeysAsConfigured() throws Exception {
        ctx.ref("expected.csv", "sku,qty\n007,1\nAb-12,2\n");
        ctx.out("out.csv", "sku,qty\n7,1\n ab-12 ,2\n");
        String base = "{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'sku'";
        assertScore(0, ctx.verify(base + "}"));
        assertScore(0.5, ctx.verify(base + ", 'keyOptions': {'stripLeadingZeros': true}}"));
        assertScore(1, ctx.verify(base + ", 'keyOptions': {'stripLeadingZeros': true, 'ignoreCase': true}}"));
        assertScore(
                0.5,
                ctx.verify(base + ", 'keyOptions': {'stripLeadingZeros': true, 'ignoreCase': true, 'trim': false}}"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
                    0 |
                    0 | 'columns': {'amount': {'abs': 0.01}, 'name': {'trim': true}}
                    1 | 'columns': {'amount': {'abs': 0.01}, 'name': {'normalizeWhitespace': true}}
                    """)
    void normalisesWhiteSpaceInTextColumns(double score, String options) throws Exception {
        ctx.ref("expected.csv", "invoice_id,name,amount\nA1,Acme Corp,100\n");
        assertScore(score, table("invoice_id,name,amount\nA1,\" Acme \n Corp\",100\n", options == null ? "" : options));
    }

    @Test
    void readsTsvByExtensionOrFormat() throws Exception {
        ctx.ref("expected.tsv", "id\tmemo\n1\tPaid, in full\n2\t\"a\tb\"\n");
        ctx.out("out.tsv", "memo\tid\nPaid, in full\t1\n\"a\tb\"\t2\n");
        assertScore(1, ctx.verify("{'type': 'csv', 'file': 'out.tsv', 'expectedFile': 'expected.tsv', 'key': 'id'}"));
        ctx.out("out.txt", "memo\tid\nPaid, in full\t1\n\"a\tb\"\t2\n");
        assertGate(
                "out.txt",
                "missing column",
                ctx.verify("{'type': 'csv', 'file': 'out.txt', 'expectedFile': 'expected.tsv', 'key': 'id'}"));
        assertScore(
                1,
                ctx.verify(
                        "{'type': 'csv', 'file': 'out.txt', 'format': 'tsv', 'expectedFile': 'expected.tsv', 'key': 'id'}"));
    }

    @Test
    void readsXlsxOutputsAndReferences() throws Exception {
        ctx.out("out.xlsx", XlsxFixture.written(wb -> {
            wb.newWorksheet("Notes").value(0, 0, "nothing here");
            XlsxFixture.fill(
                    wb.newWorksheet("Invoices"),
                    new Object[] {"invoice_id", "name", "amount"},
                    new Object[] {"A1", "Acme", 100},
                    new Object[] {"A2", "Globex", 250.5},
                    new Object[] {"A3", "Initech", new BigDecimal("75.00")},
                    new Object[] {"A4", "Umbrella", 10.004});
        }));
        String cfg =
                "{'type': 'csv', 'file': 'out.xlsx', 'expectedFile': 'expected.csv', 'key': 'invoice_id', 'columns': {'amount': {'abs': 0.01}}";
        assertScore(1, ctx.verify(cfg + ", 'sheet': 'Invoices'}"));
        assertScore(1, ctx.verify(cfg + ", 'sheet': 1}"));
        assertGate("out.xlsx", "missing column invoice_id; header: nothing here", ctx.verify(cfg + "}"));
        Verdict missing = ctx.verify(cfg + ", 'sheet': 'Summary'}");
        assertGate("out.xlsx (sheet 'Summary')", "no sheet 'Summary'; sheets: 'Notes', 'Invoices'", missing);
        ctx.out("fake.xlsx", EXPECTED);
        assertGate("fake.xlsx", "not an xlsx workbook", ctx.verify(cfg.replace("out.xlsx", "fake.xlsx") + "}"));
        Files.write(ctx.reference().resolve("expected.xlsx"), XlsxFixture.written(wb -> wb.newWorksheet("Only")
                .value(0, 0, "x")));
        AleException e = assertThrows(
                AleException.class,
                () -> ctx.verify(cfg.replace("expected.csv", "expected.xlsx") + ", 'sheet': 1, 'expectedSheet': 1}"));
        assertEquals("reference/expected.xlsx (sheet #1): no sheet #1; sheets: 'Only'", e.getMessage());
    }

    @Test
    void readsAnXlsxReferenceAgainstACsvOutput() throws Exception {
        byte[] book = XlsxFixture.written(wb -> XlsxFixture.fill(
                wb.newWorksheet("Expected"),
                new Object[] {"invoice_id", "amount"},
                new Object[] {"A1", 100},
                new Object[] {"A2", 250.5}));
        Files.write(ctx.reference().resolve("expected.xlsx"), book);
        ctx.out("out.csv", "invoice_id,amount\nA1,\"$100.00\"\nA2,250.49\n");
        Verdict v =
                ctx.verify("{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.xlsx', 'key': 'invoice_id',"
                        + " 'columns': {'amount': {'abs': 0.005}}}");
        assertScore(0.5, v);
        assertContains(
                "amount expected '250.5' (±0.005), got '250.49'",
                check(v, "mismatched rows").actual());
    }

    @Test
    void hostileOutputsGetVerdictsNotExceptions() throws Exception {
        byte[] binary = new byte[4096];
        new Random(3).nextBytes(binary);
        ctx.out("out.csv", binary);
        assertGate("out.csv", "not valid UTF-8", invoices("out.csv", ""));
        assertScore(
                0.5,
                table("invoice_id,name,amount,extra\nA1,Acme,100,x,y,z\nA2,Globex\nA3\nA4,Umbrella,10,,,,,\n", ""));
        assertGate(
                "out.csv",
                "quoted field is not closed",
                table("invoice_id,name,amount\nA1,\"Acme,100\n" + "x,".repeat(1000), ""));
        assertGate(
                "out.csv",
                "longer than",
                table("invoice_id,name,amount\nA1," + "x".repeat(CsvReader.MAX_FIELD_CHARS + 1) + ",1\n", ""));
        ctx.out("out.xlsx", XlsxFixture.handMade("<row><c r=\"ZZZZ1\"><v>1</v></c></row>"));
        assertGate("out.xlsx", "beyond column XFD", invoices("out.xlsx", ""));
        ctx.out("out.xlsx", XlsxFixture.handMade(""));
        assertGate("out.xlsx", "empty: no header row", invoices("out.xlsx", ""));
    }

    @Test
    void extraRowsDefaultFollowsTheScheme() throws Exception {
        Verdict recall = table(MIXED, "'score': 'recall-rows'");
        assertTrue(check(recall, "extra rows").passed());
        Verdict precision = table(MIXED, "'score': 'precision-rows'");
        assertFalse(check(precision, "extra rows").passed());
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadTableConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
