package dev.ale.core.hostile;

import dev.ale.api.Sandbox;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.core.Sandboxes;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Sends each attempt to the sandbox its task id asks for, so one run can mix them: {@code local-*}
 * tasks get a local directory under a parent the test owns, {@code quota-*} tasks an in-memory file
 * system of {@link #SMALL_QUOTA} bytes, and the rest the default in-memory sandbox.
 */
final class RoutingSandboxes implements SandboxProvider {
    static final long SMALL_QUOTA = 2L << 20;

    private final SandboxProvider local;
    private final SandboxProvider small = Sandboxes.inMemory(SMALL_QUOTA);
    private final SandboxProvider memory = Sandboxes.inMemory();

    RoutingSandboxes(Path localParent) {
        this.local = Sandboxes.localDirectory(localParent, false);
    }

    @Override
    public Sandbox open(SandboxRequest request) throws IOException {
        String id = request.attemptId();
        return (id.startsWith("local-") ? local : id.startsWith("quota-") ? small : memory).open(request);
    }

    @Override
    public String name() {
        return "routing";
    }
}
