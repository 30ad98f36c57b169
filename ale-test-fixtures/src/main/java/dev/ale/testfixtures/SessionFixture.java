package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.TaskView;
import dev.ale.api.task.Limits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * A session context for tests of harnesses and tools: a task, an instruction, the session's
 * number (of the task's sessions), a sandbox and its workspace, a deadline, a trajectory that keeps
 * its steps and a cancel switch the test controls ({@code cancelSwitch().set(true)} cancels the
 * session). Make one with {@code over} or {@code of}, which keep the sessions and the workspace
 * those of the task and the sandbox.
 */
@API(status = INTERNAL)
public record SessionFixture(
        TaskView task,
        String instruction,
        int session,
        int sessions,
        Sandbox sandbox,
        Path workspace,
        Instant deadline,
        ListTrajectory trajectory,
        AtomicBoolean cancelSwitch)
        implements SessionContext {

    /** Session {@code session} of {@code sessions} of a task over a plain directory, with ten minutes to go. */
    public static SessionFixture over(Path workspace, String taskId, String instruction, int session, int sessions) {
        return of(
                task(taskId, sessions),
                instruction,
                session,
                directory(workspace),
                Instant.now().plusSeconds(600));
    }

    /** The only session of a task, over {@code sandbox}, until {@code deadline}. */
    public static SessionFixture of(String taskId, String instruction, Sandbox sandbox, Instant deadline) {
        return of(task(taskId, 1), instruction, 1, sandbox, deadline);
    }

    /** Session {@code session} of {@code task}, with a new trajectory, not cancelled. */
    public static SessionFixture of(TaskView task, String instruction, int session, Sandbox sandbox, Instant deadline) {
        return new SessionFixture(
                task,
                instruction,
                session,
                task.sessions(),
                sandbox,
                sandbox.workspace(),
                deadline,
                new ListTrajectory(),
                new AtomicBoolean());
    }

    /** The only session of a five-minute {@link TestTasks} task over {@code sandbox}, without step or cost caps. */
    public static SessionFixture over(Sandbox sandbox) {
        Duration five = Duration.ofMinutes(5);
        return over(sandbox, new Limits(five, 0, 0), Instant.now().plus(five), "do the task");
    }

    /** The only session of a {@link TestTasks} task with {@code limits} over {@code sandbox}, until {@code deadline}. */
    public static SessionFixture over(Sandbox sandbox, Limits limits, Instant deadline, String instruction) {
        return of(TestTasks.view("test-task", limits, 1), instruction, 1, sandbox, deadline);
    }

    /** A {@link TestTasks} task of {@code sessions} sessions with the default limits. */
    public static TaskView task(String taskId, int sessions) {
        return TestTasks.view(taskId, Limits.defaults(), sessions);
    }

    /** A sandbox that is only a directory: no processes, and no reference area for a harness. */
    public static Sandbox directory(Path workspace) {
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
    public boolean cancelled() {
        return cancelSwitch.get();
    }
}
