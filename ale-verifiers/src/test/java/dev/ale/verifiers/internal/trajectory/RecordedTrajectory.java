package dev.ale.verifiers.internal.trajectory;

import dev.ale.api.Step;
import dev.ale.api.Trajectory;
import dev.ale.api.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A plain in-memory trajectory for tests. */
final class RecordedTrajectory implements Trajectory {
    private final List<Step> steps = new ArrayList<>();

    @Override
    public synchronized void record(Step step) {
        steps.add(step);
    }

    @Override
    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    @Override
    public synchronized Usage usage() {
        return steps.stream().map(Step::usage).reduce(Usage.ZERO, Usage::plus);
    }

    @Override
    public synchronized long toolCalls() {
        return steps.stream().filter(s -> s.kind() == Step.Kind.TOOL_CALL).count();
    }

    @Override
    public void message(String role, String text) {
        record(new Step(Instant.EPOCH, Step.Kind.MESSAGE, role, text, Usage.ZERO, 1));
    }

    @Override
    public void toolCall(String tool, String arguments) {
        record(new Step(Instant.EPOCH, Step.Kind.TOOL_CALL, tool, arguments, Usage.ZERO, 1));
    }

    @Override
    public void observation(String text) {
        record(new Step(Instant.EPOCH, Step.Kind.OBSERVATION, "", text, Usage.ZERO, 1));
    }

    @Override
    public void usage(long inputTokens, long outputTokens, double costUsd) {
        record(new Step(Instant.EPOCH, Step.Kind.USAGE, "", "", new Usage(inputTokens, outputTokens, costUsd), 1));
    }
}
