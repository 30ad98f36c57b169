package dev.ale.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The agent under test. The runner calls {@link #run} once per session with the session's
 * instruction and workspace, and waits until it returns or the deadline passes. The harness works
 * on the files in {@link SessionContext#workspace()}; what it leaves there is what gets scored.
 * Throwing is allowed: the attempt then fails with the exception recorded as its cause.
 */
@FunctionalInterface
@API(status = STABLE)
public interface Harness {
    /** Works one session to completion and says how it ended. */
    SessionOutcome run(SessionContext ctx) throws Exception;

    /** A name for reports and the run journal. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * What this harness is, for the run record: model, version, settings (a line or a few; empty
     * when there is nothing to add). Written into {@code run.json} so a result says what produced it.
     */
    default String description() {
        return "";
    }

    /**
     * {@code work} under the name {@code name}, for a harness written as a lambda (whose class name
     * is no name for a report). Its description is the one {@code work} gives now.
     */
    @API(status = EXPERIMENTAL)
    static Harness named(String name, Harness work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        return new NamedHarness(name, work.description(), work);
    }
}
