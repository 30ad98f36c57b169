package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.Trajectory;
import dev.ale.api.task.TaskSpec;
import java.nio.file.Path;
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
    default java.util.Optional<Judge> judge() {
        return java.util.Optional.empty();
    }

    /**
     * The verdict this attempt got when it was first scored, when it is being scored again from its
     * stored artefacts; rubric verifiers replay the judge answers recorded in it.
     */
    default java.util.Optional<Verdict> previous() {
        return java.util.Optional.empty();
    }

    /** When the verifier's time runs out; long-running verifiers (external graders) stop by then. */
    default java.time.Instant deadline() {
        return java.time.Instant.MAX;
    }

    /**
     * The attempt's sandbox, for verifiers that run programs: they start them the way the sandbox
     * starts the harness's (under bubblewrap for a bubblewrap sandbox), so one choice of sandbox
     * isolates every process of an attempt. Empty when there is none (re-scoring stored artefacts).
     */
    default java.util.Optional<dev.ale.api.Sandbox> sandbox() {
        return java.util.Optional.empty();
    }
}
