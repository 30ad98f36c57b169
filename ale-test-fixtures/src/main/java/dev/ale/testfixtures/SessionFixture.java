package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.TaskView;
import dev.ale.api.task.Limits;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    /** A near-term accounting task of {@code sessions} sessions, titled by its id, with the default limits. */
    public static TaskView task(String taskId, int sessions) {
        return new TaskView(
                taskId,
                1,
                taskId,
                new Taxonomy("business_finance", "accounting", List.of("13-2011")),
                Tier.NEAR_TERM,
                Limits.defaults(),
                sessions,
                null);
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
