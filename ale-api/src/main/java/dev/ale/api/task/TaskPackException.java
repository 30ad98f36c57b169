package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.AleException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A task pack, or one entry of it, is unreadable, unsafe or invalid. The source is the pack
 * entry (for instance {@code tasks/bank-rec/task.json}) and the rule says what was refused.
 */
@API(status = STABLE)
public class TaskPackException extends AleException {
    private static final long serialVersionUID = 1L;

    public TaskPackException(String source, String field, String rule) {
        super(source, field, rule);
    }

    public TaskPackException(String source, String field, String rule, @Nullable Throwable cause) {
        super(source, field, rule, cause);
    }
}
