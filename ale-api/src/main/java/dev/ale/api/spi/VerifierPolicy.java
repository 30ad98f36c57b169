package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What the evaluator allows verifiers to do. A pack from elsewhere must not run code by default,
 * so {@code command} verifiers are refused unless {@code allowCommands} was set explicitly.
 *
 * @param allowCommands whether verifiers may run external grader programs
 */
@API(status = STABLE)
public record VerifierPolicy(boolean allowCommands) {
    /** The default: no external programs. */
    public static final VerifierPolicy DEFAULT = new VerifierPolicy(false);
}
