package dev.ale.core;

import dev.ale.process.OwnEnvironment;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The key that opens sealed references ({@code reference.7z}): the one given to
 * {@link Evaluator.Builder#referenceKey(char[])}, else the environment variable
 * {@value #ENVIRONMENT}, else none. It is never printed, journaled or written to run.json; only
 * whether there is one is recorded. A key read from the environment is blanked in the process's own
 * environment block ({@link OwnEnvironment}), where other processes of the user could read it.
 */
final class ReferenceKey {
    /** The environment variable read when no key is given to the builder. */
    static final String ENVIRONMENT = "ALE_REFERENCE_KEY";

    static final ReferenceKey NONE = new ReferenceKey(null);

    private final char[] key;

    private ReferenceKey(char[] key) {
        this.key = key;
    }

    /**
     * The key given (copied), else the one in the environment variable, else {@link #NONE}.
     *
     * @param environment looks an environment variable up ({@code System::getenv})
     */
    static ReferenceKey resolve(char[] given, UnaryOperator<String> environment) {
        if (given != null) {
            return new ReferenceKey(given.clone());
        }
        String fromEnvironment = environment.apply(ENVIRONMENT);
        if (fromEnvironment == null || fromEnvironment.isEmpty()) {
            return NONE;
        }
        // no process of the same user reads it from /proc/<pid>/environ (an agent without bubblewrap)
        OwnEnvironment.scrub(ENVIRONMENT);
        return new ReferenceKey(fromEnvironment.toCharArray());
    }

    boolean present() {
        return key != null;
    }

    /** A copy of the key for one use; the caller wipes it. */
    char[] copy() {
        if (key == null) {
            throw new IllegalStateException("no reference key");
        }
        return key.clone();
    }

    /** Wipes a copy handed out by {@link #copy()}. */
    static void wipe(char[] copy) {
        if (copy != null) {
            Arrays.fill(copy, '\0');
        }
    }

    @Override
    public String toString() {
        return present() ? "ReferenceKey[given]" : "ReferenceKey[none]";
    }
}
