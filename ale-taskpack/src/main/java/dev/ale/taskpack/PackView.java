package dev.ale.taskpack;

import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An opened pack, or a selection of its tasks; every view of a pack shares its {@link PackState}
 * (whose manifest facts it shows as its own).
 */
record PackView(
        PackState state,
        PackRef ref,
        PackInfo info,
        Map<String, List<String>> lists,
        List<String> warnings,
        List<Task> tasks,
        Map<String, Task> byId)
        implements TaskPack {
    PackView(PackState state, List<Task> tasks) {
        this(state, state.ref(), state.info(), state.lists(), state.warnings(), List.copyOf(tasks), byId(tasks));
    }

    private static Map<String, Task> byId(List<Task> tasks) {
        Map<String, Task> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    @Override
    public Optional<Task> task(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public TaskPack select(TaskFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return new PackView(
                state, tasks.stream().filter(t -> filter.test(t, this)).toList());
    }

    @Override
    public void verify() {
        for (Task t : tasks) {
            ((PackTask) t).verify();
        }
    }

    @Override
    public void close() {
        state.close();
    }

    @Override
    public String toString() {
        return "pack " + ref.name() + " " + ref.version() + " (" + tasks.size() + " tasks)";
    }
}
