package dev.ale.process;

import dev.ale.api.SessionContext;
import dev.ale.api.Step;
import dev.ale.api.TaskView;
import dev.ale.api.Trajectory;
import dev.ale.api.Usage;
import dev.ale.api.task.Limits;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One attempt's session as a runner would hand it to a harness, for the tests: a workspace folder
 * of its own, a sandbox with a launcher (directly or under bubblewrap), an instruction, a deadline
 * and a trajectory kept in memory.
 */
final class AttemptStub implements SessionContext, AutoCloseable {
    private final Path workspace;
    private final ProcessGroup processes;
    private final String task;
    private final String instruction;
    private final Instant deadline;
    private final MemoryTrajectory trajectory = new MemoryTrajectory();
    private volatile boolean cancelled;

    AttemptStub(Path parent, ProcessLauncher launcher, String task, String instruction, Duration timeout)
            throws java.io.IOException {
        this.workspace = Files.createDirectories(parent.resolve("ale-" + task).resolve("workspace"));
        this.processes = new ProcessGroup(launcher);
        this.task = task;
        this.instruction = instruction;
        this.deadline = Instant.now().plus(timeout);
    }

    @Override
    public TaskView task() {
        return new TaskView(
                task,
                1,
                "A test task",
                new Taxonomy("business_finance", "accounting", List.of("13-2011")),
                Tier.NEAR_TERM,
                Limits.defaults(),
                1,
                null);
    }

    @Override
    public String instruction() {
        return instruction;
    }

    @Override
    public int session() {
        return 1;
    }

    @Override
    public int sessions() {
        return 1;
    }

    @Override
    public Path workspace() {
        return workspace;
    }

    @Override
    public ProcessSandbox sandbox() {
        return new ProcessSandbox() {
            @Override
            public Path workspace() {
                return workspace;
            }

            @Override
            public ProcessLauncher launcher() {
                return processes;
            }

            @Override
            public void close() {
                processes.close();
            }
        };
    }

    @Override
    public MemoryTrajectory trajectory() {
        return trajectory;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /** Cancels the attempt, as a runner does when its run is cancelled. */
    void cancel() {
        cancelled = true;
    }

    /** The texts of the steps named {@code name}, joined. */
    String steps(String name) {
        return trajectory.steps().stream()
                .filter(s -> s.name().equals(name))
                .map(Step::text)
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        processes.close();
    }

    /** A trajectory in memory: every step in a list. */
    static final class MemoryTrajectory implements Trajectory {
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
        public Usage usage() {
            return steps().stream().map(Step::usage).reduce(Usage.ZERO, Usage::plus);
        }

        @Override
        public long toolCalls() {
            return steps().stream().filter(s -> s.kind() == Step.Kind.TOOL_CALL).count();
        }

        @Override
        public void message(String role, String text) {
            add(Step.Kind.MESSAGE, role, text, Usage.ZERO);
        }

        @Override
        public void toolCall(String tool, String arguments) {
            add(Step.Kind.TOOL_CALL, tool, arguments, Usage.ZERO);
        }

        @Override
        public void observation(String text) {
            add(Step.Kind.OBSERVATION, "", text, Usage.ZERO);
        }

        @Override
        public void usage(long inputTokens, long outputTokens, double costUsd) {
            add(Step.Kind.USAGE, "", "", new Usage(inputTokens, outputTokens, costUsd));
        }

        private void add(Step.Kind kind, String name, String text, Usage usage) {
            record(new Step(Instant.now(), kind, name, text, usage, 1));
        }
    }
}
