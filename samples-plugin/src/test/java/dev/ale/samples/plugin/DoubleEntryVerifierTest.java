package dev.ale.samples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.testkit.FolderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoubleEntryVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "entry_id,account,debit,credit\n";

    @TempDir
    Path root;

    private Path out;

    @BeforeEach
    void output() throws IOException {
        out = Files.createDirectories(root.resolve("output"));
    }

    @Test
    void aBalancedJournalScoresOne() throws Exception {
        Verdict v = verify(HEADER + "J1,6100,100.00,\nJ1,2100,,100.00\nJ2,6400,50,\nJ2,1590,,20\nJ2,1591,,30\n");
        assertEquals(1.0, v.score());
        assertEquals("2 of 2 journal entries balance", v.summary());
    }

    @Test
    void partialCreditIsBalancedEntriesOverEntriesNamingTheOthers() throws Exception {
        Verdict v = verify(HEADER + "J1,6100,100,\nJ1,2100,,100\nJ2,6400,50,\nJ2,1590,,49\n"
                + "J3,6300,10,\nJ3,1300,,10\nJ4,6800,5,\nJ4,2300,,5\n");
        assertEquals(0.75, v.score());
        assertFalse(v.gateFailed());
        Check unbalanced = v.checks().get(0).children().get(0);
        assertEquals("entry J2", unbalanced.name());
        assertEquals("debits 50, credits 49", unbalanced.actual());
    }

    @Test
    void differencesWithinTheToleranceBalance() throws Exception {
        assertEquals(1.0, verify(HEADER + "J1,1,10.004,\nJ1,2,,10\n").score());
        assertEquals(0.0, verify(HEADER + "J1,1,10.006,\nJ1,2,,10\n").score());
        assertEquals(
                1.0,
                verify("{\"file\": \"journal.csv\", \"tolerance\": 0.01}", HEADER + "J1,1,10.006,\nJ1,2,,10\n")
                        .score());
    }

    @Test
    void aMissingFileIsAHardGate() throws Exception {
        Verdict v = create("{\"file\": \"journal.csv\"}").verify(context());
        assertTrue(v.gateFailed());
        assertTrue(v.checks().get(0).gate());
        assertEquals("journal.csv: missing", v.summary());
    }

    @Test
    void missingColumnsAreAHardGateNamingThem() throws Exception {
        Verdict v = verify("entry_id,account,debit\nJ1,1,10\n");
        assertTrue(v.gateFailed());
        assertEquals("journal.csv: lacks column credit", v.summary());
    }

    @Test
    void aJournalWithoutEntriesOrWithBrokenCsvIsAHardGate() throws Exception {
        assertEquals("journal.csv: no journal entries", verify(HEADER).summary());
        assertEquals("journal.csv: empty: no header", verify("").summary());
        assertTrue(verify(HEADER + "J1,1,\"10,\n")
                .summary()
                .startsWith("journal.csv: malformed CSV: line 2: quoted field is not closed"));
    }

    @Test
    void entriesThatCannotBeAddedUpDoNotBalance() throws Exception {
        Verdict v = verify(HEADER + "J1,1,ten,\nJ1,2,,10\n,3,5,\n,4,,5\nJ3,5,0,\nJ3,6,,0\nJ4,7,1,\nJ4,8,,1\n");
        assertEquals(1.0 / 5, v.score(), 1e-12);
        String actuals = v.checks().get(0).children().stream()
                .map(Check::actual)
                .toList()
                .toString();
        assertTrue(actuals.contains("row 1: debit 'ten' is not a number"), actuals);
        assertTrue(actuals.contains("row 3 has no entry_id"), actuals);
        assertTrue(actuals.contains("no amounts"), actuals);
    }

    @Test
    void readsQuotedFieldsThousandsSeparatorsByteOrderMarksAndCrlf() throws Exception {
        Verdict v = verify("\uFEFFentry_id,account,debit,credit,memo\r\n"
                + "J1,1,\"1,234.50\",,\"Rent, March\"\r\nJ1,2,,$1234.50,\"said \"\"paid\"\"\nlater\"\r\n");
        assertEquals(1.0, v.score(), v.toString());
    }

    @Test
    void columnsAndDelimiterAreConfigurable() throws Exception {
        Verdict v = verify(
                "{\"file\": \"out/j.csv\", \"entryColumn\": \"je\", \"debitColumn\": \"dr\", "
                        + "\"creditColumn\": \"cr\", \"delimiter\": \";\"}",
                "je;dr;cr\nA;5;\nA;;5\n",
                "out/j.csv");
        assertEquals(1.0, v.score());
    }

    @Test
    void aLinkIsRefused() throws Exception {
        Path real = Files.writeString(root.resolve("outside.csv"), HEADER + "J1,1,1,\nJ1,2,,1\n");
        try {
            Files.createSymbolicLink(out.resolve("journal.csv"), real);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links on this file system: nothing to refuse
        }
        Verdict v = create("{\"file\": \"journal.csv\"}").verify(context());
        assertTrue(v.gateFailed());
        assertEquals("journal.csv: refused: a symbolic link", v.summary());
    }

    @Test
    void badConfigurationsFailAtCreateNamingTheField() {
        assertField("/typo", "{\"file\": \"j.csv\", \"typo\": 1}");
        assertField("/file", "{}");
        assertField("/file", "{\"file\": \"/etc/j.csv\"}");
        assertField("/file", "{\"file\": \"../j.csv\"}");
        assertField("/tolerance", "{\"file\": \"j.csv\", \"tolerance\": -1}");
        assertField("/delimiter", "{\"file\": \"j.csv\", \"delimiter\": \"ab\"}");
        assertField("/debitColumn", "{\"file\": \"j.csv\", \"debitColumn\": 3}");
        assertField("", "{\"file\": \"j.csv\", \"debitColumn\": \"amount\", \"creditColumn\": \"amount\"}");
    }

    private static void assertField(String field, String config) {
        VerifierConfigException e = assertThrows(VerifierConfigException.class, () -> create(config));
        assertEquals(field, e.field(), e.getMessage());
    }

    private Verdict verify(String csv) throws Exception {
        return verify("{\"file\": \"journal.csv\"}", csv);
    }

    private Verdict verify(String config, String csv) throws Exception {
        return verify(config, csv, "journal.csv");
    }

    private Verdict verify(String config, String csv, String file) throws Exception {
        Path p = out.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, csv);
        return create(config).verify(context());
    }

    private static Verifier create(String config) throws IOException {
        JsonNode node = JSON.readTree(config);
        ((ObjectNode) node).put("type", DoubleEntryVerifierFactory.TYPE);
        return new DoubleEntryVerifierFactory().create(node, null);
    }

    /** The output folder, no reference (a double-entry check needs none). */
    private VerificationContext context() {
        return FolderContext.of(out, out.resolveSibling("no-reference"));
    }
}
