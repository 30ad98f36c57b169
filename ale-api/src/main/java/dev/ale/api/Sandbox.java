package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * An isolated workspace for one attempt. The runner stages the task's inputs into it, the
 * harness works in it, the verifier reads it, and closing it frees everything it held.
 */
@API(status = STABLE)
public interface Sandbox extends AutoCloseable {
    /** The root directory the harness works in. */
    Path workspace();

    /**
     * Creates, once the harness is done, a fresh directory that the harness could not reach during
     * its sessions (another file system, or a directory that did not exist then). The runner stages
     * the hidden reference there for the verifier. Closing the sandbox removes it.
     */
    Path openReferenceArea() throws IOException;

    /** Whether {@link #exec} can run processes in this sandbox. */
    default boolean canExecute() {
        return false;
    }

    /** Runs a process in the sandbox; only where {@link #canExecute()} is true. */
    default ExecResult exec(ExecRequest request) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot run processes");
    }

    /** Frees the sandbox; never throws for a sandbox already closed. */
    @Override
    void close() throws IOException;
}
