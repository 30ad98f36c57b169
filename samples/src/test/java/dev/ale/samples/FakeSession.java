package dev.ale.samples;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Limits;
import dev.ale.testfixtures.StubSession;
import dev.ale.testfixtures.TestTasks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Session contexts for harness tests: a task id, an instruction, a sandbox (by default a plain
 * directory), a deadline, a cancel switch the test controls and a trajectory that keeps its steps.
 */
final class FakeSession {
    private FakeSession() {}

    /** Session {@code session} of {@code sessions} over a plain directory, with ten minutes to go. */
    static StubSession of(String taskId, String instruction, int session, int sessions, Path workspace) {
        return StubSession.of(
                TestTasks.view(taskId, Limits.defaults(), sessions),
                instruction,
                session,
                directory(workspace),
                Instant.now().plusSeconds(600));
    }

    /** The only session of a task, over {@code sandbox}, until {@code deadline}. */
    static StubSession of(String taskId, String instruction, Sandbox sandbox, Instant deadline) {
        return StubSession.of(TestTasks.view(taskId, Limits.defaults(), 1), instruction, 1, sandbox, deadline);
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

    /** A finished session: its context (with the recorded steps) and how the harness ended it. */
    record Result(StubSession context, SessionOutcome outcome) {}
}
