package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import dev.ale.api.Sandbox;
import dev.ale.api.SandboxException;
import dev.ale.api.spi.SandboxRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxesTest {
    @Test
    void inMemoryQuotaRefusesWritesPastIt() throws IOException {
        try (Sandbox sb = Sandboxes.inMemory(64 * 1024).open(new SandboxRequest("t.1", 0))) {
            Files.write(sb.workspace().resolve("small.bin"), new byte[16 * 1024]);
            assertThrows(IOException.class, () -> Files.write(sb.workspace().resolve("big.bin"), new byte[128 * 1024]));
        }
    }

    @Test
    void noSandboxHoldsAReferenceArea(@TempDir Path tmp) throws IOException {
        try (Sandbox memory = Sandboxes.inMemory().open(new SandboxRequest("t.1", 0));
                Sandbox local = Sandboxes.localDirectory(tmp, false).open(new SandboxRequest("t.1", 0))) {
            assertThrows(UnsupportedOperationException.class, memory::openReferenceArea);
            assertThrows(UnsupportedOperationException.class, local::openReferenceArea);
        }
    }

    @Test
    void localSandboxIsRemovedOnCloseWithoutFollowingLinks(@TempDir Path tmp) throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "keep me");
        Path parent = tmp.resolve("sb");
        Sandbox sb = Sandboxes.localDirectory(parent, false).open(new SandboxRequest("t.1", 0));
        Files.createSymbolicLink(sb.workspace().resolve("link"), outside);
        Files.createSymbolicLink(sb.workspace().resolve("dirlink"), tmp);
        sb.close();
        sb.close();
        try (var left = Files.list(parent)) {
            assertEquals(0, left.count());
        }
        assertEquals("keep me", Files.readString(outside));
    }

    @Test
    void execRunsInTheWorkspaceAndCapturesOutput(@TempDir Path tmp) throws IOException {
        try (Sandbox sb = Sandboxes.localDirectory(tmp, false).open(new SandboxRequest("t.1", 0))) {
            assertTrue(sb.canExecute());
            ExecResult r = sb.exec(new ExecRequest(
                    List.of("sh", "-c", "cat; pwd; echo err >&2; exit 3"),
                    "",
                    Map.of(),
                    "hello\n",
                    Duration.ofSeconds(30)));
            assertEquals(3, r.exitCode());
            assertEquals("hello\n" + sb.workspace().toRealPath() + "\n", r.stdout());
            assertEquals("err\n", r.stderr());
            assertFalse(r.timedOut());
        }
    }

    @Test
    void execKillsTheWholeProcessTreeAtItsTimeout(@TempDir Path tmp) throws Exception {
        try (Sandbox sb = Sandboxes.localDirectory(tmp, false).open(new SandboxRequest("t.1", 0))) {
            ExecResult r =
                    sb.exec(ExecRequest.of(Duration.ofMillis(300), "sh", "-c", "sleep 60 & echo $! > child.pid; wait"));
            assertTrue(r.timedOut());
            assertEquals(-1, r.exitCode());
            long child = Long.parseLong(
                    Files.readString(sb.workspace().resolve("child.pid")).trim());
            var handle = ProcessHandle.of(child);
            if (handle.isPresent()) {
                handle.get().onExit().get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void execRefusesAWorkingDirectoryOutsideTheWorkspace(@TempDir Path tmp) throws IOException {
        try (Sandbox sb = Sandboxes.localDirectory(tmp, false).open(new SandboxRequest("t.1", 0))) {
            assertThrows(
                    SandboxException.class,
                    () -> sb.exec(new ExecRequest(List.of("pwd"), "../..", Map.of(), "", Duration.ofSeconds(5))));
        }
    }

    @Test
    void inMemorySandboxCannotExecute() throws IOException {
        try (Sandbox sb = Sandboxes.inMemory().open(new SandboxRequest("t.1", 0))) {
            assertFalse(sb.canExecute());
            assertThrows(
                    UnsupportedOperationException.class, () -> sb.exec(ExecRequest.of(Duration.ofSeconds(1), "true")));
        }
    }

    @Test
    void resolveInsideRefusesEscapes(@TempDir Path tmp) throws IOException {
        assertNull(FileTrees.resolveInside(tmp, "../x"));
        assertNull(FileTrees.resolveInside(tmp, "/etc/passwd"));
        assertNull(FileTrees.resolveInside(tmp, "a//b"));
        assertNull(FileTrees.resolveInside(tmp, "a\\b"));
        Files.createSymbolicLink(tmp.resolve("l"), tmp.getParent());
        assertNull(FileTrees.resolveInside(tmp, "l/x"));
        assertEquals(tmp.resolve("a/b"), FileTrees.resolveInside(tmp, "a/b"));
    }
}
