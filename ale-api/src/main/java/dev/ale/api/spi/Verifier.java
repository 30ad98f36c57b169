package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Scores what a harness left behind. Called only after the harness is done, with the output
 * workspace and the hidden reference. Must be thread-safe: one instance scores many attempts, of
 * one run and of every run of an opened pack under an equal registry (a pack keeps the verifiers
 * it built to check their configurations).
 * Throwing makes the attempt an {@link Outcome#ERROR} (an infrastructure failure), never a zero.
 */
@FunctionalInterface
@API(status = STABLE)
public interface Verifier {
    Verdict verify(VerificationContext ctx) throws Exception;
}
