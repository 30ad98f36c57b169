package dev.ale.verifiers.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.testfixtures.Liveness;
import dev.ale.verifiers.Fixture;
import dev.ale.verifiers.TestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One verifier type under fuzzing: a fixed, valid reference, several configurations of the type,
 * and seed outputs. {@link #check} writes an output and runs every configuration on it; the
 * property is that each returns a verdict — a malformed, hostile or huge output is a failed gate or
 * a low score, never an exception (which would make the attempt an ERROR) and never a hang.
 *
 * @param file      the output file the configurations read
 * @param configs   verifier configurations (single quotes allowed)
 * @param reference reference files by path
 * @param seeds     seed outputs
 */
record OutputTarget(String file, List<String> configs, Map<String, String> reference, List<byte[]> seeds) {
    /** Far beyond what any input needs; reaching it means the verifier hangs. */
    static final Duration LIVENESS = Duration.ofMinutes(2);

    /** The context and verifiers of a target, in a folder of their own. */
    static final class Prepared {
        final OutputTarget target;
        final TestContext ctx;
        final List<Verifier> verifiers;

        Prepared(OutputTarget target, Path dir) {
            this.target = target;
            this.ctx = TestContext.in(dir);
            target.reference().forEach(ctx::ref);
            this.verifiers = target.configs().stream().map(Fixture::create).toList();
        }

        /**
         * Writes {@code output} as the output file and checks that every configuration gives a verdict;
         * returns them, with null for a configuration that hit a {@link KnownDefects known defect}.
         */
        List<Verdict> check(byte[] output) {
            try {
                Files.write(ctx.output().resolve(target.file()), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Verdict[] verdicts = new Verdict[verifiers.size()];
            Throwable[] thrown = new Throwable[verdicts.length];
            Liveness.guarded(
                    "verifier-property",
                    "the verifiers",
                    LIVENESS,
                    () -> {
                        for (int i = 0; i < verdicts.length; i++) {
                            try {
                                verdicts[i] = verifiers.get(i).verify(ctx);
                            } catch (Throwable e) {
                                thrown[i] = e;
                            }
                        }
                        return null;
                    },
                    () -> "a verifier did not end within the liveness guard of " + LIVENESS);
            for (int i = 0; i < verdicts.length; i++) {
                if (thrown[i] != null && !KnownDefects.tolerated(thrown[i])) {
                    throw new AssertionError(
                            "a verifier threw on an output (only a verdict is allowed): " + thrown[i]
                                    + "\nconfiguration: " + target.configs().get(i),
                            thrown[i]);
                }
                assertTrue(
                        thrown[i] != null || verdicts[i] != null,
                        "no verdict from " + target.configs().get(i));
            }
            return Arrays.asList(verdicts);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final String EXPECTED_JSON = "{\"invoice\": \"INV-7\", \"total\": 1234.5, \"paid\": false, \"note\": null,"
            + " \"lines\": [{\"sku\": \"A-1\", \"qty\": 2, \"amount\": 10.25}, {\"sku\": \"B-2\", \"qty\": 1, \"amount\": 3.5}],"
            + " \"tags\": [\"urgent\", \"q3\"], \"meta\": {}}";

    static final OutputTarget JSON = new OutputTarget(
            "out.json",
            List.of(
                    "{'type': 'json', 'file': 'out.json', 'expectedFile': 'expected.json', 'tolerance': {'abs': 0.01},"
                            + " 'unorderedArrays': ['/tags', '/lines'], 'extraFields': 'fail'}",
                    "{'type': 'json', 'file': 'out.json', 'expected': " + EXPECTED_JSON.replace('"', '\'')
                            + ", 'fields': ['/total', '/lines/1/amount', '/tags', '/meta']}",
                    "{'type': 'json', 'file': 'out.json', 'expectedFile': 'expected.json', 'tolerance': {'rel': 0.001}}"),
            Map.of("expected.json", EXPECTED_JSON),
            List.of(
                    utf8(EXPECTED_JSON),
                    utf8(
                            "{\"invoice\": \"INV-7\", \"total\": \"1,234.50\", \"paid\": false, \"note\": null, \"lines\": "
                                    + "[{\"sku\": \"B-2\", \"qty\": 1, \"amount\": \"$3.50\"}], \"tags\": [\"q3\", \"urgent\", \"x\"], \"extra\": 1}"),
                    utf8("[1, 2, {\"a\": [true, null]}]"),
                    utf8("\"just a string\"")));

    static final String EXPECTED_CSV =
            "id,name,amount,date\n1,Alice,100.00,2024-03-01\n2,\"Bob, Jr.\",-25.50,2024-03-02\n"
                    + "3,\"Multi\nline \"\"quoted\"\"\",0,2024-03-03\n";

    static final OutputTarget CSV = new OutputTarget(
            "out.csv",
            List.of(
                    "{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': 'id',"
                            + " 'columns': {'amount': {'abs': 0.01}, 'name': {'ignoreCase': true, 'trim': true}}, 'extraRows': 'penalize'}",
                    "{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv'}",
                    "{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'expected.csv', 'key': ['id', 'date'], 'compare': ['amount'],"
                            + " 'columns': {'amount': {'rel': 0.01}}}",
                    "{'type': 'csv', 'file': 'out.csv', 'expectedFile': 'semicolons.csv', 'key': 'id', 'delimiter': ';'}"),
            Map.of("expected.csv", EXPECTED_CSV, "semicolons.csv", "id;amount\n1;100.00\n2;(25.50)\n"),
            List.of(
                    utf8(EXPECTED_CSV),
                    utf8(
                            "\uFEFFid,amount,name,date\r\n2,-25.5,bob jr.,2024-03-02\r\n1,\"1,00.00\",ALICE ,2024-03-01\r\n9,1,x,y\r\n"),
                    utf8("id;amount\n1;100\n2;-25.50;extra\n3\n"),
                    utf8("id,name\n\"unclosed,\n1,2,3,4,5\n")));

    static final String MEMO = "Memo\nThe Q3 budget is APPROVED.\nTotal: 1,250 USD\n";

    static final OutputTarget TEXT = new OutputTarget(
            "memo.txt",
            List.of(
                    "{'type': 'text', 'file': 'memo.txt', 'contains': ['Q3', 'approved'], 'notContains': 'TODO',"
                            + " 'regex': ['total: \\\\d[\\\\d,]*', '[A-Z]{2,}\\\\.'], 'ignoreCase': true}",
                    "{'type': 'text', 'file': 'memo.txt', 'equalsFile': 'memo.txt', 'normalizeWhitespace': true}",
                    "{'type': 'text', 'file': 'memo.txt', 'equals': 'Memo\\nThe Q3 budget is APPROVED.\\nTotal: 1,250 USD',"
                            + " 'contains': 'Memo'}"),
            Map.of("memo.txt", MEMO),
            List.of(
                    utf8(MEMO),
                    utf8("\uFEFFMemo\r\nthe q3 BUDGET is approved.\rTOTAL: 1 USD TODO"),
                    utf8(""),
                    utf8("Memo \u00e9\u4e2d\ud83d\ude00\u0000 Q3")));
}
