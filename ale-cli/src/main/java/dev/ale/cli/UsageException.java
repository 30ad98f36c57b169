package dev.ale.cli;

/** A command line the {@code ale} command cannot use: the message says what is wrong, in one line. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
