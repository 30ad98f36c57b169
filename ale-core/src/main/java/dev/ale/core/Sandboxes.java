package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.spi.SandboxProvider;
import dev.ale.process.BubblewrapOptions;
import dev.ale.process.ProcessLauncher;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The built-in sandbox providers: an in-memory file system per attempt (the default, fast and
 * leaving nothing behind), a temporary local directory per attempt (for harnesses that run external
 * programs) and the same under bubblewrap (external programs isolated from everything else).
 */
@API(status = STABLE)
public final class Sandboxes {
    /** The in-memory workspace quota used when none is given: 512 MiB. */
    public static final long DEFAULT_QUOTA_BYTES = 512L << 20;

    private Sandboxes() {}

    /** In-memory sandboxes (Jimfs) with the default quota. */
    public static SandboxProvider inMemory() {
        return new InMemorySandboxProvider(DEFAULT_QUOTA_BYTES);
    }

    /** In-memory sandboxes (Jimfs) whose workspace holds at most {@code quotaBytes}. */
    public static SandboxProvider inMemory(long quotaBytes) {
        return new InMemorySandboxProvider(quotaBytes);
    }

    /** Local-directory sandboxes under the system temporary directory, removed when closed. */
    public static SandboxProvider localDirectory() {
        return new LocalDirectorySandboxProvider(Path.of(System.getProperty("java.io.tmpdir")), false);
    }

    /**
     * Local-directory sandboxes under {@code parent}.
     *
     * @param keepWorkspaces keep each attempt's workspace after it ends (for debugging); the
     *                       reference area is removed all the same
     */
    public static SandboxProvider localDirectory(Path parent, boolean keepWorkspaces) {
        return new LocalDirectorySandboxProvider(parent, keepWorkspaces);
    }

    /**
     * Bubblewrap sandboxes with the default options (no network, {@code bwrap} from the PATH): a
     * temporary directory per attempt, as {@link #localDirectory()}, whose processes (a
     * {@code CommandHarness} agent, {@code Sandbox.exec}, {@code command} verifiers) run under
     * {@code bwrap}. A process sees the workspace read-write at {@code /workspace}, the system
     * directories read-only, its own {@code /proc}, {@code /dev} and {@code /tmp}, and nothing of the
     * pack, the run directory, the SDK's temporary folders or other attempts; it runs in fresh PID,
     * IPC, UTS and network namespaces without capabilities, dies with the SDK, and its whole process
     * tree is killed when its attempt ends.
     *
     * @throws IllegalStateException when {@code bwrap} is missing (the message says how to install it:
     *     {@code sudo apt-get install bubblewrap}) or cannot create its sandbox on this system
     */
    @API(status = EXPERIMENTAL)
    public static SandboxProvider bubblewrap() {
        return bubblewrap(BubblewrapOptions.defaults());
    }

    /**
     * Bubblewrap sandboxes with {@code options} (network, {@code bwrap} program, more read-only paths).
     *
     * @throws IllegalStateException when {@code bwrap} is missing or cannot create its sandbox here
     */
    @API(status = EXPERIMENTAL)
    public static SandboxProvider bubblewrap(BubblewrapOptions options) {
        ProcessLauncher launcher = ProcessLauncher.bubblewrap(options);
        return new LocalDirectorySandboxProvider(
                Path.of(System.getProperty("java.io.tmpdir")), false, launcher, launcher.name());
    }
}
