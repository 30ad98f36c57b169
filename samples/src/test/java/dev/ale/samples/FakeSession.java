package dev.ale.samples;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.Step;
import dev.ale.api.TaskView;
import dev.ale.api.Trajectory;
import dev.ale.api.Usage;
import dev.ale.api.task.Limits;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A session context over a plain directory, with a trajectory that keeps its steps in memory. */
final class FakeSession implements SessionContext {
    private final TaskView task;
    private final String instruction;
    private final int session;
    private final int sessions;
    private final Path workspace;
    private final MemoryTrajectory trajectory = new MemoryTrajectory();

    FakeSession(String taskId, String instruction, int session, int sessions, Path workspace) {
        this.task = new TaskView(
                taskId,
                1,
                taskId,
                new Taxonomy("business_finance", "accounting", List.of("13-2011")),
                Tier.NEAR_TERM,
                Limits.defaults(),
                sessions,
                null);
        this.instruction = instruction;
        this.session = session;
        this.sessions = sessions;
        this.workspace = workspace;
    }

    @Override
    public TaskView task() {
        return task;
    }

    @Override
    public String instruction() {
        return instruction;
    }

    @Override
    public int session() {
        return session;
    }

    @Override
    public int sessions() {
        return sessions;
    }

    @Override
    public Path workspace() {
        return workspace;
    }

    @Override
    public Trajectory trajectory() {
        return trajectory;
    }

    @Override
    public Instant deadline() {
        return Instant.now().plusSeconds(600);
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public Sandbox sandbox() {
        return new Sandbox() {
            @Override
            public Path workspace() {
                return workspace;
            }

            @Override
            public Path openReferenceArea() throws IOException {
                throw new IOException("a harness has no business with the reference area");
            }

            @Override
            public void close() {}
        };
    }

    /** A finished session: its context (with the recorded steps) and how the harness ended it. */
    record Result(FakeSession context, SessionOutcome outcome) {}

    MemoryTrajectory steps() {
        return trajectory;
    }

    /** Keeps the steps in a list. */
    static final class MemoryTrajectory implements Trajectory {
        private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void record(Step step) {
            steps.add(step);
        }

        @Override
        public List<Step> steps() {
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
        public void usage(long in, long out, double cost) {
            add(Step.Kind.USAGE, "", "", new Usage(in, out, cost));
        }

        private void add(Step.Kind kind, String name, String text, Usage usage) {
            record(new Step(Instant.now(), kind, name, text, usage, 1));
        }
    }
}
