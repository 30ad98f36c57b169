package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Which root a file is read from. A problem with an {@link #OUTPUT} file is the agent's: a failed
 * hard gate. A problem with a {@link #REFERENCE} file is the task's: a task error
 * ({@link dev.ale.api.AleException}).
 */
@API(status = INTERNAL)
public enum Side {
    OUTPUT,
    REFERENCE;

    /** {@code output} or {@code reference}, as configs write it. */
    public String word() {
        return this == OUTPUT ? "output" : "reference";
    }
}
