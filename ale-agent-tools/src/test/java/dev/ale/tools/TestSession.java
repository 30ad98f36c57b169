package dev.ale.tools;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.TaskView;
import dev.ale.api.task.Limits;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import dev.ale.testfixtures.ListTrajectory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A session over a given sandbox, with a trajectory that keeps every step, for tests of tools and harnesses. */
public final class TestSession implements SessionContext {
    private final Sandbox sandbox;
    private final Limits limits;
    private final Instant deadline;
    private final String instruction;
    private final ListTrajectory trajectory = new ListTrajectory();

    public TestSession(Sandbox sandbox) {
        this(
                sandbox,
                new Limits(Duration.ofMinutes(5), 0, 0),
                Instant.now().plus(Duration.ofMinutes(5)),
                "do the task");
    }

    public TestSession(Sandbox sandbox, Limits limits, Instant deadline, String instruction) {
        this.sandbox = sandbox;
        this.limits = limits;
        this.deadline = deadline;
        this.instruction = instruction;
    }

    @Override
    public TaskView task() {
        return new TaskView(
                "test-task",
                1,
                "a test task",
                new Taxonomy("computing_math", "data_analytics", List.of("15-2051")),
                Tier.NEAR_TERM,
                limits,
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
        return false;
    }
}
