package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.AleException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A verifier configuration is invalid: unknown type, missing or ill-typed option. Raised while a
 * pack is opened or an evaluator is built, never in the middle of a run. The field is the JSON
 * Pointer of the bad value within the verifier configuration; the source, once known, is the
 * {@code task.json} it came from.
 */
@API(status = STABLE)
public class VerifierConfigException extends AleException {
    private static final long serialVersionUID = 1L;

    public VerifierConfigException(String field, String rule) {
        super("", field, rule);
    }

    public VerifierConfigException(String source, String field, String rule) {
        super(source, field, rule);
    }

    /** A problem at {@code field} caused by {@code cause} (a plugin's unexpected exception). */
    public VerifierConfigException(String field, String rule, @Nullable Throwable cause) {
        super("", field, rule, cause);
    }

    /** The same problem, located under {@code prefix} (a JSON Pointer) within a larger config. */
    public VerifierConfigException under(String prefix) {
        VerifierConfigException e = new VerifierConfigException(source(), prefix + field(), rule());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The same problem, attributed to {@code file} (for instance a pack's task.json). */
    public VerifierConfigException in(String file) {
        VerifierConfigException e = new VerifierConfigException(file, field(), rule());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
