package dev.ale.api;

/**
 * Scores one criterion of a rubric where judgement is needed. The embedding application supplies
 * it (the SDK ships no model client); answers are recorded in the verdict so re-scoring replays
 * them instead of asking again. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Judge {
    /** Judges the request; throwing makes the attempt an {@code ERROR}, never a zero. */
    JudgeAnswer judge(JudgeRequest request) throws Exception;
}
