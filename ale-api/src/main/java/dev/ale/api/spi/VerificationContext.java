package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.Sandbox;
import dev.ale.api.Trajectory;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a verifier sees: the output workspace as the harness left it, the hidden reference, the
 * task spec and the harness's trajectory. A verifier must not follow a path out of these roots.
 */
@API(status = STABLE)
public interface VerificationContext {
    /** The root of the harness's workspace. */
    Path output();

    /** The root of the staged reference (an empty directory when the task has none). */
    Path reference();

    /** The task being scored. */
    TaskSpec task();

    /** What the harness recorded. */
    Trajectory trajectory();

    /** The judge the embedding application supplied for rubric criteria, if any. */
    default Optional<Judge> judge() {
        return Optional.empty();
    }

    /**
     * The verdict this attempt got when it was first scored, when it is being scored again from its
     * stored artefacts; rubric verifiers replay the judge answers recorded in it.
     */
    default Optional<Verdict> previous() {
        return Optional.empty();
    }

    /** When the verifier's time runs out; long-running verifiers (external graders) stop by then. */
    default Instant deadline() {
        return Instant.MAX;
    }

    /**
     * A directory on the local file system for this verification alone, for a verifier that hands
     * files to an external program (the {@code command} verifier copies the reference there): owner
     * only, inside the run's private folder (never the shared temporary directory), made on the
     * first call and removed with everything in it as soon as the verification ends. The reference
     * itself is otherwise held in memory that no process can reach.
     *
     * @throws UnsupportedOperationException where the caller offers none; the verifier then makes a
     *     private directory of its own
     */
    @API(status = EXPERIMENTAL)
    default Path privateDirectory() throws IOException {
        throw new UnsupportedOperationException("this verification context offers no private directory");
    }

    /**
     * The files of the task's {@code inputs/} or hidden {@code grader/} folder, for verifiers that run
     * the task's own grader (a command verifier copies them, read-only, as {@code {inputs}} and
     * {@code {task}}); empty when the task has none or the evaluator gives none.
     *
     * @throws IllegalArgumentException for another part (the reference is {@link #reference()}; the
     *     solution is never given to a verifier)
     */
    default List<TaskFile> taskFiles(TaskPart part) {
        if (part.kind() != TaskPart.Kind.INPUTS && part.kind() != TaskPart.Kind.GRADER) {
            throw new IllegalArgumentException(
                    "a verifier gets the task's inputs/ and grader/ only, not " + part.folder());
        }
        return List.of();
    }

    /**
     * The attempt's sandbox, for verifiers that run programs: they start them the way the sandbox
     * starts the harness's (under bubblewrap for a bubblewrap sandbox), so one choice of sandbox
     * isolates every process of an attempt. Empty when there is none (re-scoring stored artefacts).
     */
    default Optional<Sandbox> sandbox() {
        return Optional.empty();
    }
}
