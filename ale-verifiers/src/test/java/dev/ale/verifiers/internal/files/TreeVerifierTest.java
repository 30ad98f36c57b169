package dev.ale.verifiers.internal.files;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import dev.ale.verifiers.Fixture;
import dev.ale.verifiers.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TreeVerifierTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'tree'} -> ``
            {'type': 'tree', 'glob': 'a', 'globs': ['b']} -> /globs
            {'type': 'tree', 'glob': '../a'} -> /glob
            {'type': 'tree', 'glob': '/etc/*'} -> /glob
            {'type': 'tree', 'glob': 'a', 'min': 3, 'max': 1} -> /max
            {'type': 'tree', 'globs': ['a'], 'min': 3} -> /min
            {'type': 'tree', 'globs': ['a', {'glob': 'b/[x'}]} -> /globs/1/glob
            {'type': 'tree', 'globs': ['a', 'a']} -> /globs/1
            {'type': 'tree', 'globs': [{'glob': 'a', 'minimum': 1}]} -> /globs/0/minimum
            {'type': 'tree', 'globs': []} -> /globs
            {'type': 'tree', 'glob': 'a', 'weight': 2} -> /weight
            """;

    @BeforeEach
    void files() {
        ctx.out("reports/q1.pdf", "%PDF")
                .out("reports/q2.pdf", "%PDF")
                .out("reports/q3.pdf", "")
                .out("reports/old/q0.pdf", "%PDF")
                .out("notes.txt", "n")
                .out("tmp/x.tmp", "t");
    }

    @Test
    void countsMatchingFilesAgainstMinAndMax() throws Exception {
        assertScore(1, ctx.verify("{'type': 'tree', 'glob': 'reports/*.pdf', 'min': 3, 'max': 10}"));
        assertScore(0, ctx.verify("{'type': 'tree', 'glob': 'reports/*.pdf', 'min': 4}"));
        assertScore(0, ctx.verify("{'type': 'tree', 'glob': 'reports/**/*.pdf', 'max': 3}"));
        assertScore(1, ctx.verify("{'type': 'tree', 'glob': 'reports/**/*.pdf', 'exactly': 4}"));
        assertScore(1, ctx.verify("{'type': 'tree', 'glob': 'notes.txt'}"));
        Verdict v = ctx.verify("{'type': 'tree', 'glob': 'reports/*.pdf', 'min': 3, 'nonEmpty': true}");
        assertScore(0, v);
        assertEquals(
                "2 files: reports/q1.pdf, reports/q2.pdf", v.checks().get(0).actual());
        assertEquals("at least 3 non-empty files", v.checks().get(0).expected());
    }

    @Test
    void severalRulesScoreTheirWeightedShare() throws Exception {
        Verdict v =
                ctx.verify("{'type': 'tree', 'globs': ['notes.txt', {'glob': 'reports/*.pdf', 'min': 5, 'weight': 2},"
                        + " {'glob': '**/*.tmp', 'max': 0, 'weight': 3}, {'glob': 'README*'}]}");
        // notes 1 + pdfs 0 of 2 + tmp 0 of 3 + README 0 of 1
        assertScore(1.0 / 7, v);
        assertEquals("1 file: tmp/x.tmp", check(v, "glob '**/*.tmp'").actual());
        assertFalse(check(v, "glob 'README*'").passed());
        assertScore(
                2.0 / 3,
                ctx.verify("{'type': 'tree', 'nonEmpty': true, 'globs': ['notes.txt', 'reports/q3.pdf',"
                        + " {'glob': 'reports/q3.pdf', 'nonEmpty': false}]}"));
    }

    @Test
    void linksAreNeitherFollowedNorCounted() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("leak.pdf"), "%PDF");
        try {
            Files.createSymbolicLink(ctx.output().resolve("reports/linked"), outside);
            Files.createSymbolicLink(ctx.output().resolve("reports/alias.pdf"), outside.resolve("leak.pdf"));
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }
        Verdict v = ctx.verify("{'type': 'tree', 'glob': 'reports/**/*.pdf', 'exactly': 4}");
        assertScore(1, v);
        assertFalse(
                v.checks().get(0).actual().contains("leak"), v.checks().get(0).actual());
    }

    @Test
    void tooManyEntriesIsAGateAndVeryDeepFilesAreNotVisited() throws Exception {
        TreeVerifierFactory.Tree small = new TreeVerifierFactory.Tree(
                ((TreeVerifierFactory.Tree) Fixture.create("{'type': 'tree', 'glob': '**'}")).rules(), 5);
        assertGate("(output)", "more than 5 entries", small.verify(ctx));
        TestContext deep = TestContext.in(dir.resolve("deep"))
                .out("d/".repeat(TreeVerifierFactory.MAX_DEPTH) + "x.txt", "x")
                .out("d/".repeat(TreeVerifierFactory.MAX_DEPTH - 1) + "y.txt", "y");
        assertScore(
                1,
                deep.verify(
                        "{'type': 'tree', 'globs': [{'glob': '**/y.txt', 'exactly': 1}, {'glob': '**/x.txt', 'max': 0}]}"));
    }

    @Test
    void anEmptyOrMissingOutputCountsNothing() throws Exception {
        TestContext empty = TestContext.in(dir.resolve("empty"));
        assertScore(0, empty.verify("{'type': 'tree', 'glob': '**'}"));
        assertScore(1, empty.verify("{'type': 'tree', 'glob': '**', 'max': 0}"));
        assertTrue(empty.verify("{'type': 'tree', 'glob': 'a/b/*'}")
                .checks()
                .get(0)
                .actual()
                .startsWith("0 files"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
