package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a harness ended a session: it believes the work is done, or it gave up with a reason.
 * Either way the artefacts are scored; the outcome is recorded beside the verdict.
 */
@API(status = STABLE)
public record SessionOutcome(Status status, String message) {
    /** How the session ended, in the harness's own words. */
    @API(status = STABLE)
    public enum Status {
        /** The harness believes it is done. */
        COMPLETED,
        /** The harness stopped without finishing. */
        GAVE_UP
    }

    public SessionOutcome {
        Objects.requireNonNull(status, "status");
        message = Objects.requireNonNullElse(message, "");
    }

    /** The harness believes it is done. */
    public static SessionOutcome completed() {
        return new SessionOutcome(Status.COMPLETED, "");
    }

    /** The harness stopped without finishing, for the reason given. */
    public static SessionOutcome gaveUp(String why) {
        return new SessionOutcome(Status.GAVE_UP, why);
    }
}
