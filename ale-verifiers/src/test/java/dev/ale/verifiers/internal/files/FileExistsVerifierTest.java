package dev.ale.verifiers.internal.files;

import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileExistsVerifierTest extends ContextTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'file-exists'} -> ``
            {'type': 'file-exists', 'path': 'a', 'paths': ['b']} -> /path
            {'type': 'file-exists', 'paths': ['a', '/etc/passwd']} -> /paths/1
            {'type': 'file-exists', 'paths': ['a', 'b/../../c']} -> /paths/1
            {'type': 'file-exists', 'path': '../x'} -> /path
            {'type': 'file-exists', 'paths': ['a', 'a']} -> /paths/1
            {'type': 'file-exists', 'paths': []} -> /paths
            {'type': 'file-exists', 'paths': [3]} -> /paths/0
            {'type': 'file-exists', 'path': 'a', 'nonempty': true} -> /nonempty
            {'type': 'file-exists', 'path': 'a', 'nonEmpty': 'yes'} -> /nonEmpty
            """;

    @BeforeEach
    void files() throws Exception {
        ctx.out("report.md", "# Report").out("out/summary.csv", "").out("notes/a.txt", "a");
        Files.createDirectories(ctx.output().resolve("empty"));
    }

    @Test
    void scoresPresentOverListed() throws Exception {
        Verdict v =
                ctx.verify("{'type': 'file-exists', 'paths': ['report.md', 'out/summary.csv', 'notes', 'gone.txt']}");
        assertScore(0.75, v);
        assertEquals(4, v.checks().size());
        assertFalse(check(v, "gone.txt").passed());
        assertEquals("missing", check(v, "gone.txt").actual());
        assertTrue(check(v, "notes").passed());
        assertScore(1, ctx.verify("{'type': 'file-exists', 'path': 'report.md'}"));
        assertScore(0, ctx.verify("{'type': 'file-exists', 'path': 'gone.txt'}"));
    }

    @Test
    void nonEmptyRefusesEmptyFilesAndDirectories() throws Exception {
        String paths = "'paths': ['report.md', 'out/summary.csv', 'empty', 'notes']";
        assertScore(1, ctx.verify("{'type': 'file-exists', " + paths + "}"));
        Verdict v = ctx.verify("{'type': 'file-exists', " + paths + ", 'nonEmpty': true}");
        assertScore(0.5, v);
        assertEquals("empty file", check(v, "out/summary.csv").actual());
        assertEquals("empty directory", check(v, "empty").actual());
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesBadConfigsAtTheirPointers(String config, String field) {
        refused(config, field);
    }
}
