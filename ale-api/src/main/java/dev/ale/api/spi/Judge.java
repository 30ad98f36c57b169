package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Scores one criterion of a rubric where judgement is needed. The embedding application supplies
 * it (the SDK ships no model client); answers are recorded in the verdict so re-scoring replays
 * them instead of asking again. Implementations must be thread-safe.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL)
public interface Judge {
    /** Judges the request; throwing makes the attempt an {@code ERROR}, never a zero. */
    JudgeAnswer judge(JudgeRequest request) throws Exception;
}
