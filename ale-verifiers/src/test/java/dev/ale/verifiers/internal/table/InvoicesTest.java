package dev.ale.verifiers.internal.table;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import org.junit.jupiter.api.BeforeEach;

/** Tests of the csv verifier against the four expected invoices of {@link #EXPECTED}, keyed by invoice_id. */
abstract class InvoicesTest extends ContextTest {
    static final String EXPECTED =
            "invoice_id,name,amount\nA1,Acme,100.00\nA2,Globex,250.50\nA3,Initech,75\nA4,Umbrella,10\n";

    @BeforeEach
    final void expectedInvoices() {
        ctx.ref("expected.csv", EXPECTED);
    }

    /** The verdict on {@code output} written as out.csv, keyed by invoice_id, with more {@code options}. */
    Verdict csv(String output, String options) throws Exception {
        ctx.out("out.csv", output);
        return invoices("out.csv", options);
    }

    /** The verdict on the output file {@code file} against the expected invoices, with more {@code options}. */
    Verdict invoices(String file, String options) throws Exception {
        return ctx.verify("{'type': 'csv', 'file': '" + file + "', 'expectedFile': 'expected.csv', 'key': 'invoice_id'"
                + (options.isEmpty() ? "" : ", " + options) + "}");
    }
}
