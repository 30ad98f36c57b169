package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the evaluator allows verifiers to do. A pack from elsewhere must not run code by default,
 * so {@code command} verifiers are refused unless {@code allowCommands} was set explicitly.
 *
 * @param allowCommands whether verifiers may run external grader programs
 * @param python        the Python interpreter that {@code {python}} names in a command verifier
 *     (empty: the environment variable {@code ALE_PYTHON}, else {@code python3} on the {@code PATH})
 */
@API(status = STABLE)
public record VerifierPolicy(boolean allowCommands, Optional<Path> python) {
    /** The default: no external programs. */
    public static final VerifierPolicy DEFAULT = new VerifierPolicy(false);

    public VerifierPolicy {
        Objects.requireNonNull(python, "python");
    }

    /** The policy with the interpreter found as {@code python} describes. */
    public VerifierPolicy(boolean allowCommands) {
        this(allowCommands, Optional.empty());
    }

    /** This policy with {@code interpreter} as the Python of command verifiers. */
    @API(status = EXPERIMENTAL)
    public VerifierPolicy withPython(Path interpreter) {
        return new VerifierPolicy(allowCommands, Optional.of(interpreter));
    }
}
