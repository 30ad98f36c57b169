package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How an attempt ended. Exactly one per attempt. */
@API(status = STABLE)
public enum Outcome {
    /** Full pass: the verdict met the task's pass threshold and no gate failed. */
    PASSED,
    /** Scored below the threshold, a gate failed, or the harness timed out, threw or went over budget. */
    FAILED,
    /** Infrastructure failure (sandbox, verifier crash, unreadable pack): excluded from the rates. */
    ERROR
}
