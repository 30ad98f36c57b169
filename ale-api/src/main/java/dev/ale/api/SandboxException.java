package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A sandbox could not be opened, staged or used (an infrastructure failure, not the agent's).
 * Attempts that hit it end in {@link Outcome#ERROR}.
 */
@API(status = STABLE)
public class SandboxException extends AleException {
    private static final long serialVersionUID = 1L;

    public SandboxException(String source, String rule, Throwable cause) {
        super(source, "", rule, cause);
    }
}
