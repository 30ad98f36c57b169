package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One session of a task: the instruction the harness is given. Files under the task's
 * {@code sessions/<number>/} folder are staged into the workspace before the session starts.
 *
 * @param number      1-based session number
 * @param instruction what the harness is asked to do in this session
 */
@API(status = STABLE)
public record SessionSpec(int number, String instruction) {
    public SessionSpec {
        if (number < 1) {
            throw new IllegalArgumentException("session number must be >= 1, got " + number);
        }
        Objects.requireNonNull(instruction, "instruction");
    }
}
