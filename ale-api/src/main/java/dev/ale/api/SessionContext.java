package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * What the harness sees during one session: the task's visible metadata, the instruction, the
 * sandbox workspace and a trajectory to record its steps in. It never exposes the reference.
 */
@API(status = STABLE)
public interface SessionContext {
    /** Visible metadata of the task: id, title, taxonomy, tier, limits. */
    TaskView task();

    /** This session's instruction. */
    String instruction();

    /** The 1-based number of this session. */
    int session();

    /** How many sessions the task has. */
    int sessions();

    /**
     * The root of the workspace; files left here are what the verifier scores. By default the
     * {@linkplain #sandbox() sandbox}'s.
     */
    default Path workspace() {
        return sandbox().workspace();
    }

    /** The sandbox the workspace belongs to. */
    Sandbox sandbox();

    /** Where the harness records messages, tool calls, observations and usage. */
    Trajectory trajectory();

    /** When the attempt's time runs out; at that moment the harness thread is interrupted. */
    Instant deadline();

    /** True once the runner has cancelled the attempt (deadline, budget or run cancelled). */
    boolean cancelled();
}
