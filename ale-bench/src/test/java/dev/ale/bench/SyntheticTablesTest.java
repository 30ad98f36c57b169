package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verdict;
import dev.ale.testkit.FolderContext;
import dev.ale.verifiers.VerifierRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier figures measure the matching path: their synthetic outputs must fully pass, and be what they claim. */
class SyntheticTablesTest {
    private final VerifierRegistry registry = VerifierRegistry.discover();

    @Test
    void csvOutputFullyPassesWithRowsReversedAndValuesWithinTolerance(@TempDir Path tmp) throws Exception {
        Path[] dirs = dirs(tmp);
        JsonNode config = SyntheticTables.csv(dirs[0], dirs[1], 500, 3);
        assertEquals(1.0, verify(config, dirs).score());
        List<String> exp = Files.readAllLines(dirs[1].resolve("expected.csv"));
        List<String> out = Files.readAllLines(dirs[0].resolve("out.csv"));
        assertEquals(501, exp.size());
        assertEquals(8, exp.get(0).split(",").length);
        assertTrue(out.get(1).startsWith("R499,") && exp.get(1).startsWith("R0,"), "output rows reversed");
        assertTrue(!exp.get(500).equals(out.get(1)), "cells differ within their rules, not identical");
    }

    @Test
    void jsonOutputFullyPassesOnTheAskedNumberOfFields(@TempDir Path tmp) throws Exception {
        Path[] dirs = dirs(tmp);
        Verdict v = verify(SyntheticTables.json(dirs[0], dirs[1], 300, 3), dirs);
        assertEquals(1.0, v.score(), v.summary());
        assertEquals(300, v.checks().size(), "one check per field");
    }

    @Test
    void weightedFullyPassesOverTheAskedNumberOfChecks(@TempDir Path tmp) throws Exception {
        Path[] dirs = dirs(tmp);
        Verdict v = verify(SyntheticTables.weighted(dirs[0], 40, 3), dirs);
        assertEquals(1.0, v.score(), v.summary());
        assertEquals(40, v.checks().size());
        assertEquals(
                List.of("file-exists", "text", "number", "json"),
                SyntheticTables.weighted(dirs[0], 4, 3).path("checks").findValuesAsText("type"));
    }

    @Test
    void theSameSeedWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        Path[] a = dirs(tmp.resolve("a"));
        Path[] b = dirs(tmp.resolve("b"));
        SyntheticTables.csv(a[0], a[1], 50, 11);
        SyntheticTables.csv(b[0], b[1], 50, 11);
        assertArrayEquals(Files.readAllBytes(a[0].resolve("out.csv")), Files.readAllBytes(b[0].resolve("out.csv")));
        assertArrayEquals(
                Files.readAllBytes(a[1].resolve("expected.csv")), Files.readAllBytes(b[1].resolve("expected.csv")));
    }

    private Verdict verify(JsonNode config, Path[] dirs) throws Exception {
        return registry.create(config, "")
                .verify(FolderContext.of(
                        dirs[0], dirs[1], BenchTasks.tiny("t", 1).get(0).spec()));
    }

    private static Path[] dirs(Path root) throws Exception {
        return new Path[] {Files.createDirectories(root.resolve("out")), Files.createDirectories(root.resolve("ref"))};
    }
}
