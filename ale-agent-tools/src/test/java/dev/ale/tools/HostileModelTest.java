package dev.ale.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ale.api.Sandbox;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.core.Sandboxes;
import dev.ale.testfixtures.SessionFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool kit against a model that hunts for what lies outside its workspace (a secret beside it,
 * /etc, the pack) or tries to hang or flood the agent: every attempt here must be refused or capped.
 */
class HostileModelTest {
    @TempDir
    Path tmp;

    private Sandbox sandbox;
    private Path ws;
    private Path secret;
    private SessionFixture session;
    private AgentTools tools;

    @BeforeEach
    void open() throws Exception {
        sandbox = Sandboxes.localDirectory(tmp.resolve("sandboxes"), false).open(new SandboxRequest("hostile.1", 0));
        ws = sandbox.workspace();
        secret = Files.writeString(tmp.resolve("answer.txt"), "THE-ANSWER-42\n");
        session = SessionFixture.over(sandbox);
        tools = AgentTools.forSession(
                session,
                ToolLimits.builder()
                        .maxOutputChars(1_000)
                        .maxScanBytes(1 << 20)
                        .maxWriteBytes(1 << 16)
                        .maxListEntries(50)
                        .maxSearchMatches(5)
                        .maxSearchFileBytes(1 << 16)
                        .commandTimeout(Duration.ofSeconds(10))
                        .build());
        Files.writeString(ws.resolve("input.txt"), "hello\n");
    }

    @AfterEach
    void close() throws Exception {
        sandbox.close();
    }

