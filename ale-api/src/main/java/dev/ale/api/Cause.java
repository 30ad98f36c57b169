package dev.ale.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Why an attempt ended the way it did; {@link #NONE} for a plain pass or a plain low score. */
@API(status = STABLE)
public enum Cause {
    /** Nothing beyond the score: a pass, or a score below the threshold. */
    NONE,
    /** A hard gate of the verifier failed. */
    GATE,
    /** The harness said it gave up. */
    GAVE_UP,
    /** The attempt ran past its deadline. */
    TIMEOUT,
    /** The harness threw an exception (or returned null). */
    HARNESS_ERROR,
    /** The harness went over a step or cost cap. */
    BUDGET,
    /** The run was cancelled before the attempt finished. */
    CANCELLED,
    /** The sandbox could not be opened or staged. */
    SANDBOX,
    /** The verifier threw or returned an invalid verdict. */
    VERIFIER,
    /** The task's files could not be read or did not match their digest. */
    PACK,
    /**
     * The output made the verifier run past one of its limits (its time, or the size of what it
     * reads or writes): the agent's failure, not the infrastructure's.
     */
    @API(status = EXPERIMENTAL)
    VERIFIER_LIMIT;

    /** The outcome this cause implies when it is not {@link #NONE}. */
    public boolean isInfrastructure() {
        return this == SANDBOX || this == VERIFIER || this == PACK;
    }
}
