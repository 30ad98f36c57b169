package dev.ale.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.SessionOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Processes started directly: a clean environment, the whole tree killed, and what the options refuse. */
@DisabledOnOs(OS.WINDOWS)
class LocalLauncherTest {
    @TempDir
    Path tmp;

    @Test
    void aChildGetsTheAllowListHomeAndTheNamedVariablesNeverAnAleOne() throws Exception {
        Map<String, String> host = Map.of(
                "PATH", "/usr/bin:/bin",
                "LANG", "C.UTF-8",
                "ALE_REFERENCE_KEY", "TOKEN-KEY",
                "OPENAI_API_KEY", "sk-passed",
                "AWS_SECRET_ACCESS_KEY", "not-named");
        Map<String, String> env = ChildEnvironment.of("/workspace", List.of("OPENAI_API_KEY", "TZ"), host);
        assertEquals(
                Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "HOME", "/workspace", "OPENAI_API_KEY", "sk-passed"),
                env);
        assertThrows(
                IllegalArgumentException.class, () -> ChildEnvironment.of("/w", List.of("ALE_REFERENCE_KEY"), host));
        assertThrows(IllegalArgumentException.class, () -> ChildEnvironment.checkName("A=B"));
    }

    @Test
    void theProcessSeesExactlyItsEnvironment() throws Exception {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Launched r = Launched.run(ProcessLauncher.local(), ws, "env | sort", Map.of("AGENT_MODEL", "m1"));
        assertEquals(0, r.exit(), r.toString());
        List<String> names =
                r.out().lines().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertTrue(
                List.of("AGENT_MODEL", "HOME", "LANG", "PATH", "PWD", "SHLVL", "TZ", "_")
                        .containsAll(names),
                r.out());
        assertTrue(r.out().contains("HOME=" + ws.toAbsolutePath()), r.out());
    }

    @Test
    void closingKillsTheChildrenItStartedThatAreStillRunning() throws Exception {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        String marker = "8" + ProcessHandle.current().pid() + "2";
        Launched.assertLeavesNothingRunning(
                ProcessLauncher.local(),
                ws,
                marker,
                "sleep " + marker + " > /dev/null 2>&1 & sh -c 'sleep " + marker
                        + "' > /dev/null 2>&1 & sleep 0.3; echo up",
                "up\n",
                "a child outlived the process tree");
    }

    @Test
    void aWorkingDirectoryOutsideTheMountsAndAMissingBwrapAreRefused() {
        Path ws = tmp.resolve("ws");
        assertThrows(IllegalArgumentException.class, () -> LaunchSpec.builder(List.of("true"))
                .mount(Mount.readWrite(ws, "/workspace"))
                .directory(tmp)
                .build());
        assertThrows(IllegalArgumentException.class, () -> Mount.readOnly(ws, "/a/../etc"));
        BubblewrapOptions missing =
                BubblewrapOptions.builder().program(tmp.resolve("no-bwrap")).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProcessLauncher.bubblewrap(missing));
        assertTrue(e.getMessage().contains("sudo apt-get install bubblewrap"), e.getMessage());
        assertFalse(missing.unusable().isEmpty());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aCommandWhoseMainThreadEndsAloneIsKilledAtTheDeadlineWithItsOtherThreads() throws Exception {
        // a hostile agent: its main thread ends (the process is a zombie to the kernel) while a thread
        // keeps rewriting the deliverable, so as to change it while it is graded
        Path agent = tmp.resolve("headless.py");
        Files.writeString(
                agent,
                String.join(
                        "\n",
                        "import ctypes, os, threading, time",
                        "open('pid.txt', 'w').write(str(os.getpid()))",
                        "def work():",
                        "    n = 0",
                        "    while True:",
                        "        n += 1",
                        "        open('out.txt', 'w').write('swapped %d' % n)",
                        "        time.sleep(0.01)",
                        "threading.Thread(target=work).start()",
                        "ctypes.CDLL(None).pthread_exit(None)",
                        ""));
        try (AttemptStub a = AttemptStub.of(tmp, ProcessLauncher.local(), "headless", "work", Duration.ofSeconds(3))) {
            SessionOutcome outcome = CommandHarness.parse("python3 " + agent).run(a);
            assertEquals(SessionOutcome.gaveUp("killed at the deadline"), outcome);
            Path status = Path.of("/proc", Files.readString(a.workspace().resolve("pid.txt")), "status");
            for (int i = 0; i < 1_000 && Files.exists(status); i++) {
                Thread.sleep(10);
            }
            assertFalse(Files.exists(status), "a thread of the agent outlived its kill");
            String out = Files.readString(a.workspace().resolve("out.txt"));
            Thread.sleep(100);
            assertEquals(out, Files.readString(a.workspace().resolve("out.txt")), "the deliverable changed after");
        }
    }
}
