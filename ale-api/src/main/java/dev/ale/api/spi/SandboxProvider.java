package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.Sandbox;
import java.io.IOException;
import org.apiguardian.api.API;

/** Opens sandboxes, one per attempt. Implementations must be safe to call from many threads. */
@API(status = STABLE)
public interface SandboxProvider {
    /** Opens a new, empty sandbox. */
    Sandbox open(SandboxRequest request) throws IOException;

    /** A short name for reports, such as {@code in-memory} or {@code local-directory}. */
    String name();
}
