package dev.ale.verifiers.internal.command;

import dev.ale.api.AleException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the Python interpreter that {@code {python}} names in a command verifier: the one the
 * evaluator was given ({@code --python}, {@code VerifierPolicy.python()}), else the environment
 * variable {@code ALE_PYTHON}, else {@code python3} on the {@code PATH}.
 */
final class PythonFinder {
    static final String ENVIRONMENT = "ALE_PYTHON";
    static final String COMMAND = "python3";

    private PythonFinder() {}

    /**
     * The interpreter to run.
     *
     * @param configured the interpreter the evaluator was given, if any
     * @param env        reads an environment variable ({@code System::getenv})
     * @throws AleException naming where it looked when there is none
     */
    static Path find(Optional<Path> configured, UnaryOperator<String> env) {
        if (configured.isPresent()) {
            return executable(configured.get(), "the Python interpreter given (--python)");
        }
        String named = env.apply(ENVIRONMENT);
        if (named != null && !named.isBlank()) {
            try {
                return executable(Path.of(named.strip()), "the Python interpreter of " + ENVIRONMENT);
            } catch (InvalidPathException e) {
                throw new AleException("", "", ENVIRONMENT + " is not a path: " + named);
            }
        }
        String path = env.apply("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                try {
                    Path candidate = Path.of(dir).resolve(COMMAND);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate.toAbsolutePath();
                    }
                } catch (InvalidPathException e) {
                    // an entry of PATH that is no path names no interpreter
                }
            }
        }
        throw new AleException(
                "",
                "",
                "no Python interpreter for the grader: give one with --python <path>"
                        + " (VerifierPolicy.python()), set " + ENVIRONMENT + ", or put " + COMMAND + " on the PATH");
    }

    private static Path executable(Path p, String what) {
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            throw new AleException(p.toString(), "", what + " is not an executable file");
        }
        return p.toAbsolutePath();
    }
}
