package dev.ale.core;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.TaskView;
import dev.ale.api.Trajectory;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.task.TaskSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The context objects handed to harnesses and verifiers. */
final class Contexts {
    private Contexts() {}

    record Session(
            TaskView task,
            String instruction,
            int session,
            int sessions,
            Sandbox sandbox,
            Trajectory trajectory,
            Instant deadline,
            BooleanSupplier cancelledFlag)
            implements SessionContext {
        @Override
        public Path workspace() {
            return sandbox.workspace();
        }

        @Override
        public boolean cancelled() {
            return cancelledFlag.getAsBoolean();
        }
    }

    /**
     * What a verifier sees. {@code judge} and {@code previous} are empty when there is none;
     * {@code deadline} is when the verifier's time runs out.
     */
    record Verification(
            Path output,
            Path reference,
            TaskSpec task,
            Trajectory trajectory,
            java.util.Optional<dev.ale.api.spi.Judge> judge,
            java.util.Optional<dev.ale.api.spi.Verdict> previous,
            Instant deadline,
            java.util.Optional<Sandbox> sandbox)
            implements VerificationContext {
        /** A context without a sandbox (a pack self-check, re-scoring). */
        Verification(
                Path output,
                Path reference,
                TaskSpec task,
                Trajectory trajectory,
                java.util.Optional<dev.ale.api.spi.Judge> judge,
                java.util.Optional<dev.ale.api.spi.Verdict> previous,
                Instant deadline) {
            this(output, reference, task, trajectory, judge, previous, deadline, java.util.Optional.empty());
        }
    }
}
