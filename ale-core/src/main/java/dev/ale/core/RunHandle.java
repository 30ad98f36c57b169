package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A run in progress, from {@link Evaluator#start()}: watch it, wait for its report, or cancel it.
 * A cancelled run stops starting attempts, interrupts the ones running, and still ends with a
 * valid report that says it is partial and lists what was not run.
 */
@API(status = EXPERIMENTAL)
public interface RunHandle {
    /** Asks the run to stop; returns at once. Calling it again does nothing. */
    void cancel();

    /** Waits for the run to end and returns its report. */
    EvaluationReport await() throws InterruptedException;

    /** A live snapshot of how far the run has got. */
    Progress progress();
}
