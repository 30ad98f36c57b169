package dev.ale.samples;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.TaskView;
import dev.ale.api.Trajectory;
import dev.ale.api.task.Limits;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import dev.ale.testfixtures.ListTrajectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A session context over a plain directory, with a trajectory that keeps its steps in memory. */
final class FakeSession implements SessionContext {
    private final TaskView task;
    private final String instruction;
    private final int session;
    private final int sessions;
    private final Path workspace;
    private final ListTrajectory trajectory = new ListTrajectory();

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

    ListTrajectory steps() {
        return trajectory;
    }
}
