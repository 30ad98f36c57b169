package dev.ale.api;

import java.nio.file.Path;

/**
 * What a verifier sees: the output workspace as the harness left it, the hidden reference, the
 * task spec and the harness's trajectory. A verifier must not follow a path out of these roots.
 */
public interface VerificationContext {
    /** The root of the harness's workspace. */
    Path output();

    /** The root of the staged reference (an empty directory when the task has none). */
    Path reference();

    /** The task being scored. */
    TaskSpec task();

    /** What the harness recorded. */
    Trajectory trajectory();
}
