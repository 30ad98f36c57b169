package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.AleException;
import org.apiguardian.api.API;

/**
 * What a verifier throws when the output it scores made it run past one of its limits (a grader
 * killed at its deadline, or one that wrote more than it may). The output is the agent's, so the
 * attempt ends {@code FAILED} with cause {@code VERIFIER_LIMIT}, never {@code ERROR}: an agent
 * cannot turn its failure into an infrastructure error that is left out of the rates.
 */
@API(status = EXPERIMENTAL)
public class VerifierLimitException extends AleException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source the file or grader concerned (may be empty)
     * @param rule   which limit was passed, in a sentence
     */
    public VerifierLimitException(String source, String rule) {
        super(source, "", rule);
    }
}
