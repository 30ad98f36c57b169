package dev.ale.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Follows a run as it happens. Methods are called from the runner's threads, in order for each
 * attempt; a listener that throws is reported once in the report's warnings and does not stop
 * the run.
 */
@API(status = STABLE)
public interface EvaluationListener {
    /**
     * The run resumes a run directory in which {@code alreadyDone} of its {@code attempts} attempts
     * were finished by an earlier session (they are not run again); called before {@link #runStarted}.
     */
    default void runResumed(int alreadyDone, int attempts) {}

    /** The run is about to start the given number of attempts. */
    default void runStarted(int attempts) {}

    /** An attempt is starting. */
    default void attemptStarted(String taskId, int trial) {}

    /** A session of an attempt is starting. */
    default void sessionStarted(String taskId, int trial, int session) {}

    /** An attempt has finished. */
    default void attemptFinished(AttemptResult result) {}

    /** The run has finished. */
    default void runFinished(EvaluationReport report) {}
}
