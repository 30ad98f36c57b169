package dev.ale.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a process under bubblewrap can and cannot reach, tried as a hostile agent would. */
@Tag("bwrap")
class BubblewrapLauncherTest {
    @TempDir
    Path tmp;

    static ProcessLauncher bwrap;

    @BeforeAll
    static void bubblewrapWorksHere() {
        var problem = BubblewrapOptions.defaults().unusable();
        assumeTrue(problem.isEmpty(), () -> "bubblewrap is not usable here: " + problem.orElse(""));
        bwrap = ProcessLauncher.bubblewrap(BubblewrapOptions.defaults());
    }

    @Test
    void theWorkspaceIsAtAFixedPathAndNothingElseOfTheHostsFilesIsThere() throws Exception {
        Path ws = Files.createDirectory(tmp.resolve("workspace"));
        Path secret = Files.writeString(tmp.resolve("pack-reference.txt"), "TOKEN-HOST-SECRET");
        Files.writeString(ws.resolve("input.txt"), "hello");
        Launched r = Launched.run(
                bwrap,
                ws,
                "pwd; cat input.txt; echo out > made.txt; ls /; cat " + secret + " 2>&1;" + " ls " + tmp
                        + " 2>&1; ls /tmp | wc -l; (echo x > /usr/x) 2>&1; echo HOME=$HOME",
                Map.of());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("/workspace\nhello"), r.out());
        assertEquals("out\n", Files.readString(ws.resolve("made.txt")));
        assertFalse(r.out().contains("TOKEN-HOST-SECRET"), r.out());
        assertFalse(
                r.out().contains("work\n")
                        || r.out().contains("root\n")
                        || r.out().contains("home\n"),
                r.out());
        assertTrue(r.out().contains("No such file"), r.out());
        assertTrue(r.out().contains("Read-only file system") || r.out().contains("Permission denied"), r.out());
        assertTrue(r.out().contains("HOME=/workspace"), r.out());
    }

    @Test
    void itsOwnProcNoNetworkNoCapabilitiesAndNoWritableSysctl() throws Exception {
        Path ws = Files.createDirectory(tmp.resolve("workspace"));
        Launched r = Launched.run(
                bwrap,
                ws,
                "ls /proc | grep -c '^[0-9]'; tr '\\0' ' ' < /proc/1/cmdline; echo;"
                        + " grep -c : /proc/net/dev; grep CapEff /proc/self/status; hostname;"
                        + " [ -w /proc/sys/kernel/core_pattern ] && echo SYSCTL-WRITABLE || echo sysctl-read-only",
                Map.of());
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertTrue(Integer.parseInt(lines[0].strip()) <= 5, "only the sandbox's own processes: " + r.out());
        assertTrue(lines[1].contains("--unshare-pid"), "pid 1 is bwrap itself: " + r.out());
        assertEquals("1", lines[2].strip(), "only the loopback interface: " + r.out());
        assertEquals("CapEff:\t0000000000000000", lines[3], r.out());
        assertEquals("ale-sandbox", lines[4], r.out());
        assertEquals("sysctl-read-only", lines[5], r.out());
    }

    @Test
    void theEnvironmentIsOnlyWhatTheSpecGivesAndNeverOnTheCommandLine() throws Exception {
        Path ws = Files.createDirectory(tmp.resolve("workspace"));
        Launched r = Launched.run(
                bwrap, ws, "env; echo; tr '\\0' ' ' < /proc/1/cmdline", Map.of("AGENT_SETTING", "TOKEN-SETTING"));
        assertTrue(r.out().contains("AGENT_SETTING=TOKEN-SETTING"), r.out());
        String cmdline = r.out().substring(r.out().lastIndexOf("\n\n") + 2);
        assertFalse(cmdline.contains("TOKEN-SETTING"), cmdline);
        assertFalse(r.out().contains("ALE_"), r.out());
    }

    @Test
    void killingTheTreeEndsProcessesThatDetachedAndDaemonized() throws Exception {
        Path ws = Files.createDirectory(tmp.resolve("workspace"));
        String marker = "7" + ProcessHandle.current().pid() + "1";
        Launched.assertLeavesNothingRunning(
                bwrap,
                ws,
                marker,
                "(setsid sh -c 'sleep " + marker + " & sleep " + marker + "' > /dev/null 2>&1 &); sleep 0.5;"
                        + " echo started",
                "started\n",
                "a daemonized process survived its sandbox");
    }

    @Test
    void mountsCannotHideTheSystemOrTheSandboxsOwnDirectories() {
        Path ws = tmp.resolve("workspace");
        LaunchSpec spec = LaunchSpec.builder(java.util.List.of("true"))
                .mount(Mount.readWrite(ws, "/usr"))
                .directory(ws)
                .build();
        assertThrows(IllegalArgumentException.class, () -> bwrap.start(spec));
    }
}
