package dev.ale.api;

/**
 * What the evaluator allows verifiers to do. A pack from elsewhere must not run code by default,
 * so {@code command} verifiers are refused unless {@code allowCommands} was set explicitly.
 *
 * @param allowCommands whether verifiers may run external grader programs
 */
public record VerifierPolicy(boolean allowCommands) {
    /** The default: no external programs. */
    public static final VerifierPolicy DEFAULT = new VerifierPolicy(false);
}
