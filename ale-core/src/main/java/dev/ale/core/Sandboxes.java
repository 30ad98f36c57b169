package dev.ale.core;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.spi.SandboxProvider;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The built-in sandbox providers: an in-memory file system per attempt (the default, fast and
 * leaving nothing behind), and a temporary local directory per attempt (for harnesses that run
 * external programs).
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
}
