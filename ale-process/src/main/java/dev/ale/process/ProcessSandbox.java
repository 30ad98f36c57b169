package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.Sandbox;
import org.apiguardian.api.API;

/**
 * A sandbox whose workspace is on the local disk and that says how processes are started in it
 * (directly, or under bubblewrap): {@code CommandHarness} and the {@code command} verifier start
 * theirs through its {@link #launcher()}, so that one choice of sandbox isolates every process of an
 * attempt. Processes started through the launcher are killed when the sandbox closes.
 */
@API(status = EXPERIMENTAL)
public interface ProcessSandbox extends Sandbox {
    /** Where the workspace appears to a process under bubblewrap. */
    String WORKSPACE = "/workspace";

    /** How this sandbox starts processes. */
    ProcessLauncher launcher();

    /** The launcher of {@code sandbox} when it is a {@link ProcessSandbox}, else {@link ProcessLauncher#local()}. */
    static ProcessLauncher launcherOf(Sandbox sandbox) {
        return sandbox instanceof ProcessSandbox p ? p.launcher() : ProcessLauncher.local();
    }
}
