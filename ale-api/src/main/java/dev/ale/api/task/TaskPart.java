package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A part of a task's files: its inputs, the inputs of one session, the hidden reference, the
 * solution used by the pack self-check, or the hidden files of the task's own grader.
 *
 * @param kind    which folder of the task
 * @param session the 1-based session number for {@link Kind#SESSION}, otherwise 0
 */
@API(status = STABLE)
public record TaskPart(Kind kind, int session) {
    /** The folders of a task. */
    @API(status = STABLE)
    public enum Kind {
        /** {@code inputs/}: staged into the workspace before the first session. */
        INPUTS,
        /** {@code sessions/<n>/}: staged before session n. */
        SESSION,
        /** {@code reference/}: hidden; staged for the verifier only, after the harness is done. */
        REFERENCE,
        /** {@code solution/}: a correct output, for the self-check; never staged in a run. */
        SOLUTION,
        /**
         * {@code grader/}: the task's own grader (scripts, an ALE {@code main.py}); hidden like the
         * reference, handed to the verifier only (a command verifier's {@code {task}}).
         */
        GRADER
    }

    public static final TaskPart INPUTS = new TaskPart(Kind.INPUTS, 0);
    public static final TaskPart REFERENCE = new TaskPart(Kind.REFERENCE, 0);
    public static final TaskPart SOLUTION = new TaskPart(Kind.SOLUTION, 0);
    public static final TaskPart GRADER = new TaskPart(Kind.GRADER, 0);

    public TaskPart {
        if ((kind == Kind.SESSION) != (session > 0)) {
            throw new IllegalArgumentException(
                    "a session number goes with SESSION parts only, and SESSION needs one >= 1");
        }
    }

    /** The inputs of session {@code n} (1-based). */
    public static TaskPart session(int n) {
        return new TaskPart(Kind.SESSION, n);
    }

    /** The folder of this part within the task, such as {@code sessions/2/}. */
    public String folder() {
        return switch (kind) {
            case INPUTS -> "inputs/";
            case SESSION -> "sessions/" + session + "/";
            case REFERENCE -> "reference/";
            case SOLUTION -> "solution/";
            case GRADER -> "grader/";
        };
    }
}
