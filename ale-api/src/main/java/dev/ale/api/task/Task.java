package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One task of an opened pack: its spec, its content digest and its files. The files of each part
 * are read on demand; a task whose content does not match its recorded digest fails with a
 * {@link TaskPackException} naming it before any of its files is handed out.
 */
@API(status = STABLE)
public interface Task {
    /** The parsed {@code task.json}. */
    TaskSpec spec();

    /** The task id. */
    default String id() {
        return spec().id();
    }

    /** SHA-256 (lower-case hex) over the task's sorted file paths and contents. */
    String digest();

    /** The pack this task was read from. */
    PackRef pack();

    /**
     * The files of one part, sorted by path; empty when the task has no such folder.
     *
     * @throws TaskPackException if the content does not match the digest or cannot be read
     */
    List<TaskFile> files(TaskPart part);

    /**
     * Whether the task's reference is sealed ({@code reference.7z}, AES-encrypted): it then opens
     * only through {@link #unsealReference(char[])} with the pack's key, and
     * {@code files(TaskPart.REFERENCE)} is empty.
     */
    default boolean referenceSealed() {
        return false;
    }

    /**
     * The files of a sealed reference, decrypted with {@code key}.
     *
     * @throws TaskPackException naming the task when the key is wrong or the archive unreadable
     */
    default List<TaskFile> unsealReference(char[] key) {
        throw new TaskPackException("tasks/" + id() + "/", "", "the reference of this task is not sealed");
    }

    /**
     * Whether the task's solution is sealed ({@code solution.7z}, AES-encrypted with the same key
     * as the reference, in packs sealed by the SDK): it then opens only through
     * {@link #unsealSolution(char[])}, and {@code files(TaskPart.SOLUTION)} is empty.
     */
    default boolean solutionSealed() {
        return false;
    }

    /**
     * The files of a sealed solution, decrypted with {@code key}.
     *
     * @throws TaskPackException naming the task when the key is wrong or the archive unreadable
     */
    default List<TaskFile> unsealSolution(char[] key) {
        throw new TaskPackException("tasks/" + id() + "/", "", "the solution of this task is not sealed");
    }
}
