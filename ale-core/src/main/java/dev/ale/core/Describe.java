package dev.ale.core;

import java.time.Duration;

/** How the runner words a throwable or a duration in its messages: attempt results, warnings, log lines. */
final class Describe {
    private Describe() {}

    /** The class and message of a throwable, in a few words; never throws, whatever the throwable does. */
    static String throwable(Throwable t) {
        String m;
        try {
            m = t.getMessage();
        } catch (RuntimeException | Error e) {
            m = "(its message could not be read: " + e.getClass().getSimpleName() + ")";
        }
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** A duration: {@code 250 ms} under a second, else {@code 12 s}. */
    static String seconds(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }
}
