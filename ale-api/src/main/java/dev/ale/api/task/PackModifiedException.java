package dev.ale.api.task;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A task file no longer holds the bytes its digest was checked on: the pack was changed while a
 * run used it (by an agent that rewrote or replaced its task's reference, for instance). The
 * runner ends the attempt in {@code ERROR} (cause {@code PACK}) and stops the run, so no further
 * attempt is scored against a changed pack.
 */
@API(status = EXPERIMENTAL)
public class PackModifiedException extends TaskPackException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source the pack entry that changed, such as {@code tasks/bank-rec/reference/answer.csv}
     * @param field  the field within it (usually empty)
     * @param rule   what was found, in a sentence
     */
    public PackModifiedException(String source, String field, String rule) {
        super(source, field, rule);
    }
}