    @Test
    void refusesAbsolutePathsAndClimbingOut() {
        for (String path : List.of(
                secret.toString(),
                "/etc/passwd",
                "/proc/self/environ",
                "~/.ssh/id_rsa",
                "../../answer.txt",
                "../../../answer.txt",
                "a/../../x",
                "..",
                "C:\\Windows\\win.ini",
                "\\etc\\passwd")) {
            ToolResult r = tools.readFile(path, 1, 0);
            assertTrue(r.error(), path + " gave " + r.output());
            assertFalse(r.output().contains("THE-ANSWER"), path);
            assertTrue(tools.writeFile(path, "x").error(), path);
            assertTrue(tools.listFiles(path, 1).error(), path);
            assertTrue(tools.searchFiles("ANSWER", path, null, false).error(), path);
        }
        assertTrue(tools.readFile("in\0put.txt", 1, 0).error());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void refusesSymbolicLinksThatLeadOut() throws IOException {
        Files.createSymbolicLink(ws.resolve("link.txt"), secret);
        Files.createSymbolicLink(ws.resolve("outside"), tmp);
        Files.createSymbolicLink(ws.resolve("dangling"), tmp.resolve("not-yet"));
        Files.createSymbolicLink(ws.resolve("inside.txt"), ws.resolve("input.txt"));
        for (String path : List.of("link.txt", "outside/answer.txt", "outside", "dangling")) {
            assertTrue(tools.readFile(path, 1, 0).error(), path);
            assertTrue(tools.writeFile(path, "pwned").error(), path);
            assertTrue(tools.editFile(path, "THE", "OUR", false).error(), path);
        }
        assertTrue(tools.writeFile("outside/new.txt", "pwned").error());
        assertTrue(tools.writeFile("dangling", "pwned").error());
        assertTrue(tools.listFiles("outside", 1).error());
        assertEquals("THE-ANSWER-42\n", Files.readString(secret));
        assertFalse(Files.exists(tmp.resolve("not-yet")));
        assertFalse(Files.exists(tmp.resolve("new.txt")));
        // a listing or search shows links without following them
        String listing = tools.listFiles(".", 3).output();
        assertTrue(listing.contains("outside  (symbolic link)"), listing);
        assertFalse(listing.contains("answer.txt"), listing);
        assertFalse(tools.searchFiles("ANSWER", ".", null, false).output().contains("THE-ANSWER"));
        // a link that stays inside reads; writing through it is refused all the same
        assertEquals("hello\n", tools.readFile("inside.txt", 1, 0).output());
        assertTrue(tools.writeFile("inside.txt", "x").error());
    }

    @Test
    void neverOpensPipesOrDevices() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo")),
                "mkfifo is not installed");
        Process p = new ProcessBuilder("mkfifo", ws.resolve("pipe").toString()).start();
        assertEquals(0, p.waitFor());
        assertTrue(tools.readFile("pipe", 1, 0).output().contains("not a regular file"));
        assertTrue(tools.writeFile("pipe", "x").output().contains("not a regular file"));
        assertTrue(tools.editFile("pipe", "a", "b", false).output().contains("not a regular file"));
        assertEquals("(no matches)\n", tools.searchFiles("x", ".", null, false).output());
        assertTrue(tools.listFiles(".", 1).output().contains("pipe  (special file)"));
    }

    @Test
    void capsHugeFilesLongLinesAndBinaries() throws IOException {
        Path big = ws.resolve("big.txt");
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 1; i <= 200_000; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        ToolResult head = tools.readFile("big.txt", 1, 0);
        assertTrue(head.output().length() <= 1_100, "output of " + head.output().length() + " characters");
        assertTrue(head.output().contains("read on with start_line="), head.output());
        String next = head.output().replaceAll("(?s).*start_line=(\\d+).*", "$1");
        assertTrue(tools.readFile("big.txt", Integer.parseInt(next), 0).output().startsWith("line " + next + "\n"));
        ToolResult deep = tools.readFile("big.txt", 190_000, 190_001);
        assertTrue(deep.output().contains("stopped after reading the first 1,048,576 bytes"), deep.output());
        Files.writeString(ws.resolve("one-line.txt"), "x".repeat(5_000_000));
        ToolResult line = tools.readFile("one-line.txt", 1, 1);
        assertTrue(line.output().length() <= 1_100, "output of " + line.output().length() + " characters");
        Files.write(ws.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertEquals(
                "(image.png is a binary file of 12 bytes; read_file shows UTF-8 text only)",
                tools.readFile("image.png", 1, 0).output());
        Files.write(ws.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        assertTrue(tools.readFile("latin1.txt", 1, 0).output().contains("binary file"));
        assertTrue(tools.editFile("image.png", "PNG", "GIF", false).output().contains("binary file"));
        assertTrue(tools.writeFile("flood.txt", "y".repeat(70_000)).output().contains("over the cap"));
        assertFalse(Files.exists(ws.resolve("flood.txt")));
        Files.writeString(ws.resolve("many.txt"), "match\n".repeat(100));
        String found = tools.searchFiles("match", ".", null, false).output();
        assertEquals(5, found.lines().filter(l -> l.startsWith("many.txt:")).count(), found);
        assertTrue(found.contains("[stopped at 5 matches"), found);
        assertTrue(found.contains("files skipped: binary, not UTF-8, or over 65,536 bytes]"), found);
    }

    @Test
    void aCatastrophicRegularExpressionFailsInsteadOfHanging() throws IOException {
        Files.writeString(ws.resolve("aaa.txt"), "a".repeat(40) + "!\n");
        ToolResult r = tools.searchFiles("(.*a){25}", ".", null, true);
        assertTrue(r.error());
        assertTrue(r.output().contains("used up its budget"), r.output());
    }

    @Test
    void capsCommandOutputKeepingItsEnd() {
        ToolResult r = tools.runCommand("seq 1 100000; echo done", Duration.ofSeconds(10));
        assertTrue(r.truncated());
        assertTrue(r.output().length() <= 1_100, "output of " + r.output().length() + " characters");
        assertTrue(r.output().startsWith("exit code 0\n1\n2\n"), r.output());
        assertTrue(r.output().endsWith("100000\ndone\n"), r.output());
        assertTrue(r.output().contains("characters cut here]"));
    }

    @Test
    void stopsACommandAtTheToolTimeout() {
        ToolResult r = tools.runCommand("sleep 30", Duration.ofSeconds(1));
        assertTrue(r.output().startsWith("exit code -1 (stopped after 1 s)"), r.output());
    }
}
