package dev.ale.api;

/**
 * A sandbox could not be opened, staged or used (an infrastructure failure, not the agent's).
 * Attempts that hit it end in {@link Outcome#ERROR}.
 */
public class SandboxException extends AleException {
    private static final long serialVersionUID = 1L;

    public SandboxException(String source, String rule, Throwable cause) {
        super(source, "", rule, cause);
    }
}
