package dev.ale.tools;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The caps of the tool kit, so that no tool call floods the model's context or hangs the agent:
 * how much text one call returns, how much of a file is scanned, how much may be written, how many
 * entries and matches are listed, which files a search skips, and how long a command may run.
 *
 * @param maxOutputChars     the most characters one call returns (longer output is cut, with a note)
 * @param maxScanBytes       the most bytes {@code read_file} reads through to reach the lines asked for
 * @param maxWriteBytes      the largest file {@code write_file} and {@code edit_file} write
 * @param maxListEntries     the most entries {@code list_files} lists
 * @param maxSearchMatches   the most matching lines {@code search_files} returns
 * @param maxSearchFileBytes files larger than this are skipped by {@code search_files}
 * @param commandTimeout     the longest a {@code run_command} may run (shortened to the session's deadline)
 */
@API(status = EXPERIMENTAL)
public record ToolLimits(
        int maxOutputChars,
        long maxScanBytes,
        long maxWriteBytes,
        int maxListEntries,
        int maxSearchMatches,
        long maxSearchFileBytes,
        Duration commandTimeout) {
    public ToolLimits {
        positive(maxOutputChars, "maxOutputChars");
        positive(maxScanBytes, "maxScanBytes");
        positive(maxWriteBytes, "maxWriteBytes");
        positive(maxListEntries, "maxListEntries");
        positive(maxSearchMatches, "maxSearchMatches");
        positive(maxSearchFileBytes, "maxSearchFileBytes");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive, got " + commandTimeout);
        }
    }

    /**
     * The defaults: 30,000 characters per call, 64 MiB scanned, 16 MiB written, 1,000 entries,
     * 200 matches, files over 8 MiB skipped by searches, commands stopped after 2 minutes.
     */
    public static ToolLimits defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    private static void positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    /** Options of {@link ToolLimits}; each starts at its default. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private int maxOutputChars = 30_000;
        private long maxScanBytes = 64L << 20;
        private long maxWriteBytes = 16L << 20;
        private int maxListEntries = 1_000;
        private int maxSearchMatches = 200;
        private long maxSearchFileBytes = 8L << 20;
        private Duration commandTimeout = Duration.ofMinutes(2);

        private Builder() {}

        /** The most characters one call returns. */
        public Builder maxOutputChars(int chars) {
            this.maxOutputChars = chars;
            return this;
        }

        /** The most bytes {@code read_file} reads through. */
        public Builder maxScanBytes(long bytes) {
            this.maxScanBytes = bytes;
            return this;
        }

        /** The largest file {@code write_file} and {@code edit_file} write. */
        public Builder maxWriteBytes(long bytes) {
            this.maxWriteBytes = bytes;
            return this;
        }

        /** The most entries {@code list_files} lists. */
        public Builder maxListEntries(int entries) {
            this.maxListEntries = entries;
            return this;
        }

        /** The most matching lines {@code search_files} returns. */
        public Builder maxSearchMatches(int matches) {
            this.maxSearchMatches = matches;
            return this;
        }

        /** Files larger than this are skipped by {@code search_files}. */
        public Builder maxSearchFileBytes(long bytes) {
            this.maxSearchFileBytes = bytes;
            return this;
        }

        /** The longest a command may run. */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = timeout;
            return this;
        }

        /** The limits; each must be positive. */
        public ToolLimits build() {
            return new ToolLimits(
                    maxOutputChars,
                    maxScanBytes,
                    maxWriteBytes,
                    maxListEntries,
                    maxSearchMatches,
                    maxSearchFileBytes,
                    commandTimeout);
        }
    }
}
