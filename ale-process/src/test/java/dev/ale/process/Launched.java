package dev.ale.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a shell script through a launcher with the workspace mounted, for the tests: its output and exit code. */
record Launched(int exit, String out, String err) {
    static Launched run(ProcessLauncher launcher, Path workspace, String script, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Mount ws = Mount.readWrite(workspace, ProcessSandbox.WORKSPACE);
        Path out = Files.createTempFile("ale-launched-", ".out");
        Path err = Files.createTempFile("ale-launched-", ".err");
        try {
            Map<String, String> env =
                    new java.util.LinkedHashMap<>(ChildEnvironment.of(launcher.pathOf(ws), List.of()));
            env.putAll(extraEnv);
            LaunchSpec spec = LaunchSpec.builder(List.of("/bin/sh", "-c", script))
                    .mount(ws)
                    .directory(workspace)
                    .environment(env)
                    .stdout(out)
                    .stderr(err)
                    .build();
            int exit;
            try (ChildProcess child = launcher.start(spec)) {
                child.process().getOutputStream().close();
                if (!child.waitFor(60_000)) {
                    throw new AssertionError("the script did not end within a minute: " + script);
                }
                exit = child.process().exitValue();
            }
            return new Launched(
                    exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Runs {@code script}, which leaves processes behind whose command lines contain {@code marker},
     * checks that it printed {@code out} and that none of those processes outlives it.
     */
    static void assertLeavesNothingRunning(
            ProcessLauncher launcher, Path workspace, String marker, String script, String out, String survivor)
            throws IOException, InterruptedException {
        Launched r = run(launcher, workspace, script, Map.of());
        assertEquals(out, r.out(), r.toString());
        assertTrue(noneAliveSoon(marker), survivor);
    }

    /** Whether a process whose command line contains {@code marker} is alive (not a zombie). */
    static boolean anyAlive(String marker) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(marker))
                .anyMatch(h -> !dev.ale.process.internal.ProcessTree.ended(h));
    }

    /** Waits (polling, at most about 20 s, no time asserted) until no process with {@code marker} is alive. */
    static boolean noneAliveSoon(String marker) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (!anyAlive(marker)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
