package dev.ale.core;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.TaskView;
import dev.ale.api.Trajectory;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        public boolean cancelled() {
            return cancelledFlag.getAsBoolean();
        }
    }

    /** Makes the private directory of one verification, on request. */
    @FunctionalInterface
    interface PrivateDirectory {
        Path get() throws IOException;
    }

    /**
     * What a verifier sees. {@code judge} and {@code previous} are empty when there is none;
     * {@code deadline} is when the verifier's time runs out; {@code source} gives the task's
     * {@code inputs/} and {@code grader/} files (never its solution); {@code directory} makes the
     * verification's private directory (null: none is offered).
     */
    record Verification(
            Path output,
            Path reference,
            TaskSpec task,
            Trajectory trajectory,
            Optional<Judge> judge,
            Optional<Verdict> previous,
            Instant deadline,
            Task source,
            Optional<Sandbox> sandbox,
            PrivateDirectory directory)
            implements VerificationContext {
        /** The context of a pack self-check: no judge, no previous verdict, no deadline, sandbox or private directory. */
        static Verification selfCheck(Path output, Path reference, Task source, Trajectory trajectory) {
            return new Verification(
                    output,
                    reference,
                    source.spec(),
                    trajectory,
                    Optional.empty(),
                    Optional.empty(),
                    Instant.MAX,
                    source,
                    Optional.empty(),
                    null);
        }

        @Override
        public List<TaskFile> taskFiles(TaskPart part) {
            VerificationContext.super.taskFiles(part);
            return source.files(part);
        }

        @Override
        public Path privateDirectory() throws IOException {
            if (directory == null) {
                return VerificationContext.super.privateDirectory();
            }
            return directory.get();
        }
    }
}
