package dev.ale.taskpack;

import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An opened pack, or a selection of its tasks; every view of a pack shares its {@link PackState}. */
final class PackView implements TaskPack {
    private final PackState state;
    private final List<Task> tasks;
    private final Map<String, Task> byId = new LinkedHashMap<>();

    PackView(PackState state, List<Task> tasks) {
        this.state = state;
        this.tasks = List.copyOf(tasks);
        this.tasks.forEach(t -> byId.put(t.id(), t));
    }

    @Override
    public PackRef ref() {
        return state.ref();
    }

    @Override
    public PackInfo info() {
        return state.info();
    }

    @Override
    public List<Task> tasks() {
        return tasks;
    }

    @Override
    public Optional<Task> task(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Map<String, List<String>> lists() {
        return state.lists();
    }

    @Override
    public List<String> warnings() {
        return state.warnings();
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
        PackRef ref = state.ref();
        return "pack " + ref.name() + " " + ref.version() + " (" + tasks.size() + " tasks)";
    }
}
