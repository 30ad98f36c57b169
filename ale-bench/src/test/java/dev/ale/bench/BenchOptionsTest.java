package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void defaultsAreFullSizeEveryGroupTheDefaultFileAndSeed() {
        BenchOptions o = BenchOptions.parse();
        assertFalse(o.quick());
        assertEquals(Path.of("ale-bench-results.jsonl"), o.out());
        assertEquals(BenchOptions.DEFAULT_SEED, o.seed());
        assertEquals(Set.copyOf(BenchOptions.GROUPS), o.groups());
    }

    @Test
    void readsEveryOption() {
        BenchOptions o = BenchOptions.parse("--quick", "--out", "x/r.jsonl", "--seed", "-7", "--only", "pack, memory");
        assertTrue(o.quick());
        assertEquals(Path.of("x/r.jsonl"), o.out());
        assertEquals(-7, o.seed());
        assertTrue(o.runs("pack") && o.runs("memory"));
        assertFalse(o.runs("runner"));
    }

    @Test
    void refusesUnknownArgumentsGroupsMissingValuesAndBadSeeds() {
        assertEquals(
                "unknown argument '--fast'",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--fast"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--only", "runner,disk"))
                .getMessage()
                .startsWith("--only: unknown group 'disk'"));
        assertEquals(
                "--out needs a value",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--out"))
                        .getMessage());
        assertEquals(
                "--out needs a value",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--out", "--quick"))
                        .getMessage());
        assertEquals(
                "--seed: 'abc' is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--seed", "abc"))
                        .getMessage());
    }

    @Test
    void peersAreScriptsThatMustExist(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path script = Files.writeString(tmp.resolve("peer.sh"), "echo");
        BenchOptions o = BenchOptions.parse("--promptfoo", script.toString(), "--csv-peer", script.toString());
        assertEquals(script, o.promptfoo());
        assertEquals(script, o.csvPeer());
        assertEquals(null, BenchOptions.parse().promptfoo());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> BenchOptions.parse(
                                "--csv-peer", tmp.resolve("missing.py").toString()))
                .getMessage()
                .startsWith("--csv-peer: no such file"));
    }

    @Test
    void mainPrintsTheUsageForHelpAndExitsWith2OnABadCommandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, BenchMain.run(new String[] {"--help"}, print(out), print(err)));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: java -jar ale-bench.jar"));
        assertEquals(2, BenchMain.run(new String[] {"--bogus"}, print(out), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("ale-bench: unknown argument '--bogus'\nusage:"));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
