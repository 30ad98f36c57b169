package dev.ale.taskpack;

import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import java.util.ArrayList;
import java.util.List;

/** Every part of a task that holds files, for tests that read all of a pack. */
public final class TaskParts {
    private TaskParts() {}

    /** Inputs, reference, solution and each session's files, in that order. */
    public static List<TaskPart> of(Task task) {
        List<TaskPart> parts = new ArrayList<>(List.of(TaskPart.INPUTS, TaskPart.REFERENCE, TaskPart.SOLUTION));
        for (int n = 1; n <= task.spec().sessions().size(); n++) {
            parts.add(TaskPart.session(n));
        }
        return parts;
    }
}
