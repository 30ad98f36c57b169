package dev.ale.verifiers.internal.support;

import static dev.ale.verifiers.Fixture.assertContainsAll;
import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ale.api.AleException;
import dev.ale.verifiers.TestContext;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeFilesTest {
    @TempDir
    Path dir;

    TestContext ctx;
    Path secret;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(dir);
        secret = Files.writeString(
                Files.createDirectories(dir.resolve("outside")).resolve("secret.txt"), "the answer is 42");
    }

    /**
     * A link in the output (to a file outside, a folder outside, a file inside), the file a
     * verifier reads through it, the gate that read fails and the verifier.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
                    memo.txt  | outside/secret.txt | memo.txt       | symbolic link            | {'type': 'text', 'file': 'memo.txt', 'contains': '42'}
                    memo.txt  | outside/secret.txt | memo.txt       | symbolic link            | {'type': 'file-exists', 'path': 'memo.txt'}
                    memo.txt  | outside/secret.txt | memo.txt       | symbolic link            | {'type': 'number', 'file': 'memo.txt', 'regex': '\\\\d+', 'expected': 42}
                    out       | outside            | out/secret.txt | 'out' is a symbolic link | {'type': 'text', 'file': 'out/secret.txt', 'contains': '42'}
                    alias.txt | output/real.txt    | alias.txt      | symbolic link            | {'type': 'text', 'file': 'alias.txt', 'contains': '42'}
                    """)
    void refusesALinkOnTheWayEvenOneThatStaysInside(String link, String target, String file, String gate, String config)
            throws Exception {
        ctx.out("real.txt", "42");
        Files.createSymbolicLink(ctx.output().resolve(link), dir.resolve(target));
        assertGate(file, gate, ctx.verify(config));
    }

    @Test
    void aReferenceLinkIsATaskErrorNotAGate() throws Exception {
        ctx.out("memo.txt", "the answer is 42");
        Files.createSymbolicLink(ctx.reference().resolve("expected.txt"), secret);
        AleException e = assertThrows(
                AleException.class,
                () -> ctx.verify("{'type': 'text', 'file': 'memo.txt', 'equalsFile': 'expected.txt'}"));
        assertContainsAll(e.getMessage(), "reference/expected.txt", "symbolic link");
    }

    @Test
    void aPathThroughAFileIsMissing() throws Exception {
        ctx.out("a.txt", "x");
        SafeFiles.Found f = SafeFiles.find(ctx.output(), RelPath.parse("a.txt/b.txt"));
        assertEquals(SafeFiles.Kind.MISSING, f.kind());
        assertScore(0, ctx.verify("{'type': 'file-exists', 'path': 'a.txt/b.txt'}"));
    }

    @Test
    void aDirectoryIsNotAFileToRead() throws Exception {
        Files.createDirectories(ctx.output().resolve("memo.txt"));
        assertGate("memo.txt", "is a directory", ctx.verify("{'type': 'text', 'file': 'memo.txt', 'contains': 'x'}"));
    }

    @Test
    @SuppressWarnings("try") // opening the FIFO is the point: it releases the blocked writer
    void refusesAFifoRatherThanBlockOnIt() throws Exception {
        Path fifo = ctx.output().resolve("out.json");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
        // A writer, so that a verifier that wrongly opened the FIFO would read {"a": 1} instead of blocking.
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "{\"a\": 1}");
            } catch (IOException e) {
                // the test released the writer without reading
            }
        });
        writer.start();
        try {
            assertGate(
                    "out.json",
                    "not a regular file",
                    ctx.verify("{'type': 'json', 'file': 'out.json', 'expected': {'a': 1}}"));
        } finally {
            while (writer.isAlive()) {
                try (RandomAccessFile release = new RandomAccessFile(fifo.toFile(), "rw")) {
                    writer.join(10);
                }
            }
        }
    }

    @Test
    void capsReadsAtTheLimit() throws Exception {
        Path f = Files.write(dir.resolve("ten"), new byte[10]);
        assertArrayEquals(new byte[10], SafeFiles.readCapped(f, 10));
        assertNull(SafeFiles.readCapped(f, 9));
    }

    @Test
    void aFileLongerThanItsSizeSaidIsReadWholeUnderTheSameCap() throws Exception {
        // /proc files report size 0 and then deliver their text: the array made for the size is outgrown
        Path cmdline = Path.of("/proc/self/cmdline");
        assumeTrue(Files.isReadable(cmdline) && Files.size(cmdline) == 0, "needs Linux /proc");
        byte[] whole = Files.readAllBytes(cmdline);
        assertTrue(whole.length > 1);
        assertArrayEquals(whole, SafeFiles.readCapped(cmdline, 1 << 20));
        assertArrayEquals(whole, SafeFiles.readCapped(cmdline, whole.length));
        assertNull(SafeFiles.readCapped(cmdline, whole.length - 1));
        assertNull(SafeFiles.readCapped(cmdline, 0));
    }

    @Test
    void anEmptyFileIsNoBytes() throws Exception {
        assertArrayEquals(new byte[0], SafeFiles.readCapped(Files.write(dir.resolve("empty"), new byte[0]), 0));
    }

    @Test
    void aFileOverSixtyFourMebibytesIsAGate() throws Exception {
        try (RandomAccessFile big =
                new RandomAccessFile(ctx.output().resolve("big.json").toFile(), "rw")) {
            big.setLength(SafeFiles.MAX_READ_BYTES + 1);
        }
        assertGate(
                "big.json", "file too large", ctx.verify("{'type': 'json', 'file': 'big.json', 'expected': {'a': 1}}"));
        assertGate("big.json", "file too large", ctx.verify("{'type': 'text', 'file': 'big.json', 'contains': 'a'}"));
    }

    @Test
    void parsesOnlyRelativePathsInside() {
        assertEquals(
                List.of("out", "summary.csv"), RelPath.parse("out/summary.csv").segments());
        for (String bad : List.of("", "/etc/passwd", "C:/x", "a/../b", "..", "./a", "a//b", "a/", "a\\b", "a\0b")) {
            assertThrows(IllegalArgumentException.class, () -> RelPath.parse(bad), bad);
        }
    }
}
