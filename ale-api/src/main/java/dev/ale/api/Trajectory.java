package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The record of what a harness did in an attempt: messages, tool calls, observations and usage,
 * each with a timestamp. The harness writes to it; verifiers and reports read it. Implementations
 * are thread-safe. Steps are written out as JSON lines by the runner.
 */
@API(status = STABLE)
public interface Trajectory {
    /** Records one step. */
    void record(Step step);

    /** All steps so far, in the order they were recorded. */
    List<Step> steps();

    /** The summed usage of all steps. */
    Usage usage();

    /** How many tool calls were recorded (the step count that step caps apply to). */
    long toolCalls();

    /** Records a message from {@code role} ({@code user}, {@code assistant}, {@code system}). */
    void message(String role, String text);

    /** Records a call of {@code tool} with its arguments in a few words or JSON. */
    void toolCall(String tool, String arguments);

    /** Records what the agent observed (a tool result, a file listing). */
    void observation(String text);

    /** Records tokens and cost spent. */
    void usage(long inputTokens, long outputTokens, double costUsd);
}
