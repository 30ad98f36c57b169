package dev.ale.process;

import dev.ale.api.SessionContext;
import dev.ale.api.Step;
import dev.ale.api.TaskView;
import dev.ale.api.task.Limits;
import dev.ale.testfixtures.ListTrajectory;
import dev.ale.testfixtures.TestTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One attempt's session as a runner would hand it to a harness, for the tests: a workspace folder
 * of its own, a sandbox with a launcher (directly or under bubblewrap), an instruction, a deadline
 * and a trajectory kept in memory.
 */
record AttemptStub(
        TaskView task,
        String instruction,
        int session,
        int sessions,
        Path workspace,
        Box sandbox,
        Instant deadline,
        ListTrajectory trajectory,
        AtomicBoolean stopped)
        implements SessionContext, AutoCloseable {
    /** The attempt of task {@code task}, its workspace {@code <parent>/ale-<task>/workspace}. */
    static AttemptStub of(Path parent, ProcessLauncher launcher, String task, String instruction, Duration timeout)
            throws IOException {
        Path workspace = Files.createDirectories(parent.resolve("ale-" + task).resolve("workspace"));
        return new AttemptStub(
                TestTasks.view(task, Limits.defaults(), 1),
                instruction,
                1,
                1,
                workspace,
                new Box(workspace, new ProcessGroup(launcher)),
                Instant.now().plus(timeout),
                new ListTrajectory(),
                new AtomicBoolean());
    }

    /** The sandbox: the workspace, and processes started through a group that closing it kills. */
    record Box(Path workspace, ProcessGroup launcher) implements ProcessSandbox {
        @Override
        public void close() {
            launcher.close();
        }
    }

    @Override
    public boolean cancelled() {
        return stopped.get();
    }

    /** Cancels the attempt, as a runner does when its run is cancelled. */
    void cancel() {
        stopped.set(true);
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
        sandbox.close();
    }
}
