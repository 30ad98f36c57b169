package dev.ale.verifiers.internal.table;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import java.io.BufferedWriter;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvVerifierTest extends InvoicesTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'csv', 'file': 'out.csv'} -> /expectedFile
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'compare': ['amount'], 'columns': {'name': {'trim': true}}} -> /columns/name
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'columns': {'id': {'trim': true}}} -> /columns/id
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'columns': {'amount': {'tolerance': 0.1}}} -> /columns/amount/tolerance
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'columns': {'amount': {'abs': 0.1, 'trim': true}}} -> /columns/amount/trim
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'columns': {'amount': {'abs': 0.1, 'numeric': false}}} -> /columns/amount/numeric
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'columns': {'amount': 0.1}} -> /columns/amount
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'columns': []} -> /columns
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'delimiter': '||'} -> /delimiter
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'delimiter': '"'} -> /delimiter
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'extraRows': 'drop'} -> /extraRows
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': ['id', 3]} -> /key/1
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': []} -> /key
            {'type': 'csv', 'file': 'out.csv', 'expectedFile': '/abs/expected.csv'} -> /expectedFile
            """;

    @Test
    void scoresMatchingRowsOverExpectedRowsInAnyOrder() throws Exception {
        Verdict v = csv(
                "amount,invoice_id,name\n10,A4,Umbrella\n100.00,A1,Acme\n250.50,A2,Globex\n75,A3,Initech Inc\n", "");
        assertScore(0.75, v);
        assertContains(
                "key 'A3': name expected 'Initech'", check(v, "mismatched rows").actual());
        assertScore(0.5, csv("invoice_id,name,amount\nA1,Acme,100.00\nA2,Globex,250.50\n", ""));
    }

    @Test
    void extraRowsAreIgnoredOrPenalized() throws Exception {
        String out = EXPECTED.replace("A3,Initech,75", "A3,Initech,76") + "A9,Extra,1\n";
        Verdict ignored = csv(out, "");
        assertScore(0.75, ignored);
        assertTrue(check(ignored, "extra rows").passed());
        Verdict penalized = csv(out, "'extraRows': 'penalize'");
        assertScore(3.0 / 5, penalized);
        assertFalse(check(penalized, "extra rows").passed());
        assertTrue(check(penalized, "extra rows").actual().contains("'A9'"));
    }

    @Test
    void aDuplicateKeyCountsItsFirstRowAndIsReported() throws Exception {
        Verdict v = csv(EXPECTED + "A2,Globex,999\n", "");
        assertScore(1, v);
        assertContains("key 'A2' again on line 6", check(v, "duplicate keys").actual());
        assertScore(0.75, csv(EXPECTED.replace("A2,Globex,250.50", "A2,Globex,1") + "A2,Globex,250.50\n", ""));
        assertScore(4.0 / 5, csv(EXPECTED + "A2,Globex,250.50\n", "'extraRows': 'penalize'"));
    }

    @Test
    void columnRulesApplyTolerancesAndTextOptions() throws Exception {
        String out =
                "invoice_id,name,amount\n A1 ,acme ,\"$100.01\"\nA2,GLOBEX,250.49\nA3,Initech,75.02\nA4,Umbrella,10\n";
        assertScore(0.25, csv(out, ""));
        assertScore(0.75, csv(out, "'columns': {'amount': {'abs': 0.01}, 'name': {'ignoreCase': true, 'trim': true}}"));
        assertScore(
                1,
                csv(
                        out,
                        "'columns': {'amount': {'abs': 0.01, 'rel': 0.0003}, 'name': {'ignoreCase': true, 'trim': true}}"));
        String written =
                "invoice_id,name,amount\nA1,Acme,$100.00\nA2,Globex,\"250.5\"\nA3,Initech,75.0\nA4,Umbrella,10.001\n";
        assertScore(0, csv(written, ""));
        assertScore(0.75, csv(written, "'columns': {'amount': {'numeric': true}}"));
        assertScore(1, csv(out, "'compare': ['name'], 'columns': {'name': {'ignoreCase': true, 'trim': true}}"));
        assertScore(0.25, csv(out, "'compare': ['amount']"));
    }

    @Test
    void matchesByPositionWithoutAKeyAndByCompositeKeys() throws Exception {
        ctx.ref("expected.csv", "region,year,total\nEU,2024,5\nEU,2025,6\nUS,2024,7\n");
        ctx.out("out.csv", "year,region,total\n2024,US,7\n2025,EU,6\n2024,EU,5\n");
        assertScore(
                1,
                ctx.verify(
                        "{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': ['region', 'year']}"));
        Verdict positional = ctx.verify("{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv'}");
        assertScore(1.0 / 3, positional);
        assertContains(
                "row 1: region expected 'EU'",
                check(positional, "mismatched rows").actual());
    }

    @Test
    void parsesQuotingLineBreaksCrlfAndByteOrderMarks() throws Exception {
        ctx.ref("expected.csv", "id,memo\n1,\"Paid, in full\"\n2,\"said \"\"ok\"\"\"\n3,\"two\nlines\"\n");
        ctx.out(
                "out.csv",
                "\uFEFFid,memo\r\n3,\"two\r\nlines\"\r\n\"1\",\"Paid, in full\"\r\n2,\"said \"\"ok\"\"\"\r\n");
        Verdict v = ctx.verify("{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id'}");
        assertEquals(2.0 / 3, v.score(), 1e-12, "a CRLF inside a quoted cell is not the LF of the expected one");
        ctx.out("out.csv", "\uFEFFid,memo\r\n3,\"two\nlines\"\r\n\"1\",\"Paid, in full\"\r\n2,\"said \"\"ok\"\"\"\r\n");
        assertScore(1, ctx.verify("{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id'}"));
        ctx.out("out.csv", "id;memo\n1;Paid, in full\n");
        ctx.ref("expected.csv", "id;memo\n1;Paid, in full\n");
        assertScore(
                1,
                ctx.verify(
                        "{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id', 'delimiter': ';'}"));
    }

    @Test
    void gatesOnMissingColumnsAndMalformedFiles() throws Exception {
        assertGate("out.csv", "missing column amount", csv("invoice_id,name\nA1,Acme\n", ""));
        assertGate("out.csv", "missing column invoice_id", csv("id,name,amount\nA1,Acme,100.00\n", ""));
        assertGate("out.csv", "appears twice", csv("invoice_id,name,amount,name\nA1,Acme,100.00,x\n", ""));
        assertGate("out.csv", "not closed", csv("invoice_id,name,amount\nA1,\"Acme,100.00\n", ""));
        assertGate("out.csv", "no header", csv("", ""));
        ctx.out("out.csv", new byte[] {'a', (byte) 0xFF, '\n'});
        assertGate("out.csv", "not valid UTF-8", invoices("out.csv", ""));
        assertGate("gone.csv", "missing", invoices("gone.csv", ""));
    }

    @Test
    void anExpectedTableWithoutRowsScoresByExtraRows() throws Exception {
        ctx.ref("expected.csv", "invoice_id,amount\n");
        assertScore(1, csv("invoice_id,amount\n", "'extraRows': 'penalize'"));
        assertScore(0, csv("invoice_id,amount\nA1,1\n", "'extraRows': 'penalize'"));
    }

    @Test
    void referenceProblemsAreTaskErrors() throws Exception {
        ctx.ref("expected.csv", "invoice_id,amount\nA1,1\nA1,2\n");
        AleException e = assertThrows(AleException.class, () -> csv("invoice_id,amount\n", ""));
        assertContains("duplicate key 'A1'", e.getMessage());
        ctx.ref("expected.csv", "invoice_id,amount\nA1,1\n");
        assertThrows(AleException.class, () -> csv("invoice_id,amount\n", "'columns': {'name': {'trim': true}}"));
    }

    /** A million rows of eight columns, keyed, with tolerances, in reverse order; every thousandth amount is off. */
    @Test
    void streamsAMillionRowsOfEightColumns() throws Exception {
        int rows = 1_000_000;
        try (BufferedWriter exp = Files.newBufferedWriter(ctx.reference().resolve("big.csv"));
                BufferedWriter out = Files.newBufferedWriter(ctx.output().resolve("big.csv"))) {
            exp.write("id,name,amount,tax,rate,qty,delta,code\n");
            out.write("code,delta,qty,rate,tax,amount,id,name\n");
            for (int i = 0; i < rows; i++) {
                exp.write(i + ",\"name, " + i + "\"," + i + ".25," + i * 3 + ".5,0.0725," + i % 97 + ",-" + i + ",C"
                        + i % 13 + "\n");
                int j = rows - 1 - i;
                out.write("C" + j % 13 + ",-" + j + "," + j % 97 + ",0.07251," + j * 3 + ".5,"
                        + (j % 1000 == 0 ? j + ".5" : j + ".25") + "," + j + ",\"name, " + j + "\"\n");
            }
        }
        Verdict v = ctx.verify("{'type': 'csv', 'file': 'big.csv', 'expectedFile': 'big.csv', 'key': 'id',"
                + " 'columns': {'amount': {'abs': 0.01}, 'tax': {'abs': 0.01}, 'rate': {'rel': 0.001}, 'qty': {'numeric': true},"
                + " 'delta': {'abs': 0.5}, 'code': {'ignoreCase': true}}}");
        assertScore(0.999, v);
        assertContains("(+995 more)", check(v, "mismatched rows").actual());
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
