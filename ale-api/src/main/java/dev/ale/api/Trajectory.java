package dev.ale.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The record of what a harness did in an attempt: messages, tool calls, observations and usage,
 * each with a timestamp. The harness writes to it; verifiers and reports read it. Implementations
 * are thread-safe. Steps are written out as JSON lines by the runner.
 *
 * <p>An implementation needs only {@link #record(Step)} and {@link #steps()}: the totals are
 * summed from the steps and the convenience methods go through {@link #record(Step.Kind, String,
 * String, Usage)}, which stamps a step with the time and session; the runner's trajectory
 * overrides them to keep running totals and stamp its own clock and the current session.
 */
@API(status = STABLE)
public interface Trajectory {
    /** Records one step. */
    void record(Step step);

    /** All steps so far, in the order they were recorded. */
    List<Step> steps();

    /** The summed usage of all steps. */
    default Usage usage() {
        return steps().stream().map(Step::usage).reduce(Usage.ZERO, Usage::plus);
    }

    /** How many tool calls were recorded (the step count that step caps apply to). */
    default long toolCalls() {
        return steps().stream().filter(s -> s.kind() == Step.Kind.TOOL_CALL).count();
    }

    /**
     * Records a step of {@code kind} that happens now; by default stamped with the system clock in
     * session 1. The methods below all record through this one.
     */
    @API(status = EXPERIMENTAL)
    default void record(Step.Kind kind, String name, String text, Usage usage) {
        record(new Step(Instant.now(), kind, name, text, usage, 1));
    }

    /** Records a message from {@code role} ({@code user}, {@code assistant}, {@code system}). */
    default void message(String role, String text) {
        record(Step.Kind.MESSAGE, role, text, Usage.ZERO);
    }

    /** Records a call of {@code tool} with its arguments in a few words or JSON. */
    default void toolCall(String tool, String arguments) {
        record(Step.Kind.TOOL_CALL, tool, arguments, Usage.ZERO);
    }

    /** Records what the agent observed (a tool result, a file listing). */
    default void observation(String text) {
        record(Step.Kind.OBSERVATION, "", text, Usage.ZERO);
    }

    /** Records tokens and cost spent. */
    default void usage(long inputTokens, long outputTokens, double costUsd) {
        record(Step.Kind.USAGE, "", "", new Usage(inputTokens, outputTokens, costUsd));
    }
}
