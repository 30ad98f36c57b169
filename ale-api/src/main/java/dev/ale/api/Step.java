package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One recorded event of a harness: a message, a tool call, an observation or a usage report,
 * with the time it happened. The runner writes each as one JSON object per line in trajectory files.
 *
 * @param at      when it happened
 * @param kind    what it is
 * @param name    the role of a message ({@code user}, {@code assistant}) or the name of a tool
 * @param text    the message text, the tool call's arguments, or the observation
 * @param usage   tokens and cost of this step (zero when not a usage report)
 * @param session the session it happened in
 */
@API(status = STABLE)
public record Step(Instant at, Kind kind, String name, String text, Usage usage, int session) {
    /** The kinds of step. */
    @API(status = STABLE)
    public enum Kind {
        MESSAGE,
        TOOL_CALL,
        OBSERVATION,
        USAGE
    }

    public Step {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        name = Objects.requireNonNullElse(name, "");
        text = Objects.requireNonNullElse(text, "");
        usage = Objects.requireNonNullElse(usage, Usage.ZERO);
    }
}
