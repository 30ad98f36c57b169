package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * What a {@link PersistentCommandHarness} throws when its agent process broke the attempt in
 * flight: it exited (crashed) before answering, wrote a line that breaks the protocol (not one JSON
 * object, over {@link PersistentCommandHarness#MAX_LINE_BYTES}, the wrong request id), or its
 * workspace could not be handed over. The message names the attempt, the process and the rule; the
 * runner records the attempt as a harness error and the run goes on with a fresh process.
 */
@API(status = EXPERIMENTAL)
public final class PersistentAgentException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public PersistentAgentException(String message) {
        super(message);
    }

    /** An exception with {@code message} and its {@code cause}. */
    public PersistentAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
