package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.TaskView;
import dev.ale.api.task.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * A session context for tests of tools and harnesses: session {@code session} of the
 * {@code sessions} of {@code task} over {@code sandbox} (whose workspace is {@code workspace})
 * until {@code deadline}, a cancel switch the test controls and a trajectory that keeps every
 * step. Made by {@link #of}, which gives each its due value.
 *
 * @param cancel set it to cancel the session
 */
@API(status = INTERNAL)
public record StubSession(
        TaskView task,
        String instruction,
        int session,
        int sessions,
        Path workspace,
        Sandbox sandbox,
        Instant deadline,
        ListTrajectory trajectory,
        AtomicBoolean cancel)
        implements SessionContext {
    /** The only session of a {@link TestTasks} task, five minutes long and without step or cost caps. */
    public static StubSession over(Sandbox sandbox) {
        Duration five = Duration.ofMinutes(5);
        return over(sandbox, new Limits(five, 0, 0), Instant.now().plus(five), "do the task");
    }

    /** The only session of a {@link TestTasks} task with {@code limits}, until {@code deadline}. */
    public static StubSession over(Sandbox sandbox, Limits limits, Instant deadline, String instruction) {
        return of(TestTasks.view("test-task", limits, 1), instruction, 1, sandbox, deadline);
    }

    /** Session {@code session} of {@code task}, not cancelled, with an empty trajectory. */
    public static StubSession of(TaskView task, String instruction, int session, Sandbox sandbox, Instant deadline) {
        return new StubSession(
                task,
                instruction,
                session,
                task.sessions(),
                sandbox.workspace(),
                sandbox,
                deadline,
                new ListTrajectory(),
                new AtomicBoolean());
    }

    @Override
    public boolean cancelled() {
        return cancel.get();
    }
}
