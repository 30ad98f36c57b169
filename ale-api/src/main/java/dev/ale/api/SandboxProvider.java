package dev.ale.api;

import java.io.IOException;

/** Opens sandboxes, one per attempt. Implementations must be safe to call from many threads. */
public interface SandboxProvider {
    /** Opens a new, empty sandbox. */
    Sandbox open(SandboxRequest request) throws IOException;

    /** A short name for reports, such as {@code in-memory} or {@code local-directory}. */
    String name();
}
