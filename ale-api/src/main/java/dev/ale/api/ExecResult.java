package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How a sandboxed process ended: its exit code (-1 when killed), its captured output (capped by
 * the sandbox) and whether it was killed at its timeout.
 */
@API(status = STABLE)
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {
    public ExecResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }
}
