package dev.ale.cli;

import java.io.UncheckedIOException;

/**
 * A run that could not go on because its run directory could not be written (a full disk, say):
 * an infrastructure failure, exit code {@link Main#ERRORS}, with the message naming the path.
 */
final class RunFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunFailure(UncheckedIOException cause) {
        super(cause.getMessage(), cause);
    }
}
