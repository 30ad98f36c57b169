package dev.ale.core;

import dev.ale.api.AleException;
import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.task.PackModifiedException;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Copies one attempt's task files into its roots: the inputs and each session's files into the
 * workspace, the reference (unsealed with the key first, when it is sealed) into the reference
 * area. Each step answers with the {@link Failure} that ends the attempt, or null.
 */
final class Staging {
    /** Why staging failed: the attempt ends with this outcome, cause and message. */
    record Failure(Outcome outcome, Cause cause, String message) {}

    private final Task task;
    private final ReferenceKey referenceKey;
    private volatile boolean packModified;
    private List<TaskFile> unsealed;

    Staging(Task task, ReferenceKey referenceKey) {
        this.task = task;
        this.referenceKey = referenceKey;
    }

    /** Whether a task file was found changed since its digest was checked: the run must stop. */
    boolean packModified() {
        return packModified;
    }

    /**
     * Opens a sealed reference with the key before the harness runs, so a missing or wrong key
     * costs no agent run (the files stay in memory until the reference is staged); a failure
     * naming {@code tasks/<id>/reference.7z}, else null.
     */
    @Nullable
    Failure unseal() {
        String id = task.id();
        String where = "tasks/" + id + "/reference.7z";
        char[] key = null;
        try {
            if (!task.referenceSealed()) {
                return null;
            }
            if (!referenceKey.present()) {
                return pack(where + ": the reference is sealed and no key was given"
                        + " (Evaluator.Builder.referenceKey or the environment variable "
                        + ReferenceKey.ENVIRONMENT + ")");
            }
            key = referenceKey.copy();
            unsealed = task.unsealReference(key);
            return null;
        } catch (AleException e) {
            packModified |= e instanceof PackModifiedException;
            String m = e.getMessage();
            return pack(m.startsWith("tasks/" + id + "/") ? m : where + ": " + m);
        } catch (RuntimeException e) {
            return pack(where + ": could not unseal: " + Describe.throwable(e));
        } finally {
            ReferenceKey.wipe(key);
        }
    }

    /** Copies a task part under {@code root}; the failure, or null. */
    @Nullable
    Failure stage(TaskPart part, Path root) {
        List<TaskFile> files;
        try {
            files = part.equals(TaskPart.REFERENCE) && unsealed != null ? unsealed : task.files(part);
        } catch (AleException e) {
            return pack(e.getMessage());
        }
        for (TaskFile file : files) {
            try (InputStream in = file.open()) {
                FileTrees.copyInto(root, file.path(), in);
            } catch (PackModifiedException e) {
                packModified = true;
                return pack(e.getMessage());
            } catch (AleException e) {
                return pack(e.getMessage());
            } catch (IOException | RuntimeException e) {
                return new Failure(
                        Outcome.ERROR,
                        Cause.SANDBOX,
                        "could not stage " + part.folder() + file.path() + ": " + Describe.throwable(e));
            }
        }
        return null;
    }

    private static Failure pack(String message) {
        return new Failure(Outcome.ERROR, Cause.PACK, message);
    }
}
