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
     * Not called by the SDK's runner: it stages the hidden reference itself, in memory that no
     * process can reach (and, for a verifier that runs a program, in an owner-only directory of the
     * run that exists only while that verifier runs). Sandboxes written for 0.1 may still override
     * it; this default refuses.
     */
    default Path openReferenceArea() throws IOException {
        throw new UnsupportedOperationException("the runner stages references itself; a sandbox holds none");
    }

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
