package dev.ale.samples;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.TaskView;
import dev.ale.api.task.Limits;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import dev.ale.testfixtures.ListTrajectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session context for harness tests: a task id, an instruction, a sandbox (by default a plain
 * directory), a deadline, a cancel switch the test controls and a trajectory that keeps its steps.
 */
final class FakeSession implements SessionContext {
    /** Set it to cancel the session. */
    final AtomicBoolean cancelled = new AtomicBoolean();

    private final TaskView task;
    private final String instruction;
    private final int session;
    private final Sandbox sandbox;
    private final Instant deadline;
    private final ListTrajectory trajectory = new ListTrajectory();

    /** Session {@code session} of {@code sessions} over a plain directory, with ten minutes to go. */
    FakeSession(String taskId, String instruction, int session, int sessions, Path workspace) {
        this(
                taskId,
                instruction,
                session,
                sessions,
                directory(workspace),
                Instant.now().plusSeconds(600));
    }

    /** The only session of a task, over {@code sandbox}, until {@code deadline}. */
    FakeSession(String taskId, String instruction, Sandbox sandbox, Instant deadline) {
        this(taskId, instruction, 1, 1, sandbox, deadline);
    }

    private FakeSession(
            String taskId, String instruction, int session, int sessions, Sandbox sandbox, Instant deadline) {
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
        this.sandbox = sandbox;
        this.deadline = deadline;
    }

    /** A sandbox that is only a directory: no processes, and no reference area for a harness. */
    static Sandbox directory(Path workspace) {
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
        return task.sessions();
    }

    @Override
    public Path workspace() {
        return sandbox.workspace();
    }

    @Override
    public Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public ListTrajectory trajectory() {
        return trajectory;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    /** A finished session: its context (with the recorded steps) and how the harness ended it. */
    record Result(FakeSession context, SessionOutcome outcome) {}
}
